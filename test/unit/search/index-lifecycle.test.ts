// The index as a cache of the notes: kept on disk, reloaded, kept in step with changes, and
// rebuilt — while it keeps answering — when it is missing, damaged or from an older version.
import { readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeSyntheticNotebook } from '../../bench/synthetic-notebook';
import { writeNote } from '../../support/search-notes';
import { openLocalSearch, type LocalSearch } from '../../support/search-index';
import { removeDir, tempDir } from '../../support/temp';

let notebook: string;
let cacheDir: string;
const open: LocalSearch[] = [];

/** Small segments, so a few hundred notes behave like a big notebook. */
const sizes = { openNotes: 16, bulkNotes: 100 };

async function openSearch(options: { wait?: boolean } = {}): Promise<LocalSearch> {
  const search = await openLocalSearch(notebook, cacheDir, { sizes, ...options });
  open.push(search);
  return search;
}

beforeEach(async () => {
  notebook = await tempDir('fieldnotes-search-');
  cacheDir = join(notebook, '.fieldnotes', 'cache', 'search');
  await writeNote(notebook, 'ky/retries.md', { title: 'Why do retries stop?', body: 'Retries stop after a 413.' });
  await writeNote(notebook, 'vite/hooks.md', { title: 'Plugin hooks', body: 'Hooks run in order.' });
});

afterEach(async () => {
  for (const search of open.splice(0)) await search.close();
  await removeDir(notebook);
});

describe('the index on disk', () => {
  it('is written under .fieldnotes/cache/search and loaded at the next start without reading a note', async () => {
    const first = await openSearch();
    expect(first.statuses.some((status) => status.reason === 'missing')).toBe(true);
    await first.close();
    expect(await readdir(cacheDir)).toContain('manifest.json');

    const second = await openSearch();
    expect(second.paths('retries')).toEqual(['ky/retries.md']);
    // Nothing changed on disk, so nothing was indexed again.
    expect(second.statuses.every((status) => status.progress === null || status.progress.total === 0)).toBe(true);
  });

  it('keeps words in any script across a restart', async () => {
    await writeNote(notebook, 'intl/notes.md', { title: 'Café naïve', body: 'Die Größe der Warteschlange: 日本語 テキスト.' });
    await (await openSearch()).close();
    const search = await openSearch();
    expect(search.paths('café')).toEqual(['intl/notes.md']);
    expect(search.paths('größe')).toEqual(['intl/notes.md']);
    expect(search.paths('日本語')).toEqual(['intl/notes.md']);
    // Prefixes and typos walk the reloaded vocabulary's characters, not only whole words.
    expect(search.paths('größ*')).toEqual(['intl/notes.md']);
    expect(search.paths('日本*')).toEqual(['intl/notes.md']);
    expect(search.paths('cafe~1')).toEqual(['intl/notes.md']);
    expect(search.search('größ*').hits[0]!.snippet!.highlights.length).toBeGreaterThan(0);
  });

  it('catches up at start with notes added, changed and deleted while it was closed', async () => {
    await (await openSearch()).close();
    await writeNote(notebook, 'ky/new.md', { title: 'Streaming uploads', body: 'Uploads stream the body.' });
    await writeNote(notebook, 'vite/hooks.md', { title: 'Plugin hooks', body: 'Hooks run in reverse for closeBundle.' });
    await unlink(join(notebook, 'ky/retries.md'));

    const search = await openSearch();
    expect(search.paths('streaming')).toEqual(['ky/new.md']);
    expect(search.paths('closeBundle')).toEqual(['vite/hooks.md']);
    expect(search.paths('retries')).toEqual([]);
  });

  it('answers a one-shot search once every note of the folder is indexed, before its background checks are done', async () => {
    await (await openSearch()).close();
    await writeNote(notebook, 'ky/new.md', { title: 'Streaming uploads', body: 'Uploads stream the body.' });
    await unlink(join(notebook, 'ky/retries.md'));

    const search = await openSearch({ wait: false });
    await search.indexer.whenIndexed();
    expect(search.paths('streaming')).toEqual(['ky/new.md']);
    expect(search.paths('retries')).toEqual([]);
    expect(search.paths('hooks')).toEqual(['vite/hooks.md']);
  });

  it('is rebuilt, with progress, when a segment file is damaged', async () => {
    await (await openSearch()).close();
    const segment = (await readdir(cacheDir)).find((name) => name.endsWith('.fnseg'))!;
    const bytes = await readFile(join(cacheDir, segment));
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    await writeFile(join(cacheDir, segment), bytes);

    const search = await openSearch();
    expect(search.statuses.some((status) => status.state === 'indexing' && status.reason === 'corrupt')).toBe(true);
    expect(search.paths('retries')).toEqual(['ky/retries.md']);
  });

  it('is rebuilt when the manifest is garbage', async () => {
    await (await openSearch()).close();
    await writeFile(join(cacheDir, 'manifest.json'), '{"format": 1, "segm');
    const search = await openSearch();
    expect(search.statuses.some((status) => status.reason === 'corrupt')).toBe(true);
    expect(search.paths('hooks')).toEqual(['vite/hooks.md']);
  });

  it('is rebuilt when it was written by an older version', async () => {
    await (await openSearch()).close();
    const manifest = JSON.parse(await readFile(join(cacheDir, 'manifest.json'), 'utf8')) as { format: number };
    await writeFile(join(cacheDir, 'manifest.json'), JSON.stringify({ ...manifest, format: 0 }));
    const search = await openSearch();
    expect(search.statuses.some((status) => status.reason === 'outdated')).toBe(true);
    expect(search.paths('hooks')).toEqual(['vite/hooks.md']);
  });

  it('is rebuilt when it is missing', async () => {
    await (await openSearch()).close();
    await rm(cacheDir, { recursive: true });
    const search = await openSearch();
    expect(search.paths('retries')).toEqual(['ky/retries.md']);
  });
});

describe('two processes on one notebook', () => {
  it('lets the second read the index but never write it', async () => {
    await (await openSearch()).close();
    const manifest = await readFile(join(cacheDir, 'manifest.json'), 'utf8');
    // Another live process (our parent) holds the writer lock.
    await writeFile(join(cacheDir, 'writer.lock'), String(process.ppid));
    const search = await openSearch();
    await writeNote(notebook, 'ky/new.md', { title: 'Streaming uploads', body: 'Uploads stream the body.' });
    search.indexer.applyChanges({ upserted: ['ky/new.md'], removed: [] });
    await search.indexer.whenIdle();
    expect(search.paths('streaming')).toEqual(['ky/new.md']);
    await search.close();
    expect(await readFile(join(cacheDir, 'manifest.json'), 'utf8')).toBe(manifest);
    expect(await readFile(join(cacheDir, 'writer.lock'), 'utf8')).toBe(String(process.ppid));
  });
});

describe('changes while open', () => {
  it('makes a new note searchable without rebuilding, an edit replace the old text, a deletion disappear at once', async () => {
    const search = await openSearch();
    const segmentsBefore = search.indexer.current.segments().length;

    await writeNote(notebook, 'ky/new.md', { title: 'Streaming uploads', body: 'Uploads stream the body.' });
    search.indexer.applyChanges({ upserted: ['ky/new.md'], removed: [] });
    await search.indexer.whenIdle();
    expect(search.paths('streaming')).toEqual(['ky/new.md']);
    // The new note went into the small open segment; the sealed ones were not touched.
    expect(search.indexer.current.segments().length).toBeLessThanOrEqual(segmentsBefore + 1);

    await writeNote(notebook, 'ky/new.md', { title: 'Chunked uploads', body: 'Uploads are sent in chunks.' });
    search.indexer.applyChanges({ upserted: ['ky/new.md'], removed: [] });
    await search.indexer.whenIdle();
    expect(search.paths('streaming')).toEqual([]);
    expect(search.paths('chunks')).toEqual(['ky/new.md']);

    await unlink(join(notebook, 'ky/retries.md'));
    search.indexer.applyChanges({ upserted: [], removed: ['ky/retries.md'] });
    // No waiting: the deletion is applied before applyChanges returns.
    expect(search.paths('retries')).toEqual([]);
    expect(search.search('').total).toBe(0);
  });

  it('drops a hit whose file vanished without notice', async () => {
    const search = await openSearch();
    await unlink(join(notebook, 'ky/retries.md'));
    expect(search.paths('retries')).toEqual([]);
    expect(search.indexer.current.facts('ky/retries.md')).toBeUndefined();
  });

  it('ignores paths outside the notebook or in dot-folders', async () => {
    const search = await openSearch();
    search.indexer.applyChanges({ upserted: ['../escape.md', '.fieldnotes/x.md', '/etc/passwd.md', 'notes.txt'], removed: ['../../x.md'] });
    await search.indexer.whenIdle();
    expect(search.indexer.current.noteCount).toBe(2);
  });
});

describe('a rebuild', () => {
  it('keeps answering from the old index while it runs, then answers from the new one', async () => {
    await writeSyntheticNotebook(join(notebook, 'bulk'), 150, 5);
    const search = await openSearch();
    const before = search.search('request').total;
    expect(before).toBeGreaterThan(50);

    search.indexer.reindex();
    const during: number[] = [];
    // Query between the rebuild's slices until it is done.
    while (search.indexer.status().state === 'indexing') {
      during.push(search.search('request', { limit: 1 }).total);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(during.length).toBeGreaterThan(1);
    expect(during.every((total) => total === before)).toBe(true);
    expect(search.statuses.some((status) => status.reason === 'reindex' && status.progress !== null && status.progress.done < status.progress.total)).toBe(true);
    expect(search.search('request').total).toBe(before);
  });

  it('answers over what is indexed so far when there was no index', async () => {
    await writeSyntheticNotebook(join(notebook, 'bulk'), 150, 5);
    const search = await openSearch({ wait: false });
    const seen = new Set<number>();
    while (search.indexer.status().state !== 'ready') {
      seen.add(search.search('request', { limit: 1 }).total);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // Some notes were found before all of them were indexed.
    expect([...seen].some((total) => total > 0 && total < search.search('request').total)).toBe(true);
    expect(search.statuses.some((status) => status.state === 'indexing' && status.reason === 'missing' && (status.progress?.done ?? 0) > 0)).toBe(true);
  });
});
