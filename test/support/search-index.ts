// The search engine in-process (no worker thread), over a real notebook folder: what unit tests
// use to check indexing and ranking without paying for a worker per test.
import { join } from 'node:path';
import type { SearchInput, SearchResults, SearchStatus } from '../../shared/contract/search';
import { SearchInput as SearchInputSchema } from '../../shared/contract/search';
import { IndexCache } from '../../electron/core/search/index-cache';
import { Indexer } from '../../electron/core/search/indexer';
import type { SegmentSizes } from '../../electron/core/search/search-index';

export interface LocalSearch {
  indexer: Indexer;
  statuses: SearchStatus[];
  search(query: string, options?: Omit<SearchInput, 'query'>): SearchResults;
  /** Paths of the hits, best first. */
  paths(query: string, options?: Omit<SearchInput, 'query'>): string[];
  close(): Promise<void>;
}

export async function openLocalSearch(
  notebook: string,
  cacheDir = join(notebook, '.fieldnotes', 'cache', 'search'),
  options: { sizes?: SegmentSizes; wait?: boolean } = {},
): Promise<LocalSearch> {
  const statuses: SearchStatus[] = [];
  const indexer = new Indexer(notebook, new IndexCache(cacheDir), (status) => statuses.push(status), { sizes: options.sizes });
  await indexer.start();
  if (options.wait !== false) await indexer.whenIdle();
  const search = (query: string, input: Omit<SearchInput, 'query'> = {}): SearchResults =>
    indexer.search(SearchInputSchema.parse({ query, limit: 50, ...input }));
  return {
    indexer,
    statuses,
    search,
    paths: (query, options) => search(query, options).hits.map((hit) => hit.path),
    close: () => indexer.close(),
  };
}
