// The counts behind the filter chips: disjunctive (a kind's counts ignore its own filter), counted
// over every match however few hits the page shows, and skipped when a caller does not show them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeNote } from '../../support/search-notes';
import { openLocalSearch, type LocalSearch } from '../../support/search-index';
import { removeDir, tempDir } from '../../support/temp';

let notebook: string;
let search: LocalSearch;

beforeAll(async () => {
  notebook = await tempDir('fieldnotes-search-');
  await writeNote(notebook, 'ky/retries.md', { title: 'Why do retries stop?', body: 'Retries stop after a 413.', tags: ['http', 'retries'], repo: 'ky' });
  await writeNote(notebook, 'ky/timeouts.md', { title: 'How do timeouts work?', body: 'Retries start again after the backoff.', tags: ['http'], repo: 'ky', agent: 'codex' });
  await writeNote(notebook, 'vite/plugins.md', { title: 'Plugin hooks', body: 'No retries here.', repo: 'vite', tags: ['plugins'] });
  await writeNote(notebook, 'vite/routing.md', { title: 'How does routing work?', body: 'The router matches a route.', repo: 'vite' });
  search = await openLocalSearch(notebook);
});

afterAll(async () => {
  await search.close();
  await removeDir(notebook);
});

describe('facet counts', () => {
  it('count every match, not only the page of hits', () => {
    const results = search.search('retries', { limit: 1 });
    expect(results.hits).toHaveLength(1);
    expect(results.total).toBe(3);
    expect(results.facets.repo).toEqual([{ value: 'ky', count: 2 }, { value: 'vite', count: 1 }]);
    expect(results.facets.tag).toEqual([{ value: 'http', count: 2 }, { value: 'plugins', count: 1 }, { value: 'retries', count: 1 }]);
  });

  it('ignore their own kind’s filter, so the other repos still show with their counts', () => {
    const results = search.search('retries', { filters: { repo: ['ky'] } });
    expect(results.hits.map((hit) => hit.path).sort()).toEqual(['ky/retries.md', 'ky/timeouts.md']);
    expect(results.facets.repo).toEqual([{ value: 'ky', count: 2 }, { value: 'vite', count: 1 }]);
    expect(results.facets.tag).toEqual([{ value: 'http', count: 2 }, { value: 'retries', count: 1 }]);
  });

  it('are left out when not asked for, and the hits and total stay the same', () => {
    for (const filters of [{}, { repo: ['ky'] }]) {
      const counted = search.search('retries', { filters });
      const uncounted = search.search('retries', { filters, facets: false });
      expect(uncounted.hits.map((hit) => hit.path)).toEqual(counted.hits.map((hit) => hit.path));
      expect(uncounted.total).toBe(counted.total);
      expect(uncounted.facets).toEqual({ repo: [], agent: [], tag: [], mode: [], status: [] });
    }
  });
});
