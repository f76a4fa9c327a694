// A note of a megabyte opens like a short one: its start shows at once with its code colored, the
// rest comes in without freezing the window, and then its end can be scrolled to and found.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LARGE_NOTE_FIRST_WORD, LARGE_NOTE_ID, LARGE_NOTE_LAST_WORD, largeNoteText } from '../../support/large-note';
import { startServeProcess } from '../../support/serve-process';
import { removeDir, tempDir } from '../../support/temp';
import { expect, openApp, test } from './fixtures';

const small = (id: string, title: string, created: string): string =>
  `---\nid: ${id}\ntitle: ${title}\nmode: explain\nstatus: done\ncreated: ${created}\nrepo: { name: big }\n---\nA short note.\n`;

test('a 1 MB note shows its start, then its end, with code colored, and find-in-note finds its last word', async ({ page }) => {
  test.setTimeout(90_000);
  const notebook = await tempDir('fieldnotes-large-note-');
  await mkdir(join(notebook, 'big'));
  await writeFile(join(notebook, 'big', '2026-03-01-a-very-large-note.md'), largeNoteText());
  await writeFile(join(notebook, 'big', '2026-02-01-older.md'), small('01JBF000000000000000000000', 'An older note', '2026-02-01T10:00:00.000Z'));
  await writeFile(join(notebook, 'big', '2026-04-01-newer.md'), small('01JBH000000000000000000000', 'A newer note', '2026-04-01T10:00:00.000Z'));
  const server = await startServeProcess(notebook, { FIELDNOTES_HOME: await tempDir() });
  try {
    // The list's first screen can come before the whole list: only the newest notes, newest first.
    const newest = await page.request.post(`${server.origin}/api/notes.list`, { headers: { ...server.auth, Origin: server.origin }, data: { limit: 2 } });
    expect(((await newest.json()) as { value: { notes: { title: string }[] } }).value.notes.map((note) => note.title)).toEqual(['A newer note', 'A very large note']);

    await openApp(page, server.url);
    await page.getByRole('option', { name: /A very large note/ }).click();
    await expect(page.getByRole('article', { name: 'A very large note' })).toBeVisible();
    // CSS from here on: a role query walks every node of the page, and a 1 MB note has many.
    const body = page.locator('article.note-view > .markdown');
    await expect(body.getByText(LARGE_NOTE_FIRST_WORD)).toBeVisible();
    // The code on screen is colored; code far below is not, until it comes near.
    const firstCode = body.locator('pre.code-block code').first();
    await expect(firstCode.locator('.hljs-keyword').first()).toBeVisible();
    const lastCode = body.locator('pre.code-block code.language-python').last();

    // The whole note comes in, and the window answers meanwhile.
    // (Asked from here now and then: Playwright's in-page waiting would keep the page too busy.)
    await expect.poll(() => body.getAttribute('aria-busy'), { timeout: 30_000, intervals: [250, 500, 1000] }).toBe('false');
    expect(await lastCode.evaluate((code) => code.childElementCount)).toBe(0);
    const last = body.getByText(LARGE_NOTE_LAST_WORD);
    await last.scrollIntoViewIfNeeded();
    await expect(last).toBeInViewport();
    await expect(lastCode.locator('.hljs-keyword').first()).toBeVisible();

    // Back at the top, find-in-note (the browser's find) finds the last word, in the last paragraph.
    await body.getByText(LARGE_NOTE_FIRST_WORD).scrollIntoViewIfNeeded();
    await expect(last).not.toBeInViewport();
    const found = await page.evaluate((word) => {
      const page = globalThis as unknown as {
        find(text: string): boolean;
        getSelection(): { toString(): string; anchorNode: { parentElement: { textContent: string | null } | null } | null } | null;
      };
      if (!page.find(word)) return null;
      const selection = page.getSelection();
      return { text: selection?.toString(), paragraph: selection?.anchorNode?.parentElement?.textContent };
    }, LARGE_NOTE_LAST_WORD);
    expect(found).toEqual({ text: LARGE_NOTE_LAST_WORD, paragraph: `The last paragraph of the note, with the word ${LARGE_NOTE_LAST_WORD} in it.` });
    await expect(page).toHaveURL(new RegExp(`#/notes/${LARGE_NOTE_ID}$`));
  } finally {
    await server.stop();
    await removeDir(notebook);
  }
});
