// search.* through the engine's contract, as both transports reach it: input checked by the
// dispatch gate, the index following the open notebook and the change feed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchResults, SearchStatus } from '../../../shared/contract/search';
import type { Note } from '../../../shared/model/note';
import { createApi, type Engine } from '../../../electron/core/api';
import { dispatch } from '../../../electron/core/dispatch';
import { writeNote } from '../../support/search-notes';
import { removeDir, tempDir } from '../../support/temp';

let first: string;
let second: string;
let engine: Engine;

async function call<T>(method: string, input: unknown = {}): Promise<T> {
  const result = await dispatch(engine.handlers, method, input, { validateOutput: true });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function idle(): Promise<void> {
  while ((await call<SearchStatus>('search.status')).state !== 'ready') await new Promise((resolve) => setTimeout(resolve, 20));
}

beforeEach(async () => {
  first = await tempDir('fieldnotes-first-');
  second = await tempDir('fieldnotes-second-');
  await writeNote(first, 'ky/retries.md', { title: 'Why do retries stop?', body: 'Retries stop after a 413.', repo: 'ky' });
  await writeNote(second, 'vite/hooks.md', { title: 'Plugin hooks', body: 'Hooks run in order.', repo: 'vite' });
  engine = await createApi({ app: { name: 'Fieldnotes', version: '0.0.0' }, transport: 'http', notebook: first, defaultNotebook: first });
});

afterEach(async () => {
  await engine.close();
  await removeDir(first);
  await removeDir(second);
});

describe('search.query', () => {
  it('answers within the contract, with facets for the filter chips', async () => {
    await idle();
    const results = await call<SearchResults>('search.query', { query: 'retries' });
    expect(results.hits.map((hit) => hit.path)).toEqual(['ky/retries.md']);
    expect(results.facets.repo).toEqual([{ value: 'ky', count: 1 }]);
  });

  it('refuses input outside the contract with a message saying which field is wrong', async () => {
    const result = await dispatch(engine.handlers, 'search.query', { query: 'x', limit: 5000 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('BAD_INPUT');
      expect(result.error.message).toContain('limit');
    }
  });

  it('follows notes.changed, whoever reports the change', async () => {
    await idle();
    await writeNote(first, 'ky/new.md', { title: 'Streaming uploads', body: 'Uploads stream the body.' });
    engine.events.emit('notes.changed', { source: 'app', changes: [{ kind: 'added', path: 'ky/new.md' }] });
    await expect.poll(async () => (await call<SearchResults>('search.query', { query: 'streaming' })).total, { timeout: 2_000 }).toBe(1);
  });

  it('searches the other notebook after notebook.open, reporting progress as search.progress', async () => {
    const statuses: SearchStatus[] = [];
    engine.events.on('search.progress', (status) => statuses.push(status));
    await call('notebook.open', { path: second });
    await idle();
    expect((await call<SearchResults>('search.query', { query: 'retries' })).total).toBe(0);
    expect((await call<SearchResults>('search.query', { query: 'hooks' })).total).toBe(1);
    expect(statuses.at(-1)).toMatchObject({ state: 'ready', notes: 1 });
  });

  it('rebuilds on search.reindex and keeps answering', async () => {
    await idle();
    const status = await call<SearchStatus>('search.reindex');
    expect(['indexing', 'ready']).toContain(status.state);
    expect((await call<SearchResults>('search.query', { query: 'retries' })).total).toBe(1);
    await idle();
    expect((await call<SearchResults>('search.query', { query: 'retries' })).total).toBe(1);
  });

  it('narrows to the ids given (the Stale filter), and ranks a refreshed note below the note that refreshed it', async () => {
    const created = async (title: string, body: string) => (await call<Note>('notes.create', { title, body, repo: { name: 'ky' } })).summary.id;
    const old = await created('Retries and backoff in depth', 'Retries retries retries back off after a 413, says the old answer.');
    const newer = await created('How retries back off', 'Retries back off exponentially, says the new answer.');
    await call('notes.update', { id: old, frontmatter: { superseded_by: newer } });
    await call('notes.update', { id: newer, frontmatter: { supersedes: old } });
    await idle();
    await expect.poll(async () => (await call<SearchResults>('search.query', { query: 'retries' })).total, { timeout: 2_000 }).toBe(3);

    const ranked = await call<SearchResults>('search.query', { query: 'retries' });
    const order = ranked.hits.map((hit) => hit.id);
    expect(order.indexOf(newer)).toBe(order.indexOf(old) - 1);
    expect(ranked.hits.find((hit) => hit.id === old)).toMatchObject({ supersededBy: newer });

    const only = await call<SearchResults>('search.query', { query: 'retries', filters: { ids: [old] } });
    expect(only.hits.map((hit) => hit.id)).toEqual([old]);
    expect(only.total).toBe(1);
    expect((await call<SearchResults>('search.query', { query: '', filters: { ids: [] } })).total).toBe(0);
  });
});
