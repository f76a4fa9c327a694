// Screenshots of every view to look at (not a test of behaviour), in light and dark, at 1440×900
// and 900×600: notes, a note (and its folded toolbar), search, the palette, the composer and its
// codebase picker, a selection over its context window, tasks running and done, sessions,
// settings and the trash. The fake agent runs real tasks, one held running until the end.
//   FIELDNOTES_SCREENSHOTS=1 npx playwright test test/screenshots/views.spec.ts --project=screenshots   →   test-results/screenshots/
// Compare (compare.spec.ts), refresh, sync and the 1 MB note have specs of their own.
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openApp } from '../e2e/web/fixtures';
import { startTasksServer, type TasksServer } from '../e2e/web/tasks-fixtures';

const OUT = join('test-results', 'screenshots');
const SIZES = [
  { width: 1440, height: 900 },
  { width: 900, height: 600 },
];
let tasks: TasksServer;

test.beforeAll(async () => {
  tasks = await startTasksServer({ concurrency: 2 });
});
test.afterAll(async () => {
  await tasks.release('views');
  await tasks.stop();
});

async function call(page: Page, method: string, data: Record<string, unknown>): Promise<unknown> {
  const response = await page.request.post(`${tasks.server.origin}/api/${method}`, { headers: tasks.server.auth, data });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { value: unknown }).value;
}

/** Lets fonts, transitions and lazy queries settle before a picture (not a test: nothing is asserted on time). */
const settle = (page: Page) => page.waitForTimeout(400);

test('every view, in light and dark, wide and small', async ({ browser }) => {
  test.setTimeout(300_000);
  const seed = await browser.newPage();
  await openApp(seed, tasks.server.url);
  await call(seed, 'tasks.ask', { repoPath: tasks.repo, question: 'How are routes registered? [read src/router.ts] [title Routes are one table in src/router.ts]', agents: ['custom'] });
  await call(seed, 'tasks.ask', { repoPath: tasks.repo, question: 'Walk me through a request, from the socket to the handler [read src/router.ts] [pause views]', agents: ['custom'] });
  const list = (await call(seed, 'notes.list', {})) as { notes: Array<{ id: string; title: string }> };
  const doomed = list.notes.find((note) => /Vite plugin hooks/.test(note.title));
  if (doomed) await call(seed, 'notes.delete', { id: doomed.id });
  await seed.close();

  for (const viewport of SIZES) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport, colorScheme });
      const page = await context.newPage();
      const shot = async (name: string) => {
        await settle(page);
        await page.screenshot({ path: join(OUT, `views-${name}-${viewport.width}-${colorScheme}.png`) });
      };
      await page.goto(tasks.server.url);
      const notes = page.getByRole('listbox', { name: 'All notes' });
      await expect(notes.getByRole('option').first()).toBeVisible();
      await shot('notes');

      await notes.getByRole('option', { name: /How does ky turn a call/ }).click();
      await expect(page.getByRole('article')).toBeVisible();
      await shot('note');
      const more = page.getByRole('article').getByRole('button', { name: 'More' });
      if (await more.isVisible()) {
        await more.click();
        await shot('note-menu');
        await page.keyboard.press('Escape');
      }

      // A selection over the default agent's window: the count, the warning and the ways to trim.
      await call(page, 'settings.update', { tasks: { contextWindows: { custom: 500 } } });
      await page.reload();
      await notes.getByRole('option', { name: /How does ky turn a call/ }).click({ modifiers: ['ControlOrMeta'] });
      await notes.getByRole('option', { name: /Why do retries stop/ }).click({ modifiers: ['ControlOrMeta'] });
      await expect(page.getByRole('region', { name: 'Selected notes' })).toContainText('over');
      await shot('selection');
      await page.keyboard.press('Escape');
      await call(page, 'settings.update', { tasks: { contextWindows: {} } });

      await page.keyboard.press('ControlOrMeta+K');
      await page.keyboard.type('retry');
      await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toBeVisible();
      await shot('search');
      await page.getByRole('combobox', { name: 'Search notes' }).fill('');

      await page.keyboard.press('ControlOrMeta+Shift+P');
      await expect(page.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox')).toBeFocused();
      await page.keyboard.type('dark');
      await shot('palette');
      await page.keyboard.press('Escape');

      await page.getByRole('navigation', { name: 'Notebook' }).getByRole('button', { name: 'Ask a question' }).first().click();
      const ask = page.getByRole('dialog', { name: 'Ask agents' });
      await ask.getByRole('textbox', { name: 'Question' }).fill('How does ky retry a request that timed out?');
      await shot('ask');
      await ask.getByRole('button', { name: 'Codebase', exact: true }).click();
      await expect(ask.getByRole('dialog', { name: 'Choose a codebase' })).toBeVisible();
      await shot('ask-codebases');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');

      await page.goto(`${tasks.server.url}#/tasks`);
      await page.getByRole('listitem', { name: /Walk me through/ }).getByRole('button').first().click();
      await expect(page.getByRole('article', { name: /Task: Walk me through/ })).toBeVisible();
      await shot('tasks-running');
      await page.getByRole('listitem', { name: /Routes are one table|How are routes registered/ }).getByRole('button').first().click();
      await expect(page.getByRole('article', { name: /Task: / })).toBeVisible();
      await shot('tasks-done');

      await page.goto(`${tasks.server.url}#/sessions`);
      await expect(page.getByRole('region', { name: 'Sessions' })).toBeVisible();
      await shot('sessions');

      await page.goto(`${tasks.server.url}#/settings`);
      await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
      await shot('settings');
      await page.getByRole('heading', { name: 'Context windows' }).scrollIntoViewIfNeeded();
      await shot('settings-windows');

      await page.goto(`${tasks.server.url}#/notes`);
      // At 900 px the sidebar folds itself; the trash is in it.
      const unfold = page.getByRole('button', { name: 'Show the sidebar' });
      if (await unfold.isVisible()) await unfold.click();
      await page.getByRole('navigation', { name: 'Notebook' }).getByRole('button', { name: /^Trash/ }).click();
      await shot('trash');
      await context.close();
    }
  }
});
