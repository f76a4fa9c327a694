// Symlinks planted in a notebook's own data (they may arrive with `git pull`): Fieldnotes reads and
// writes transcripts, artifacts and the trash by the notes' rule — a link is followed only while
// it stays inside the notebook — and a notebook whose data folders link out is not opened.
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi, type Engine } from '../../electron/core/api';
import { dispatch } from '../../electron/core/dispatch';
import { Notebook } from '../../electron/core/notebook/notebook';
import { noteText, writeNoteFile } from '../support/notes';
import { tempDir } from '../support/temp';

const ID = '01JE0000000000000000000A01';
const SECRET = 'the contents of a file outside the notebook\n';

let root: string;
let outside: string;
let engine: Engine;

async function call(method: string, input: unknown) {
  const result = await dispatch(engine.handlers, method, input, { validateOutput: true });
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value as never;
}

async function openEngine(): Promise<void> {
  engine = await createApi({
    app: { name: 'Fieldnotes', version: 'test' },
    transport: 'http',
    notebook: root,
    defaultNotebook: root,
    watch: false,
    search: 'on-demand',
    userDataDir: join(outside, 'app-data'),
    log: () => undefined,
  });
}

beforeEach(async () => {
  const base = realpathSync(await tempDir());
  root = join(base, 'notebook');
  outside = join(base, 'outside');
  await mkdir(join(outside, 'folder'), { recursive: true });
  await writeFile(join(outside, 'secret.txt'), SECRET);
  await writeFile(join(outside, 'folder', `${ID}.patch`), SECRET);
  await writeFile(join(outside, 'folder', `${ID}.jsonl`), SECRET);
  await writeNoteFile(root, 'ky/note.md', noteText({ id: ID, title: 'A note with planted links' }));
  await mkdir(join(root, '.fieldnotes', 'artifacts'), { recursive: true });
  await mkdir(join(root, '.fieldnotes', 'transcripts'), { recursive: true });
  await openEngine();
});
afterEach(() => engine.close());

describe('an artifact', () => {
  it('that is a symlink to a file outside is neither listed nor read', async () => {
    await mkdir(join(root, '.fieldnotes', 'artifacts', ID));
    await symlink(join(outside, 'secret.txt'), join(root, '.fieldnotes', 'artifacts', ID, 'answer.md'));
    expect(await call('notes.artifacts', { id: ID })).toEqual({ artifacts: [] });
    await expect(call('notes.readArtifact', { id: ID, name: 'answer.md' })).rejects.toMatchObject({
      code: 'PATH_OUTSIDE_NOTEBOOK',
      message: expect.stringMatching(/answer\.md" is a symlink to somewhere outside the notebook/),
    });
  });

  it('folder that is a symlink to a folder outside is neither read nor written', async () => {
    await symlink(join(outside, 'folder'), join(root, '.fieldnotes', 'artifacts', ID));
    expect(await call('notes.artifacts', { id: ID })).toEqual({ artifacts: [] });
    await expect(call('notes.readArtifact', { id: ID, name: `${ID}.patch` })).rejects.toMatchObject({ code: 'PATH_OUTSIDE_NOTEBOOK' });
    const notebook = engine.notebooks.require();
    await expect(notebook.writeArtifact(ID, 'new.patch', 'diff')).rejects.toMatchObject({ code: 'PATH_OUTSIDE_NOTEBOOK' });
    await expect(readFile(join(outside, 'folder', 'new.patch'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('that is a symlink inside the notebook is read like any other', async () => {
    await mkdir(join(root, '.fieldnotes', 'artifacts', ID));
    await symlink(join(root, 'ky', 'note.md'), join(root, '.fieldnotes', 'artifacts', ID, 'copy.md'));
    expect(await call('notes.artifacts', { id: ID })).toEqual({ artifacts: [{ name: 'copy.md', size: expect.any(Number) }] });
    expect(await call('notes.readArtifact', { id: ID, name: 'copy.md' })).toMatchObject({ text: expect.stringContaining('A note with planted links') });
  });
});

describe('a transcript', () => {
  it('that is a symlink to a file outside is neither read nor appended to', async () => {
    await symlink(join(outside, 'secret.txt'), join(root, '.fieldnotes', 'transcripts', `${ID}.jsonl`));
    await expect(call('notes.transcript', { id: ID })).rejects.toMatchObject({
      code: 'PATH_OUTSIDE_NOTEBOOK',
      message: expect.stringMatching(/transcripts\/.*\.jsonl" is a symlink to somewhere outside the notebook/),
    });
    await expect(engine.notebooks.require().appendTranscript(ID, [{ type: 'text', text: 'hello' }])).rejects.toMatchObject({ code: 'PATH_OUTSIDE_NOTEBOOK' });
    expect(await readFile(join(outside, 'secret.txt'), 'utf8')).toBe(SECRET);
  });

  it('that is a dangling symlink is not created through', async () => {
    await symlink(join(outside, 'made-by-append.jsonl'), join(root, '.fieldnotes', 'transcripts', `${ID}.jsonl`));
    await expect(engine.notebooks.require().appendTranscript(ID, [{ type: 'text', text: 'hello' }])).rejects.toMatchObject({ code: 'PATH_OUTSIDE_NOTEBOOK' });
    await expect(readFile(join(outside, 'made-by-append.jsonl'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('folder replaced by a symlink out while the notebook is open is neither read nor written', async () => {
    await rm(join(root, '.fieldnotes', 'transcripts'), { recursive: true });
    await symlink(join(outside, 'folder'), join(root, '.fieldnotes', 'transcripts'));
    await expect(call('notes.transcript', { id: ID })).rejects.toMatchObject({ code: 'PATH_OUTSIDE_NOTEBOOK', message: expect.stringMatching(/lies in a folder that links outside/) });
    await expect(engine.notebooks.require().appendTranscript(ID, [{ type: 'text', text: 'hello' }])).rejects.toMatchObject({ code: 'PATH_OUTSIDE_NOTEBOOK' });
    expect(await readFile(join(outside, 'folder', `${ID}.jsonl`), 'utf8')).toBe(SECRET);
  });
});

describe('the trash', () => {
  it('does not list or restore an entry that links out of the notebook', async () => {
    const trashId = '01JE0000000000000000000T01';
    await mkdir(join(outside, 'entry'));
    await writeFile(join(outside, 'entry', 'trashed.json'), JSON.stringify({ trashId, id: '01JE0000000000000000000B01', title: 'Outside', path: 'ky/outside.md', trashedAt: '2026-11-20T09:30:00.000Z', file: 'outside.md' }));
    await writeFile(join(outside, 'entry', 'outside.md'), noteText({ id: '01JE0000000000000000000B01', title: 'Outside' }));
    await mkdir(join(root, '.fieldnotes', 'trash'), { recursive: true });
    await symlink(join(outside, 'entry'), join(root, '.fieldnotes', 'trash', trashId));
    expect(await call('notes.listTrash', {})).toEqual({ notes: [] });
    await expect(call('notes.restore', { trashId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(readFile(join(outside, 'entry', 'outside.md'), 'utf8')).resolves.toContain('Outside');
  });
});

describe('a notebook whose own folders link out', () => {
  it.each([
    ['.fieldnotes itself', '.fieldnotes'],
    ['its transcripts folder', '.fieldnotes/transcripts'],
    ['its artifacts folder', '.fieldnotes/artifacts'],
  ])('is not opened when %s is a symlink out, and says which link to replace', async (_what, rel) => {
    await engine.close();
    await rm(join(root, ...rel.split('/')), { recursive: true, force: true });
    await mkdir(join(root, ...rel.split('/'), '..'), { recursive: true });
    await symlink(join(outside, 'folder'), join(root, ...rel.split('/')));
    await expect(Notebook.open(root, { dataDir: join(outside, 'app-data') })).rejects.toMatchObject({
      code: 'NOTEBOOK_UNAVAILABLE',
      message: `${join(root, rel)} is a symlink to ${join(outside, 'folder')}, outside the notebook; Fieldnotes keeps its data inside the notebook and does not follow links out of it. Replace the link with a folder.`,
    });
  });
});
