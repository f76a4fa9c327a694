// The engine starts the watcher's first scan only once search has loaded its index (what a person
// waits for at start comes first): a change made before the watcher runs still arrives, and the
// app's start never depends on the watcher.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi, type Engine } from '../../electron/core/api';
import { dispatch } from '../../electron/core/dispatch';
import { Notebook, type NoteChangeBatch } from '../../electron/core/notebook/notebook';
import type { SearchResults } from '../../shared/contract/search';
import { eventually, noteText, writeNoteFile } from '../support/notes';
import { removeDir, tempDir } from '../support/temp';

let root: string;
let notebook: Notebook | undefined;
let engine: Engine | undefined;

beforeEach(async () => {
  root = await tempDir();
  await writeNoteFile(root, 'ky/existing.md', noteText({ id: '01JE0000000000000000000030', title: 'Existing retries' }));
});
afterEach(async () => {
  await notebook?.close();
  await engine?.close();
  notebook = engine = undefined;
  await removeDir(root);
});

describe('a watcher that waits', () => {
  it('starts watching only once what it waits for settles, and catches up with changes made before', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    notebook = await Notebook.open(root, { watch: true, watchAfter: () => gate, watcher: { debounceMs: 20, maxWaitMs: 100 }, log: () => undefined });
    const batches: NoteChangeBatch[] = [];
    notebook.onChange((batch) => batches.push(batch));
    let watching = false;
    void notebook.whenWatching().then(() => (watching = true));
    await writeNoteFile(root, 'ky/early.md', noteText({ id: '01JE0000000000000000000031', title: 'Written before the watcher' }));
    // Many turns of the event loop: the watcher is still waiting, and the list is as it was opened.
    for (let turn = 0; turn < 50; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(watching).toBe(false);
    expect(notebook.list().map((note) => note.title)).toEqual(['Existing retries']);

    release();
    await notebook.whenWatching();
    await eventually(() => batches.some((batch) => batch.added.some((change) => change.path === 'ky/early.md')));
    expect(notebook.list().map((note) => note.title).sort()).toEqual(['Existing retries', 'Written before the watcher']);
  });

  it('in the engine: search answers from the persisted index at start, and a note written at start is found once the folder is watched', async () => {
    const start = () =>
      createApi({
        app: { name: 'Fieldnotes', version: 'test' }, transport: 'http', notebook: root, defaultNotebook: root,
        watcher: { debounceMs: 20, maxWaitMs: 100 }, log: () => undefined,
      });
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const result = await dispatch(engine!.handlers, method, input, { validateOutput: true });
      if (!result.ok) throw new Error(result.error.message);
      return result.value as T;
    };
    // A first run indexes the notebook and writes the index.
    engine = await start();
    await call('search.status', { wait: true });
    await engine.close();

    engine = await start();
    await writeNoteFile(root, 'ky/late.md', noteText({ id: '01JE0000000000000000000032', title: 'Late retries' }));
    expect((await call<SearchResults>('search.query', { query: 'existing' })).hits.map((hit) => hit.path)).toEqual(['ky/existing.md']);
    await engine.notebooks.notebook!.whenWatching();
    await eventually(async () => (await call<SearchResults>('search.query', { query: 'late' })).hits.length === 1);
    expect((await call<{ notes: Array<{ title: string }> }>('notes.list', {})).notes.map((note) => note.title).sort()).toEqual(['Existing retries', 'Late retries']);
  });
});
