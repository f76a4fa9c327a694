// A team notebook in the browser mode, with real git: Ana and Ben share a bare remote made here;
// Ben's sidebar shows what is ahead, Sync brings Ana's edit of the same note, the note shows both
// versions (searchable) until Ben keeps both, and a remote that is gone is an error in words.
import { join } from 'node:path';
import { startServeProcess, type ServeProcess } from '../../support/serve-process';
import { conflictingTeam } from '../../support/sync-team';
import { removeDir, tempDir } from '../../support/temp';
import { git } from '../../support/teammates';
import { expect, openApp, test } from './fixtures';

let server: ServeProcess | undefined;
let home: string | undefined;

test.afterEach(async () => {
  await server?.stop();
  if (home) await removeDir(home);
  server = undefined;
});

test('the sidebar shows the sync state, Sync keeps both sides of a clash, and Keep both settles it', async ({ page }) => {
  const { ben } = await conflictingTeam();
  home = await tempDir('fieldnotes-home-');
  server = await startServeProcess(ben, { FIELDNOTES_HOME: home });
  await openApp(page, server.url);

  const box = page.getByRole('region', { name: 'Sync' });
  await expect(box.getByLabel('1 to push, 0 to pull')).toBeVisible();
  await expect(box).toContainText('Never synced');
  await box.getByRole('button', { name: 'Sync now' }).click();
  await expect(box).toContainText('Synced just now');
  await expect(box.getByLabel('0 to push, 0 to pull')).toBeVisible();
  await expect(box).toContainText('1 note has both sides of a conflict');

  const row = page.getByRole('listbox', { name: 'All notes' }).getByRole('option', { name: /How does routing work/ });
  await expect(row).toContainText('Conflict');
  await row.click();
  const conflict = page.getByRole('region', { name: 'Sync conflict' });
  await expect(conflict.getByLabel('Mine')).toContainText('Ben found that the router walks a wombat list.');
  await expect(conflict.getByLabel('Theirs')).toContainText('Ana found that the router matches a quokka trie.');

  // Until Ben chooses, search finds the note by either side's words.
  await page.getByRole('combobox', { name: 'Search notes' }).fill('quokka');
  await expect(page.getByRole('listbox').getByRole('option', { name: /How does routing work/ })).toBeVisible();
  await page.getByLabel('Clear the search').click();

  await page.getByRole('listbox', { name: 'All notes' }).getByRole('option', { name: /How does routing work/ }).click();
  await page.getByRole('button', { name: 'Keep both' }).click();
  await expect(page.getByRole('region', { name: 'Sync conflict' })).toHaveCount(0);
  const body = page.getByRole('article').locator('.markdown');
  await expect(body).toContainText('wombat list');
  await expect(body).toContainText('quokka trie');
  await expect(row).not.toContainText('Conflict');
  await expect(box).not.toContainText('both sides of a conflict');
  // Keeping both is committed at once, alone: the next sync has nothing of Fieldnotes' to stop on.
  await expect.poll(() => git(ben, 'log', '-1', '--format=%s').trim()).toBe('sync: keep both for How does routing work?');
});

test('"Share this notebook" in the sidebar opens Settings at Sharing', async ({ page }) => {
  const notebook = await tempDir('fieldnotes-unshared-');
  home = await tempDir('fieldnotes-home-');
  server = await startServeProcess(notebook, { FIELDNOTES_HOME: home });
  await openApp(page, server.url);
  await page.getByRole('region', { name: 'Sharing' }).getByRole('button', { name: 'Share this notebook' }).click();
  await expect(page).toHaveURL(/#\/settings\/sharing$/);
  await expect(page.getByRole('heading', { name: 'Sharing', level: 2 })).toBeInViewport();
  await expect(page.getByRole('heading', { name: 'Tasks', level: 2 })).not.toBeInViewport();
});

test('a remote that is gone is an error in words in the sidebar', async ({ page }) => {
  const { ben } = await conflictingTeam();
  const gone = join(await tempDir('fieldnotes-gone-'), 'team.git');
  git(ben, 'remote', 'set-url', 'origin', gone);
  home = await tempDir('fieldnotes-home-');
  server = await startServeProcess(ben, { FIELDNOTES_HOME: home });
  await openApp(page, server.url);
  const box = page.getByRole('region', { name: 'Sync' });
  await box.getByRole('button', { name: 'Sync now' }).click();
  await expect(box.getByRole('alert')).toContainText(`There is no repository at ${gone}`);
});
