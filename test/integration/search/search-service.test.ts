// The search worker through its main-thread client: a real worker thread (and a real child
// process) running the TypeScript sources through tsx, over real note files.
import { mkdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchStatus } from '../../../shared/contract/search';
import { SearchInput } from '../../../shared/contract/search';
import { SearchService } from '../../../electron/core/search/service';
import { BUILT_WORKER, workerEntry } from '../../../electron/core/search/worker-entry';
import { writeNote } from '../../support/search-notes';
import { removeDir, tempDir } from '../../support/temp';

let notebook: string;
let services: SearchService[] = [];
const request = (query: string) => SearchInput.parse({ query });

function start(options: Partial<Parameters<typeof SearchService.start>[0]> = {}): SearchService {
  const service = SearchService.start({ root: notebook, cacheDir: join(notebook, '.fieldnotes', 'cache', 'search'), ...options });
  services.push(service);
  return service;
}

/** How long until `query` finds `path`, polling as a user typing would. */
async function timeUntilFound(service: SearchService, query: string, path: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    const { hits } = await service.query(request(query));
    if (hits.some((hit) => hit.path === path)) return performance.now() - started;
    if (performance.now() - started > 5_000) throw new Error(`${path} was not found within 5 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeEach(async () => {
  notebook = await tempDir('fieldnotes-search-');
  await writeNote(notebook, 'ky/retries.md', { title: 'Why do retries stop?', body: 'Retries stop after a 413.' });
  await writeNote(notebook, 'vite/hooks.md', { title: 'Plugin hooks', body: 'Hooks run in the order of `dispatchRequest` calls.' });
});

afterEach(async () => {
  for (const service of services) await service.close();
  services = [];
  await removeDir(notebook);
});

describe('the search worker', () => {
  it('answers with highlighted hits once it has indexed the notebook', async () => {
    const service = start();
    await service.whenIdle();
    const results = await service.query(request('dispatch'));
    expect(results.hits.map((hit) => hit.path)).toEqual(['vite/hooks.md']);
    const snippet = results.hits[0]!.snippet!;
    expect(snippet.highlights.map(([from, to]) => snippet.text.slice(from, to))).toEqual(['dispatch']);
    expect(results.complete).toBe(true);
  });

  it('makes a new note searchable within a second, and drops a deleted one at once', async () => {
    const service = start();
    await service.whenIdle();
    await writeNote(notebook, 'ky/new.md', { title: 'Streaming uploads', body: 'Uploads stream the body.' });
    await service.applyChanges({ upserted: ['ky/new.md'], removed: [] });
    expect(await timeUntilFound(service, 'streaming', 'ky/new.md')).toBeLessThan(1_000);

    await unlink(join(notebook, 'ky/new.md'));
    await service.applyChanges({ upserted: [], removed: ['ky/new.md'] });
    expect((await service.query(request('streaming'))).hits).toEqual([]);
  });

  it('reports indexing progress while it builds, and search answers meanwhile', async () => {
    await mkdir(join(notebook, 'many'));
    for (let i = 0; i < 120; i++) await writeFile(join(notebook, 'many', `note-${i}.md`), `# Note ${i}\n\nThe word marker${i % 3} appears here.\n`);
    const statuses: SearchStatus[] = [];
    const service = start({ onStatus: (status) => statuses.push(status) });
    const early = await service.query(request('marker0'));
    expect(early.status.state).not.toBe('failed');
    await service.whenIdle();
    expect(statuses.some((status) => status.state === 'indexing' && status.progress !== null && status.progress.total >= 120)).toBe(true);
    expect(statuses.at(-1)).toMatchObject({ state: 'ready', notes: 122 });
    // `marker0` is found whole in 40 notes, and partly (`marker`) in the other 80, which rank lower.
    const results = await service.query(SearchInput.parse({ query: 'marker0', limit: 50 }));
    expect(results.total).toBe(120);
    expect(results.hits.slice(0, 40).every((hit) => Number(/\d+/.exec(hit.path)![0]) % 3 === 0)).toBe(true);
    expect((await service.query(request('+marker0'))).total).toBe(40);
  });

  it('keeps its index across restarts', async () => {
    const first = start();
    await first.whenIdle();
    await first.close();
    const second = start();
    const results = await second.query(request('retries'));
    expect(results.hits.map((hit) => hit.path)).toEqual(['ky/retries.md']);
  });

  it('runs in a child process too, and reports its memory', async () => {
    const service = start({ isolation: 'process' });
    await service.whenIdle();
    expect((await service.query(request('retries'))).total).toBe(1);
    const stats = await service.stats();
    expect(stats.peakRssBytes).toBeGreaterThan(10_000_000);
  });

  it('fails pending calls with a clear message when the worker dies, and starts a new one on the next call', async () => {
    const broken = join(notebook, 'broken-worker.mjs');
    await writeFile(broken, 'process.exit(3);\n');
    const service = start({ entry: broken });
    await expect(service.query(request('retries'))).rejects.toThrow(/Search is unavailable: the search worker stopped \(exit code 3\)/);
  });

  it('after close, refuses calls and says why', async () => {
    const service = start();
    await service.close();
    await expect(service.query(request('retries'))).rejects.toThrow(/Search is closed/);
  });
});

describe('the worker script', () => {
  it('is the built search-worker.js when one sits next to the running code', async () => {
    const dir = await tempDir('fieldnotes-built-');
    try {
      await writeFile(join(dir, BUILT_WORKER), '');
      expect(workerEntry(pathToFileURL(join(dir, 'index.js')).href)).toBe(join(dir, BUILT_WORKER));
      await mkdir(join(dir, 'chunks'));
      expect(workerEntry(pathToFileURL(join(dir, 'chunks', 'api.js')).href)).toBe(join(dir, BUILT_WORKER));
    } finally {
      await removeDir(dir);
    }
  });

  it('is the tsx bootstrap beside the sources otherwise', () => {
    expect(workerEntry()).toMatch(/electron\/core\/search\/worker-tsx\.mjs$/);
  });
});
