// Search finds exactly the notes `list` and `show` do: one function (note-names.ts) decides which
// files are notes for both, so a symlinked note file inside the notebook is searchable, and one
// that links out of the notebook is neither listed nor searched. Real processes, real files.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runFieldnotes } from '../../support/fieldnotes-cli';
import { noteText, writeNoteFile } from '../../support/notes';
import { tempDir } from '../../support/temp';

let home: string;
let notebook: string;

beforeAll(async () => {
  home = realpathSync(await tempDir());
  notebook = join(home, 'notebook');
  // The note's real file lives in a folder the notebook's walk skips (a dot folder), and a
  // symlink in a repo folder lists it: how people keep one note in two places.
  await writeNoteFile(notebook, '.shelf/kept.md', noteText({ id: '01JE0000000000000000000S01', title: 'Quokka migration notes' }, 'The quokka index moved to segments.\n'));
  await mkdir(join(notebook, 'ky'), { recursive: true });
  await symlink(join(notebook, '.shelf', 'kept.md'), join(notebook, 'ky', 'linked.md'));
  await writeNoteFile(notebook, 'ky/plain.md', noteText({ id: '01JE0000000000000000000S02', title: 'Plain quokka note' }));
  await mkdir(join(home, 'outside'));
  await writeFile(join(home, 'outside', 'secret.md'), noteText({ id: '01JE0000000000000000000S03', title: 'Outside quokka secret' }));
  await symlink(join(home, 'outside', 'secret.md'), join(notebook, 'ky', 'link-out.md'));
});

describe('a symlinked note file', () => {
  it('inside the notebook is found by list, show and search alike', async () => {
    const list = await runFieldnotes(['--notebook', notebook, '--json', 'list'], home);
    expect(list.code).toBe(0);
    const listed = (JSON.parse(list.stdout) as Array<{ path: string }>).map((note) => note.path).sort();
    expect(listed).toEqual(['ky/linked.md', 'ky/plain.md']);

    const show = await runFieldnotes(['--notebook', notebook, 'show', '01JE0000000000000000000S01'], home);
    expect(show.stdout).toContain('Quokka migration notes');

    const search = await runFieldnotes(['--notebook', notebook, '--json', 'search', 'quokka'], home);
    expect(search.code).toBe(0);
    const found = (JSON.parse(search.stdout) as { hits: Array<{ path: string }> }).hits.map((hit) => hit.path).sort();
    expect(found).toEqual(listed);
  });
});
