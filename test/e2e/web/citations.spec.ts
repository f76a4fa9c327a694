// A note's citations in the browser: the count in the header, broken ones marked with why, the
// cited lines on hover as they were at the note's commit, and a click that opens the file the
// citation resolved to.
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gitIn, makeRepo } from '../../support/git-repo';
import { startServeProcess } from '../../support/serve-process';
import { tempDir } from '../../support/temp';
import { expect, test } from './fixtures';

const numbered = (count: number) => Array.from({ length: count }, (_, i) => `line ${i + 1}`).join('\n') + '\n';

test('citations are counted, checked, previewed on hover and opened where they resolved', async ({ browser, notebook }) => {
  test.skip(process.platform !== 'linux', 'the stand-in on PATH replaces xdg-open, which the app runs only on Linux (electron/core/ports/node-ports.ts)');
  const bin = await tempDir('fieldnotes-bin-');
  await writeFile(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$1" >> '${join(bin, 'opened.log')}'\n`);
  await chmod(join(bin, 'xdg-open'), 0o755);
  const repo = await makeRepo({ 'src/util/math.ts': numbered(10), 'src/router.ts': numbered(30) }, 'app');
  const commit = gitIn(repo, 'rev-parse', 'HEAD').trim();
  await writeFile(join(repo, 'src/router.ts'), numbered(31));
  gitIn(repo, 'commit', '-qam', 'grow the router');
  await mkdir(join(notebook, 'app'), { recursive: true });
  await writeFile(
    join(notebook, 'app', '2026-11-29-math.md'),
    `---\nid: 01JF0000000000000000000C7T\ntitle: Where is the math?\ncreated: 2026-11-29T09:00:00.000Z\nrepo: { name: app, path: ${repo}, commit: ${commit} }\n---\n` +
      'The helper is `math.ts:2`, the router src/router.ts:5-6, and `src/gone.ts:3` is no more.\n',
  );
  const server = await startServeProcess(notebook, { FIELDNOTES_HOME: await tempDir(), PATH: `${bin}:${process.env.PATH}` });
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByRole('option', { name: /Where is the math/ }).click();
    const note = page.getByRole('article');
    const bar = note.getByRole('region', { name: 'Citations' });
    await expect(bar).toContainText('3 citations · 2 check out');
    await expect(bar).toContainText(`src/gone.ts:3: no such file at ${commit.slice(0, 7)}`);
    await expect(bar).toContainText('src/router.ts changed; the lines 5–6 cited here did not');
    await expect(note.getByRole('link', { name: 'src/gone.ts:3' })).toHaveAttribute('title', `Does not check out: no such file at ${commit.slice(0, 7)}`);

    // Plain text becomes a link too; hovering shows the lines at the note's commit.
    await note.getByRole('link', { name: 'src/router.ts:5-6' }).hover();
    const preview = page.getByRole('tooltip');
    await expect(preview).toContainText(`src/router.ts lines 5–6 at ${commit.slice(0, 7)}`);
    await expect(preview.locator('.is-cited')).toHaveText(['5line 5', '6line 6']);

    await note.getByRole('link', { name: 'math.ts:2' }).click();
    await expect.poll(() => readFile(join(bin, 'opened.log'), 'utf8').catch(() => '')).toBe(`${join(repo, 'src', 'util', 'math.ts')}\n`);
    await page.close();
  } finally {
    await server.stop();
  }
});
