// Screenshots of a 1 MB note, its start and its end, to look at (not a test of behaviour):
//   FIELDNOTES_SCREENSHOTS=1 npx playwright test test/screenshots/large-note.spec.ts --project screenshots
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from '@playwright/test';
import { LARGE_NOTE_ID, LARGE_NOTE_LAST_WORD, largeNoteText } from '../support/large-note';
import { startServeProcess } from '../support/serve-process';
import { removeDir, tempDir } from '../support/temp';
import { everyWay } from './every-way';

test('a 1 MB note, its start and its end, in light and dark, wide and small', async ({ browser }) => {
  test.setTimeout(240_000);
  const notebook = await tempDir('fieldnotes-large-note-');
  await mkdir(join(notebook, 'big'));
  await writeFile(join(notebook, 'big', '2026-03-01-a-very-large-note.md'), largeNoteText());
  const server = await startServeProcess(notebook, { FIELDNOTES_HOME: await tempDir() });
  try {
    await everyWay(browser, 'large-note', `${server.url}#/notes/${LARGE_NOTE_ID}`, async (page, shot) => {
      const body = page.locator('article.note-view > .markdown');
      await body.locator('pre.code-block code .hljs-keyword').first().waitFor();
      await shot('start');
      for (let i = 0; i < 60 && (await body.getAttribute('aria-busy')) !== 'false'; i++) await page.waitForTimeout(500);
      await body.getByText(LARGE_NOTE_LAST_WORD).scrollIntoViewIfNeeded();
      await page.waitForTimeout(500);
      await shot('end');
    });
  } finally {
    await server.stop();
    await removeDir(notebook);
  }
});
