// A page of hits can come with snippets for its first few only (a list shows a screenful at once):
// the others are cut when asked for, and until then their note files are not even read.
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeNote } from '../../support/search-notes';
import { openLocalSearch, type LocalSearch } from '../../support/search-index';
import { removeDir, tempDir } from '../../support/temp';

describe('snippets for the first hits of a page', () => {
  let notebook: string;
  let search: LocalSearch;

  beforeAll(async () => {
    notebook = await tempDir('fieldnotes-search-');
    for (let i = 0; i < 8; i++) {
      await writeNote(notebook, `ky/lighthouse-${i}.md`, { title: `Note ${i}`, body: `Words before. The lighthouse keeper ${i} writes a log. Words after.`, created: `2026-11-2${i}T10:00:00.000Z` });
    }
    search = await openLocalSearch(notebook);
  });

  afterAll(async () => {
    await search.close();
    await removeDir(notebook);
  });

  it('cuts snippets for as many hits as asked, and leaves the rest for later', () => {
    const all = search.search('lighthouse', { sort: 'newest' });
    const some = search.search('lighthouse', { sort: 'newest', snippets: 3 });
    expect(some.hits.map((hit) => hit.path)).toEqual(all.hits.map((hit) => hit.path));
    expect(some.hits.slice(0, 3).map((hit) => hit.snippet)).toEqual(all.hits.slice(0, 3).map((hit) => hit.snippet));
    expect(some.hits.slice(3).every((hit) => hit.snippet === null)).toBe(true);
    // Titles are in the index: they are highlighted either way.
    expect(some.hits[5]!.titleHighlights).toEqual(all.hits[5]!.titleHighlights);

    // The rest, asked for by position, come with the same snippets a full page has.
    const rest = search.search('lighthouse', { sort: 'newest', offset: 3, limit: 5 });
    expect(rest.hits.map((hit) => hit.snippet)).toEqual(all.hits.slice(3).map((hit) => hit.snippet));
    expect(rest.hits[0]!.snippet!.highlights.length).toBeGreaterThan(0);
  });

  it('does not read the note files of hits without a snippet', async () => {
    // A note's file disappears without notice: a page that reads it drops that hit.
    const fresh = await tempDir('fieldnotes-search-');
    try {
      await writeNote(fresh, 'ky/new.md', { title: 'New', body: 'The lighthouse is new.', created: '2026-11-29T10:00:00.000Z' });
      await writeNote(fresh, 'ky/old.md', { title: 'Old', body: 'The lighthouse is old.', created: '2026-11-01T10:00:00.000Z' });
      const local = await openLocalSearch(fresh);
      await unlink(join(fresh, 'ky/old.md'));
      expect(local.search('lighthouse', { sort: 'newest', snippets: 1 }).hits.map((hit) => hit.path)).toEqual(['ky/new.md', 'ky/old.md']);
      expect(local.search('lighthouse', { sort: 'newest' }).hits.map((hit) => hit.path)).toEqual(['ky/new.md']);
      await local.close();
    } finally {
      await removeDir(fresh);
    }
  });
});
