// The layout at a small window (900×600) and a wide one: the sidebar folds by itself and with
// Ctrl/Cmd-\, the list column can be resized and keeps its width, the note's toolbar folds into a
// menu, and nothing of the note is cut off.
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

const ROUTING = /How does ky turn a call/;

/** How far anything in the note pane reaches past the window's right edge, in px (0 when nothing does). */
async function overflowRight(page: Page): Promise<number> {
  const pane = page.locator('.detail-pane');
  let worst = await pane.evaluate((element: { scrollWidth: number; clientWidth: number }) => Math.max(0, element.scrollWidth - element.clientWidth));
  const edge = page.viewportSize()!.width;
  for (const part of await pane.locator('button, h1, .note-facts, .note-toolbar, .markdown p').all()) {
    const box = await part.boundingBox();
    if (box) worst = Math.max(worst, box.x + box.width - edge);
  }
  return Math.round(worst);
}

test('at 900×600 the sidebar folds, the toolbar folds into a menu, and the note is not cut off', async ({ page, server }) => {
  await openApp(page, server.url);
  const nav = page.getByRole('navigation', { name: 'Notebook' });
  await page.setViewportSize({ width: 900, height: 600 });
  await expect(nav.getByRole('button', { name: 'Show the sidebar' })).toBeVisible();
  await page.getByRole('option', { name: ROUTING }).click();
  const note = page.getByRole('article');
  await expect(note.getByRole('heading', { level: 1 })).toHaveText(ROUTING);
  expect(await overflowRight(page)).toBe(0);
  // The note pane keeps most of the window.
  const pane = await page.locator('.detail-pane').boundingBox();
  expect(pane!.width).toBeGreaterThan(500);

  await expect(note.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await note.getByRole('button', { name: 'More' }).click();
  const menu = note.getByRole('group', { name: 'More actions' });
  await expect(menu.getByRole('button', { name: /Copy as context/ })).toBeInViewport();
  await expect(menu.getByRole('button', { name: 'Delete' })).toBeInViewport();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);

  await page.keyboard.press('ControlOrMeta+Backslash');
  await expect(nav.getByRole('button', { name: 'Fold the sidebar' })).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Backslash');
  await expect(nav.getByRole('button', { name: 'Show the sidebar' })).toBeVisible();
});

test('in a wide window the sidebar folds with Ctrl/Cmd-\\ and stays folded; the list keeps the width it was dragged to', async ({ page, server }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, server.url);
  const nav = page.getByRole('navigation', { name: 'Notebook' });
  const list = page.getByRole('region', { name: 'Notes' });
  const before = (await list.boundingBox())!;
  const handle = page.getByRole('separator', { name: 'Resize the notes list' });
  const grip = (await handle.boundingBox())!;
  await page.mouse.move(grip.x + grip.width / 2, grip.y + 200);
  await page.mouse.down();
  await page.mouse.move(grip.x + 120, grip.y + 220, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => Math.round((await list.boundingBox())!.width - before.width)).toBeGreaterThan(100);
  const dragged = Math.round((await list.boundingBox())!.width);

  await page.keyboard.press('ControlOrMeta+Backslash');
  await expect(nav.getByRole('button', { name: 'Show the sidebar' })).toBeVisible();
  await page.reload();
  await expect(nav.getByRole('button', { name: 'Show the sidebar' })).toBeVisible();
  await expect.poll(async () => Math.round((await list.boundingBox())!.width)).toBe(dragged);
  await page.keyboard.press('ControlOrMeta+Backslash');
  await expect(nav.getByText('Browser mode', { exact: true })).toBeVisible();
});
