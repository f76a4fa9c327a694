// Temp files that killed writes leave beside notes are removed when the notebook opens, and a
// notebook in git keeps them out of `git add -A` with a line in its .gitignore.
import { mkdir, readFile, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { Notebook } from '../../electron/core/notebook/notebook';
import { STALE_TEMP_MS } from '../../electron/core/notebook/stale-temps';
import { gitIn } from '../support/git-repo';
import { noteText, writeNoteFile } from '../support/notes';
import { tempDir } from '../support/temp';

async function tempFile(path: string, ageMs: number): Promise<void> {
  await writeFile(path, 'half a note');
  const when = new Date(Date.now() - ageMs);
  await utimes(path, when, when);
}

it('removes stale temp files of killed writes at open, and keeps fresh ones (a write may be running)', async () => {
  const root = await tempDir();
  await writeNoteFile(root, 'ky/a.md', noteText({ id: '01JE0000000000000000000050' }));
  await mkdir(join(root, '.fieldnotes', 'artifacts', '01JE0000000000000000000050'), { recursive: true });
  const stale = [
    join(root, 'ky', '.a.md.0123456789ab.fieldnotes-tmp'),
    join(root, '.fieldnotes', 'artifacts', '01JE0000000000000000000050', '.diff.patch.ba9876543210.fieldnotes-tmp'),
  ];
  const fresh = join(root, 'ky', '.a.md.fedcba987654.fieldnotes-tmp');
  for (const path of stale) await tempFile(path, STALE_TEMP_MS + 60_000);
  await tempFile(fresh, 0);
  await writeFile(join(root, 'ky', '.notes.swp'), 'not ours'); // another program's temp file stays

  const notebook = await Notebook.open(root, { log: () => undefined });
  await notebook.close();

  expect((await readdir(join(root, 'ky'))).sort()).toEqual(['.a.md.fedcba987654.fieldnotes-tmp', '.notes.swp', 'a.md']);
  expect(await readdir(join(root, '.fieldnotes', 'artifacts', '01JE0000000000000000000050'))).toEqual([]);
  // Not a git work tree: no .gitignore is written into the user's folder.
  expect(await readFile(join(root, '.gitignore'), 'utf8').catch(() => null)).toBeNull();
});

it('keeps temp files out of git: git add -A never stages one', async () => {
  const root = await tempDir();
  await writeNoteFile(root, 'ky/a.md', noteText({ id: '01JE0000000000000000000051' }));
  await writeFile(join(root, '.gitignore'), 'drafts/'); // the user's own rules, without a final newline
  gitIn(root, 'init', '-q', '-b', 'main');

  const notebook = await Notebook.open(root, { log: () => undefined });
  await notebook.close();
  await tempFile(join(root, 'ky', '.a.md.0123456789ab.fieldnotes-tmp'), 0);

  expect(await readFile(join(root, '.gitignore'), 'utf8')).toBe("drafts/\n# Fieldnotes' temp files from interrupted writes\n.*.fieldnotes-tmp\n");
  gitIn(root, 'add', '-A');
  expect(gitIn(root, 'diff', '--cached', '--name-only').split('\n').filter(Boolean).sort()).toEqual(['.fieldnotes/.gitignore', '.gitignore', 'ky/a.md']);
  // Opening again does not add the line twice.
  await (await Notebook.open(root, { log: () => undefined })).close();
  expect((await readFile(join(root, '.gitignore'), 'utf8')).match(/fieldnotes-tmp/g)).toHaveLength(1);
});
