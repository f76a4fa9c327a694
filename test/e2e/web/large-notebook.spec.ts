// A notebook of 10,000 notes: the list holds all of them but renders only what is on screen, and
// moving to the last note is immediate.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServeProcess } from '../../support/serve-process';
import { removeDir, tempDir } from '../../support/temp';
import { expect, test } from './fixtures';

const COUNT = 10_000;

test('10,000 notes list, scroll and select without rendering them all', async ({ browser }) => {
  // Writing 10,000 files and a cold first open (while search indexes them) take a while on 2 cores.
  test.setTimeout(120_000);
  const notebook = await tempDir('fieldnotes-large-');
  await mkdir(join(notebook, 'big'));
  for (let start = 0; start < COUNT; start += 500) {
    await Promise.all(
      Array.from({ length: 500 }, (_, k) => {
        const i = start + k;
        const created = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
        return writeFile(join(notebook, 'big', `note-${i}.md`), `---\nid: 01JG${String(i).padStart(22, '0')}\ntitle: Note number ${i}\ncreated: ${created}\nrepo: { name: big }\n---\nBody ${i}.\n`);
      }),
    );
  }
  const server = await startServeProcess(notebook, { FIELDNOTES_HOME: await tempDir() });
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    const list = page.getByRole('listbox', { name: 'All notes' });
    await expect(page.locator('.pane-count')).toHaveText('10000', { timeout: 20_000 });
    // Newest first, and only a screenful of rows in the DOM.
    await expect(list.getByRole('option').first()).toContainText(`Note number ${COUNT - 1}`);
    expect(await list.getByRole('option').count()).toBeLessThan(60);

    await list.getByRole('option').first().click();
    await page.keyboard.press('End');
    const last = list.getByRole('option', { name: /Note number 0 / });
    await expect(last).toHaveAttribute('aria-selected', 'true');
    await expect(last).toBeInViewport();
    await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText('Note number 0');
    expect(await list.getByRole('option').count()).toBeLessThan(60);
    await page.close();
  } finally {
    await server.stop();
    await removeDir(notebook);
  }
});
