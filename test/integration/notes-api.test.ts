// The notebook and notes methods through the contract's dispatch gate, as the UI calls them.
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../shared/contract';
import { createApi, type Engine } from '../../electron/core/api';
import { dispatch } from '../../electron/core/dispatch';
import type { NativePorts } from '../../electron/core/ports/native-ports';
import { eventually, noteText, writeNoteFile } from '../support/notes';
import { removeDir, tempDir } from '../support/temp';

let home: string;
let engine: Engine;
let opened: Array<{ how: 'open' | 'reveal'; path: string }>;
let changes: Array<EventPayload<'notes.changed'>>;

const ports: NativePorts = {
  openPath: async (path) => void opened.push({ how: 'open', path }),
  revealPath: async (path) => void opened.push({ how: 'reveal', path }),
};

async function call(method: string, input: unknown = {}) {
  const result = await dispatch(engine.handlers, method, input, { validateOutput: true });
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value as never;
}

beforeEach(async () => {
  home = await tempDir();
  opened = [];
  changes = [];
  engine = await createApi({
    app: { name: 'Fieldnotes', version: 'test' },
    transport: 'http',
    notebook: join(home, 'First'),
    defaultNotebook: join(home, 'Default'),
    ports,
    settingsFile: join(home, 'settings.json'),
    watcher: { debounceMs: 50, maxWaitMs: 200 },
    log: () => undefined,
  });
  engine.events.on('notes.changed', (payload) => changes.push(payload));
});
afterEach(async () => {
  await engine.close();
  await removeDir(home);
});

describe('notebooks', () => {
  it('switch, are remembered in the settings file, and can be forgotten', async () => {
    await mkdir(join(home, 'Second'));
    const switched: unknown[] = [];
    engine.events.on('notebook.changed', (info) => switched.push(info));
    expect(await call('notebook.open', { path: join(home, 'Second') })).toMatchObject({ name: 'Second' });
    expect(switched).toEqual([expect.objectContaining({ name: 'Second' })]);
    const { notebooks } = (await call('notebook.recent')) as { notebooks: Array<{ name: string; available: boolean }> };
    expect(notebooks.map((notebook) => notebook.name)).toEqual(['Second', 'First']);
    const settings = JSON.parse(await readFile(join(home, 'settings.json'), 'utf8'));
    expect(settings).toMatchObject({ notebook: expect.stringMatching(/Second$/), recentNotebooks: [{ path: expect.stringMatching(/Second$/) }, {}] });
    await removeDir(join(home, 'First'));
    const after = (await call('notebook.forget', { path: join(home, 'Second') })) as { notebooks: Array<{ name: string; available: boolean }> };
    expect(after.notebooks).toEqual([expect.objectContaining({ name: 'First', available: false })]);
  });

  it('refuse folders that are missing, relative, or not folders, saying what to do', async () => {
    await writeFile(join(home, 'a-file'), 'x');
    await expect(call('notebook.open', { path: join(home, 'Missing') })).rejects.toMatchObject({ code: 'NOTEBOOK_UNAVAILABLE', message: expect.stringMatching(/no folder at .*Create it first/) });
    await expect(call('notebook.open', { path: 'relative/notes' })).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/full path/) });
    await expect(call('notebook.open', { path: join(home, 'a-file') })).rejects.toMatchObject({ message: expect.stringMatching(/is a file, not a folder/) });
    await expect(call('notebook.chooseFolder')).rejects.toMatchObject({ code: 'UNSUPPORTED' });
  });

  it('set a new folder up, with .fieldnotes/ and a .gitignore for the cache', async () => {
    await mkdir(join(home, 'Vault'));
    await call('notebook.open', { path: join(home, 'Vault') });
    expect(await readFile(join(home, 'Vault', '.fieldnotes', '.gitignore'), 'utf8')).toMatch(/^cache\/$/m);
  });
});

describe('notes', () => {
  it('change through the API, each change reported once as the app’s', async () => {
    const note = (await call('notes.create', { title: 'Via the API', repo: { name: 'ky' }, tags: ['a'] })) as { summary: { id: string; path: string } };
    const id = note.summary.id;
    await call('notes.setTags', { id, tags: ['b', 'c'] });
    await call('notes.retitle', { id, title: 'Renamed via the API' });
    const trashed = (await call('notes.delete', { id })) as { trashId: string };
    expect(((await call('notes.listTrash')) as { notes: unknown[] }).notes).toHaveLength(1);
    const restored = (await call('notes.restore', { trashId: trashed.trashId })) as { summary: { id: string; title: string; tags: string[] } };
    expect(restored.summary).toMatchObject({ id, title: 'Renamed via the API', tags: ['b', 'c'] });
    expect(changes.map((change) => change.source)).toEqual(['app', 'app', 'app', 'app', 'app']);
    await expect(call('notes.setTags', { id, tags: ['no spaces please'] })).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });

  it('written by something else arrive as notes.changed from the disk', async () => {
    const root = engine.notebooks.notebook!.root;
    await engine.notebooks.notebook!.whenWatching();
    await writeNoteFile(root, 'ky/outside.md', noteText({ title: 'Written by git pull' }));
    await eventually(() => changes.find((change) => change.source === 'disk'));
    expect(changes.find((change) => change.source === 'disk')?.changes).toEqual([{ kind: 'added', path: 'ky/outside.md', id: expect.any(String) }]);
  });
});

describe('links to files in a note', () => {
  let repo: string;
  let id: string;

  beforeEach(async () => {
    repo = join(home, 'repo');
    await mkdir(join(repo, 'src', 'router'), { recursive: true });
    await writeFile(join(repo, 'src', 'router', 'index.ts'), 'export {}');
    await writeFile(join(repo, 'install.sh'), '#!/bin/sh');
    await writeFile(join(repo, 'setup.exe'), 'MZ');
    await chmod(join(repo, 'install.sh'), 0o755);
    await writeFile(join(home, 'outside.txt'), 'secret');
    const note = (await call('notes.create', { title: 'Links', repo: { name: 'repo', path: repo } })) as { summary: { id: string } };
    id = note.summary.id;
  });

  it('open the file in the repo, with or without a line number', async () => {
    expect(await call('notes.openFile', { id, target: 'src/router/index.ts:42' })).toEqual({ path: join(repo, 'src', 'router', 'index.ts'), action: 'opened', editor: 'system' });
    await call('notes.openFile', { id, target: './src/router/index.ts#L7' });
    expect(opened).toEqual([
      { how: 'open', path: join(repo, 'src', 'router', 'index.ts') },
      { how: 'open', path: join(repo, 'src', 'router', 'index.ts') },
    ]);
  });

  it('show programs in their folder instead of running them', async () => {
    expect(await call('notes.openFile', { id, target: 'install.sh' })).toMatchObject({ action: 'revealed' });
    expect(await call('notes.openFile', { id, target: 'setup.exe' })).toMatchObject({ action: 'revealed' });
    expect(opened.map((entry) => entry.how)).toEqual(['reveal', 'reveal']);
  });

  it.each([
    ['../outside.txt', /outside the repository/],
    ['src/../../outside.txt', /outside the repository/],
    ['javascript:alert(1)', /not a file/],
    ['https://example.com/x', /not a file/],
    ['file:///etc/passwd', /not a file/],
    ['src/missing.ts', /does not exist/],
  ])('refuse %j', async (target, message) => {
    await expect(call('notes.openFile', { id, target })).rejects.toMatchObject({ message: expect.stringMatching(message) });
    expect(opened).toEqual([]);
  });
});
