// Screenshots of sharing (not a test of behaviour): the sidebar's sync box, a conflicted note with
// both versions, Settings ▸ Sharing, and "Open a shared notebook", in light and dark, wide and small:
//   FIELDNOTES_SCREENSHOTS=1 npx playwright test test/screenshots/sync.spec.ts --project screenshots
import { expect, test } from '@playwright/test';
import { startServeProcess } from '../support/serve-process';
import { conflictingTeam } from '../support/sync-team';
import { tempDir } from '../support/temp';
import { everyWay } from './every-way';

test('sharing, in light and dark, wide and small', async ({ browser }) => {
  test.setTimeout(180_000);
  const { ben } = await conflictingTeam();
  const server = await startServeProcess(ben, { FIELDNOTES_HOME: await tempDir('fieldnotes-home-') });
  try {
    let synced = false;
    await everyWay(browser, 'sync', server.url, async (page, shot) => {
      const unfold = page.getByRole('button', { name: 'Show the sidebar' });
      if (await unfold.isVisible()) {
        await expect(page.getByRole('button', { name: 'Sync now' })).toBeVisible();
        await shot('rail');
        await unfold.click();
      }
      const box = page.getByRole('region', { name: 'Sync' });
      await expect(box).toBeVisible();
      if (!synced) {
        await shot('before');
        await box.getByRole('button', { name: 'Sync now' }).click();
        await expect(box).toContainText('Synced');
        synced = true;
      }
      await page.getByRole('option', { name: /How does routing work/ }).click();
      await expect(page.getByRole('region', { name: 'Sync conflict' })).toBeVisible();
      await page.waitForTimeout(400);
      await shot('conflict');
      await page.getByRole('button', { name: /ben|notebook/i }).first().click();
      const menu = page.getByRole('dialog', { name: 'Switch notebook' });
      if (await menu.isVisible()) {
        await menu.getByRole('button', { name: 'Open a shared notebook…' }).click();
        await shot('open-shared');
        await page.keyboard.press('Escape');
      }
      await page.goto(`${server.url}#/settings`);
      if (await unfold.isVisible()) await unfold.click();
      await page.getByRole('heading', { name: 'Sharing' }).scrollIntoViewIfNeeded();
      await page.waitForTimeout(400);
      await shot('settings');
    });
  } finally {
    await server.stop();
  }
});
