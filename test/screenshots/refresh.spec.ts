// Screenshots of a stale note, the Stale filter, a refresh's new note with the diff of the two
// answers, and the superseded note (not a test of behaviour), in light and dark, wide and small:
//   FIELDNOTES_SCREENSHOTS=1 npx playwright test test/screenshots/refresh.spec.ts --project screenshots
import { expect, test } from '../e2e/web/fixtures';
import { NEW_LINE, writeStaleNotes } from '../e2e/web/stale-notes';
import { startTasksServer } from '../e2e/web/tasks-fixtures';
import { everyWay } from './every-way';

test('a stale note, refreshed', async ({ browser }) => {
  test.setTimeout(240_000);
  const tasks = await startTasksServer();
  try {
    await writeStaleNotes(tasks);
    await everyWay(browser, 'refresh', tasks.server.url, async (page, shot) => {
      // A small window folds the sidebar to a rail: the note is picked from all notes there.
      const staleItem = page.getByRole('navigation', { name: 'Notebook' }).getByRole('button', { name: /^Stale/ });
      if (await staleItem.isVisible()) await staleItem.click();
      await page.getByRole('option', { name: /Routes then/ }).click();
      await expect(page.getByRole('note', { name: 'This note may be stale' })).toBeVisible();
      await page.waitForTimeout(400);
      await shot('stale');
      const more = page.getByRole('article').getByRole('button', { name: 'More' });
      if (await more.isVisible()) {
        await more.click();
        await shot('stale-menu');
      }
    });
    await everyWay(browser, 'refresh', tasks.server.url, async (page, shot) => {
      if (!(await page.getByRole('option', { name: /Routes now/ }).isVisible())) {
        await page.getByRole('option', { name: /Routes then/ }).click();
        await page.getByRole('note', { name: 'This note may be stale' }).getByRole('button', { name: 'Refresh' }).click();
        await expect(page.getByRole('article', { name: 'Routes now' })).toContainText(NEW_LINE, { timeout: 30_000 });
      } else {
        await page.getByRole('option', { name: /Routes now/ }).click();
      }
      await expect(page.getByLabel('Answer diff')).toBeVisible();
      await page.waitForTimeout(400);
      await shot('new');
      await page.getByLabel('Answer diff').scrollIntoViewIfNeeded();
      await shot('diff');
      await page.getByRole('list', { name: 'Supersedes' }).getByRole('button', { name: /Routes then/ }).click();
      await expect(page.getByRole('list', { name: 'Superseded by' })).toBeVisible();
      await page.waitForTimeout(400);
      await shot('old');
    });
  } finally {
    await tasks.stop();
  }
});
