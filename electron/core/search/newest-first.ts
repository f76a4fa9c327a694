// Search results as the notebook knows them now: each hit says which note refreshed it, and the
// hits of one chain of refreshes come newest first (see shared/model/note-chain.ts).
import type { SearchResults } from '../../../shared/contract/search';
import { newestFirstInChains } from '../../../shared/model/note-chain';
import type { Notebook } from '../notebook/notebook';

export function newestFirst(results: SearchResults, notebook: Notebook | null): SearchResults {
  if (!notebook) return results;
  const supersededBy = (id: string) => notebook.summaryOf(id)?.supersededBy;
  if (!results.hits.some((hit) => supersededBy(hit.id) !== undefined)) return results;
  const hits = results.hits.map((hit) => {
    const successor = supersededBy(hit.id);
    return successor === undefined ? hit : { ...hit, supersededBy: successor };
  });
  return { ...results, hits: newestFirstInChains(hits, supersededBy) };
}
