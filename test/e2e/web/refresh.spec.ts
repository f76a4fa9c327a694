// A stale note in the browser: the Stale filter and its count in the sidebar (also scoping search),
// Refresh from the stale banner, the new note that supersedes the old one with the diff of the two
// answers, and the old note pointing forward. The agent is the scriptable fake (tasks-fixtures.ts).
import { expect, openApp, test } from './fixtures';
import { NEW_LINE, OLD_LINE, writeStaleNotes } from './stale-notes';
import { startTasksServer, type TasksServer } from './tasks-fixtures';

test.describe.configure({ timeout: 60_000 });

let tasks: TasksServer;
test.beforeAll(async () => {
  tasks = await startTasksServer();
});
test.afterAll(async () => {
  await tasks?.stop();
});

test('a stale note is counted and filtered, refreshed in one click, and the new answer shows what changed', async ({ page }) => {
  await writeStaleNotes(tasks);

  await openApp(page, tasks.server.url);
  const sidebar = page.getByRole('navigation', { name: 'Notebook' });
  const staleItem = sidebar.getByRole('button', { name: /^Stale/ });
  await expect(staleItem).toContainText('1');
  await staleItem.click();
  const list = page.getByRole('listbox', { name: 'Stale notes' });
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list.getByRole('option', { name: /Routes then/ })).toBeVisible();

  // Search within the Stale filter finds only stale notes.
  const search = page.getByRole('combobox', { name: 'Search notes' });
  await search.fill('routes');
  const results = page.getByRole('listbox', { name: 'Search results' });
  await expect(results.getByRole('option', { name: /Routes then/ })).toBeVisible();
  await expect(results.getByRole('option')).toHaveCount(1);
  await search.fill('');

  await list.getByRole('option', { name: /Routes then/ }).click();
  const old = page.getByRole('article', { name: 'Routes then' });
  const banner = old.getByRole('note', { name: 'This note may be stale' });
  await expect(banner).toContainText('src/router.ts');
  await banner.getByRole('button', { name: 'Refresh' }).click();

  // The new note opens and fills in; once done it says what it supersedes and how the answers differ.
  const fresh = page.getByRole('article', { name: 'Routes now' });
  await expect(fresh).toContainText(NEW_LINE, { timeout: 30_000 });
  await expect(fresh.getByRole('list', { name: 'Supersedes' })).toContainText('Routes then');
  const diff = fresh.getByRole('region', { name: 'Changes from the earlier answer' });
  await expect(diff).toContainText('+2');
  await expect(diff.getByLabel('Answer diff')).toContainText(`− ${OLD_LINE}`);
  await expect(diff.getByLabel('Answer diff')).toContainText(`+ ${NEW_LINE}`);

  // The old note points forward, offers no second refresh, and leaves the Stale filter.
  await fresh.getByRole('list', { name: 'Supersedes' }).getByRole('button', { name: /Routes then/ }).click();
  const superseded = page.getByRole('article', { name: 'Routes then' });
  await expect(superseded.getByRole('list', { name: 'Superseded by' })).toContainText('Routes now');
  await expect(superseded.getByRole('button', { name: 'Refresh' })).toHaveCount(0);
  await expect(staleItem).toBeHidden();
  await superseded.getByRole('note', { name: 'This note may be stale' }).getByRole('button', { name: 'Newer answer' }).click();
  await expect(page.getByRole('article', { name: 'Routes now' })).toBeVisible();
});
