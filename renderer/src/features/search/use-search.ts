// Search as you type: the query is debounced, the previous results stay on screen until the next
// ones arrive, and results refresh when notes change or indexing finishes.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { SearchFilters, SearchSort, SearchStatus } from '../../../../shared/contract/search';
import { api } from '../../api';
import { SNIPPETS_AT_ONCE } from './use-lazy-snippets';

const DEBOUNCE_MS = 120;
/**
 * Results shown at first, and added by "Show more": a screenful or three. The first screenful comes
 * with snippets; the rows below get theirs as they come into view (use-lazy-snippets.ts).
 */
export const RESULTS_PAGE = 30;

export const searchKeys = {
  all: ['search'] as const,
  results: (query: string, filters: SearchFilters, sort: SearchSort, limit: number) => ['search', 'results', query, filters, sort, limit] as const,
  status: ['search', 'status'] as const,
};

export function useDebounced<T>(value: T, delay = DEBOUNCE_MS): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

export function useSearchResults(query: string, filters: SearchFilters, sort: SearchSort, limit: number) {
  const debounced = useDebounced(query.trim());
  return useQuery({
    queryKey: searchKeys.results(debounced, filters, sort, limit),
    queryFn: () => api.search.query({ query: debounced, filters, sort, limit, snippets: SNIPPETS_AT_ONCE }),
    enabled: debounced !== '',
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export interface IndexState {
  status: SearchStatus;
  /** Counts indexing runs, so the UI can tell a new run from the one it already shows. */
  run: number;
}

/** While the index is not ready, its state is also asked for this often (push events can be missed). */
const POLL_WHILE_INDEXING_MS = 1_000;

/**
 * The index's state, kept current by search.progress events (and by asking, while it is not
 * ready, in case an event came before the push channel was up). Results refetch whenever more
 * notes become searchable or indexing ends.
 */
export function useSearchStatus(): IndexState | undefined {
  const queryClient = useQueryClient();
  const state = useQuery({
    queryKey: searchKeys.status,
    queryFn: async (): Promise<IndexState> => {
      const status = await api.search.status();
      const previous = queryClient.getQueryData<IndexState>(searchKeys.status);
      return nextState(previous, status);
    },
    staleTime: Infinity,
    refetchInterval: (query) => (query.state.data?.status.state === 'ready' ? false : POLL_WHILE_INDEXING_MS),
  });
  useEffect(() => {
    const offProgress = api.on('search.progress', (next) => {
      queryClient.setQueryData<IndexState>(searchKeys.status, (previous) => nextState(previous, next));
    });
    const offChanges = api.on('notes.changed', () => void queryClient.invalidateQueries({ queryKey: ['search', 'results'] }));
    return () => {
      offProgress();
      offChanges();
    };
  }, [queryClient]);

  // More notes searchable (a segment was sealed), or indexing done: the results may have changed.
  const notes = state.data?.status.notes;
  const ready = state.data?.status.state === 'ready';
  useEffect(() => {
    if (notes === undefined) return;
    void queryClient.invalidateQueries({ queryKey: ['search', 'results'] });
  }, [queryClient, notes, ready]);
  return state.data;
}

function nextState(previous: IndexState | undefined, status: SearchStatus): IndexState {
  const run = (previous?.run ?? 0) + (previous?.status.state !== 'indexing' && status.state === 'indexing' ? 1 : 0);
  return { status, run };
}
