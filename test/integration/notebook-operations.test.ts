// What the notebook does to files on disk when notes are created, changed, renamed, trashed and
// restored — checked on real files in a temp folder.
import { readdir, readFile, stat, symlink, utimes, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Notebook, type NoteChangeBatch } from '../../electron/core/notebook/notebook';
import { isUlid } from '../../shared/model/ulid';
import { noteText, writeNoteFile } from '../support/notes';
import { removeDir, tempDir } from '../support/temp';

let root: string;
let notebook: Notebook;
const batches: NoteChangeBatch[] = [];

beforeEach(async () => {
  root = await tempDir();
  notebook = await Notebook.open(root, { log: () => undefined });
  batches.length = 0;
  notebook.onChange((batch) => batches.push(batch));
});
afterEach(async () => {
  await notebook.close();
  await removeDir(root);
});

const read = (path: string) => readFile(join(root, path), 'utf8');

describe('a new note', () => {
  it('gets a ULID, a <repo>/<date>-<slug>.md file and a frontmatter that reads back', async () => {
    const note = await notebook.create({ title: 'How does routing work?', repo: { name: 'ky', path: '/src/ky' }, created: '2026-11-28T22:00:00.000Z', tags: ['http'], body: '# Routing\n' });
    expect(isUlid(note.summary.id)).toBe(true);
    expect(note.summary.path).toBe('ky/2026-11-28-how-does-routing-work.md');
    const again = await notebook.get(note.summary.id);
    expect(again.frontmatter).toMatchObject({ title: 'How does routing work?', repo: { name: 'ky' }, tags: ['http'], status: 'done' });
    expect(again.body).toBe('# Routing\n');
    expect(batches).toEqual([{ source: 'app', added: [{ path: note.summary.path, id: note.summary.id }], changed: [], removed: [] }]);
  });

  it('never takes the file of another note with the same title and day', async () => {
    const input = { title: 'Same title', repo: { name: 'ky' }, created: '2026-11-28T10:00:00.000Z' };
    const notes = await Promise.all([notebook.create(input), notebook.create(input), notebook.create(input)]);
    expect(notes.map((note) => note.summary.path).sort()).toEqual([
      'ky/2026-11-28-same-title-2.md',
      'ky/2026-11-28-same-title-3.md',
      'ky/2026-11-28-same-title.md',
    ]);
  });

  it('is refused, with the reason, when its fields are wrong', async () => {
    await expect(notebook.create({ title: '  ' })).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/title/) });
    await expect(notebook.create({ title: 'x', tags: ['two words'] })).rejects.toMatchObject({ message: expect.stringMatching(/spaces or commas/) });
    await expect(notebook.create({ title: 'evil\u202Etxt.md' })).rejects.toMatchObject({ message: expect.stringMatching(/bidirectional/) });
  });
});

describe('changing a note', () => {
  it('keeps unknown keys and the body byte for byte, and removes keys set to null', async () => {
    await writeNoteFile(root, 'ky/a.md', noteText({ id: '01JE0000000000000000000001', extra: 'custom: { nested: [1, 2] }\nerror: boom' }, 'Body  with\ttabs\r\nand CRLF'));
    await notebook.rescan();
    await notebook.update('01JE0000000000000000000001', { frontmatter: { status: 'done', error: null } });
    const text = await read('ky/a.md');
    expect(text).toContain('custom: { nested: [1, 2] }\n');
    expect(text).not.toContain('error:');
    expect(text.endsWith('---\nBody  with\ttabs\r\nand CRLF')).toBe(true);
  });

  it('serializes concurrent writes to one note: the last one wins, nothing interleaves', async () => {
    const note = await notebook.create({ title: 'Busy', repo: { name: 'ky' } });
    await Promise.all(Array.from({ length: 25 }, (_, i) => notebook.update(note.summary.id, { body: `body ${i}\n`, frontmatter: { tags: [`t${i}`] } })));
    const final = await notebook.get(note.summary.id);
    expect(final.body).toBe('body 24\n');
    expect(final.summary.tags).toEqual(['t24']);
    expect(final.summary.problem).toBeUndefined();
  });

  it('renames the file when retitled; the id stays', async () => {
    const note = await notebook.create({ title: 'Old title', repo: { name: 'ky' }, created: '2026-11-28T10:00:00.000Z' });
    const renamed = await notebook.retitle(note.summary.id, 'A better title');
    expect(renamed.summary).toMatchObject({ id: note.summary.id, path: 'ky/2026-11-28-a-better-title.md', title: 'A better title' });
    expect(await readdir(join(root, 'ky'))).toEqual(['2026-11-28-a-better-title.md']);
    expect(batches.at(-1)).toMatchObject({ source: 'app', removed: [{ path: note.summary.path }], added: [{ path: renamed.summary.path }] });
  });

  it('refuses to rewrite a file that has a problem, and says what to fix', async () => {
    await writeNoteFile(root, 'ky/broken.md', '---\nid: 01JE0000000000000000000002\ntitle: [oops\n---\nbody');
    await notebook.rescan();
    const [broken] = notebook.list();
    const before = await read('ky/broken.md');
    await expect(notebook.setTags(broken!.id, ['x'])).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/not valid YAML/) });
    expect(await read('ky/broken.md')).toBe(before);
  });

  it('gives plain Markdown an id when it is first tagged, keeping its text and keys', async () => {
    await writeNoteFile(root, 'inbox/idea.md', '---\naliases: [Idea]\n---\n# An idea\n\nText.\n');
    await notebook.rescan();
    const [imported] = notebook.list();
    expect(imported!.imported).toBe(true);
    const adopted = await notebook.setTags(imported!.id, ['ideas']);
    expect(isUlid(adopted.summary.id)).toBe(true);
    expect(adopted.summary).toMatchObject({ title: 'An idea', tags: ['ideas'], path: 'inbox/idea.md' });
    const text = await read('inbox/idea.md');
    expect(text).toMatch(/^---\nid: \w{26}\ntitle: An idea\n/);
    expect(text).toContain('aliases: [Idea]\n');
    expect(text.endsWith('---\n# An idea\n\nText.\n')).toBe(true);
  });
});

describe('the trash', () => {
  it('takes a deleted note and gives it back where it was', async () => {
    const note = await notebook.create({ title: 'Short-lived', repo: { name: 'ky' } });
    const trashed = await notebook.delete(note.summary.id);
    expect(notebook.list()).toEqual([]);
    expect(await notebook.listTrash()).toEqual([expect.objectContaining({ trashId: trashed.trashId, id: note.summary.id, path: note.summary.path })]);
    const restored = await notebook.restore(trashed.trashId);
    expect(restored.summary).toMatchObject({ id: note.summary.id, path: note.summary.path });
    expect(await notebook.listTrash()).toEqual([]);
  });

  it('restores under a new name when the old one was taken meanwhile', async () => {
    const note = await notebook.create({ title: 'Twice', repo: { name: 'ky' }, created: '2026-11-28T10:00:00.000Z' });
    const trashed = await notebook.delete(note.summary.id);
    await notebook.create({ title: 'Twice', repo: { name: 'ky' }, created: '2026-11-28T11:00:00.000Z' });
    const restored = await notebook.restore(trashed.trashId);
    expect(restored.summary.path).toBe('ky/2026-11-28-twice-2.md');
  });

  it('when emptied, deletes the notes with their transcripts and artifacts', async () => {
    const note = await notebook.create({ title: 'Gone for good', repo: { name: 'ky' } });
    await notebook.appendTranscript(note.summary.id, [{ type: 'text', text: 'hi' }]);
    await notebook.writeArtifact(note.summary.id, 'poc.patch', 'diff');
    await notebook.delete(note.summary.id);
    expect(await notebook.emptyTrash()).toEqual({ removed: 1 });
    expect(await notebook.listTrash()).toEqual([]);
    expect((await notebook.readTranscript(note.summary.id)).events).toEqual([]);
    expect(await notebook.listArtifacts(note.summary.id)).toEqual([]);
  });

  it('does not follow a tampered trash record out of the notebook', async () => {
    const note = await notebook.create({ title: 'Tampered', repo: { name: 'ky' } });
    const trashed = await notebook.delete(note.summary.id);
    const record = join(root, '.fieldnotes', 'trash', trashed.trashId, 'trashed.json');
    const json = JSON.parse(await readFile(record, 'utf8'));
    await writeFile(record, JSON.stringify({ ...json, path: '../../escaped.md' }));
    await expect(notebook.restore(trashed.trashId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(stat(join(root, '..', '..', 'escaped.md'))).rejects.toThrow();
  });
});

describe('transcripts and artifacts', () => {
  it('append events in order and read them back, skipping a line cut short by a crash', async () => {
    const id = (await notebook.create({ title: 'Task', repo: { name: 'ky' } })).summary.id;
    await notebook.appendTranscript(id, [{ type: 'session', session: 's1' }, { type: 'text', text: 'Hel' }]);
    await writeFile(join(root, '.fieldnotes', 'transcripts', `${id}.jsonl`), '{"type":"text","te', { flag: 'a' });
    const fresh = await Notebook.open(root, { log: () => undefined });
    await fresh.appendTranscript(id, [{ type: 'exit', code: 0, signal: null }]);
    const transcript = await fresh.readTranscript(id);
    await fresh.close();
    expect(transcript.events.map((event) => event.type)).toEqual(['session', 'text', 'exit']);
    expect(transcript.skipped).toBe(1);
    await expect(notebook.appendTranscript(id, [{ type: 'nonsense' } as never])).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });

  it('keep artifact names to plain file names', async () => {
    const id = (await notebook.create({ title: 'Poc', repo: { name: 'ky' } })).summary.id;
    await notebook.writeArtifact(id, `${id}.patch`, '--- a\n+++ b\n');
    expect(await notebook.listArtifacts(id)).toEqual([{ name: `${id}.patch`, size: 12 }]);
    for (const name of ['../../escape.txt', '/etc/passwd', 'sub/dir.txt', '.hidden']) {
      await expect(notebook.writeArtifact(id, name, 'x')).rejects.toMatchObject({ code: expect.stringMatching(/BAD_INPUT|PATH_OUTSIDE_NOTEBOOK/) });
    }
    await expect(notebook.appendTranscript('../../x', [])).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });
});

describe('ids and paths from outside', () => {
  it('cannot reach files outside the notebook', async () => {
    await expect(notebook.get('../../etc/passwd')).rejects.toMatchObject({ code: 'NOTE_NOT_FOUND' });
    await expect(notebook.find('../outside.md', root)).rejects.toMatchObject({ code: 'PATH_OUTSIDE_NOTEBOOK' });
    await expect(notebook.find('/etc/passwd')).rejects.toMatchObject({ code: 'PATH_OUTSIDE_NOTEBOOK' });
    const note = await notebook.create({ title: 'Escape?', repo: { name: '../../..' } });
    expect(note.summary.path).toMatch(/^[^/.][^/]*\/[^/]+\.md$/);
    expect(await readFile(join(root, note.summary.path), 'utf8')).toContain('title: Escape?');
  });

  it('cannot write through a repo folder that links outside', async () => {
    const outside = await tempDir();
    await symlink(outside, join(root, 'ky'));
    await expect(notebook.create({ title: 'Through the link', repo: { name: 'ky' } })).rejects.toMatchObject({ code: 'PATH_OUTSIDE_NOTEBOOK' });
    expect(await readdir(outside)).toEqual([]);
    await removeDir(outside);
  });
});

describe('two files with one id (a note copied by hand)', () => {
  it('are both listed; the copy says what is wrong and can be opened by its own id', async () => {
    const text = noteText({ id: '01JE0000000000000000000003', title: 'Original' });
    await writeNoteFile(root, 'ky/a.md', text);
    await writeNoteFile(root, 'ky/b.md', text);
    await notebook.rescan();
    const notes = notebook.list();
    expect(notes).toHaveLength(2);
    const copy = notes.find((note) => note.problem)!;
    expect(copy).toMatchObject({ path: 'ky/b.md', problem: { code: 'DUPLICATE_ID', message: expect.stringMatching(/ky\/a\.md/) } });
    expect((await notebook.get(copy.id)).summary.path).toBe('ky/b.md');
    expect((await notebook.get('01JE0000000000000000000003')).summary.path).toBe('ky/a.md');
  });
});

describe('the summary cache', () => {
  it('is used for files whose path, mtime and size did not change, and only for them', async () => {
    const a = await writeNoteFile(root, 'ky/a.md', noteText({ id: '01JE0000000000000000000004', title: 'Cached title' }));
    const when = new Date('2026-11-20T10:00:00.000Z');
    await utimes(a, when, when);
    await writeNoteFile(root, 'ky/b.md', noteText({ id: '01JE0000000000000000000005', title: 'Other' }));
    await notebook.close();
    notebook = await Notebook.open(root, { log: () => undefined });
    await notebook.close(); // writes the cache
    // Same size and mtime, different content: only the cache can still say "Cached title".
    await writeFile(a, noteText({ id: '01JE0000000000000000000004', title: 'Fresh  title' }));
    await utimes(a, when, when);
    await writeNoteFile(root, 'ky/b.md', noteText({ id: '01JE0000000000000000000005', title: 'Other, changed' }));
    notebook = await Notebook.open(root, { log: () => undefined });
    expect(notebook.list().map((note) => note.title).sort()).toEqual(['Cached title', 'Other, changed']);
  });

  it('is rebuilt when it is garbage', async () => {
    await writeNoteFile(root, 'ky/a.md', noteText({ title: 'Survives' }));
    await mkdir(join(root, '.fieldnotes', 'cache'), { recursive: true });
    await writeFile(join(root, '.fieldnotes', 'cache', 'summaries.v8'), 'not a cache');
    const fresh = await Notebook.open(root, { log: () => undefined });
    expect(fresh.list().map((note) => note.title)).toEqual(['Survives']);
    await fresh.close();
  });
});
