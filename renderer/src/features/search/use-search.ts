// Search as you type: the query is debounced, the previous results stay on screen until the next
// ones arrive, and results refresh when notes change or indexing finishes.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { SearchFilters, SearchSort, SearchStatus } from '../../../../shared/contract/search';
import { api } from '../../api';

const DEBOUNCE_MS = 120;
/** Results the list shows; enough to scroll through, few enough to cut snippets for quickly. */
export const RESULTS_LIMIT = 50;

export const searchKeys = {
  all: ['search'] as const,
  results: (query: string, filters: SearchFilters, sort: SearchSort) => ['search', 'results', query, filters, sort] as const,
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

export function useSearchResults(query: string, filters: SearchFilters, sort: SearchSort) {
  const debounced = useDebounced(query.trim());
  return useQuery({
    queryKey: searchKeys.results(debounced, filters, sort),
    queryFn: () => api.search.query({ query: debounced, filters, sort, limit: RESULTS_LIMIT }),
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

/** The index's state, kept current by search.progress events; results refetch when indexing ends. */
export function useSearchStatus(): IndexState | undefined {
  const queryClient = useQueryClient();
  const state = useQuery({
    queryKey: searchKeys.status,
    queryFn: async (): Promise<IndexState> => ({ status: await api.search.status(), run: 0 }),
    staleTime: Infinity,
  });
  useEffect(() => {
    const offProgress = api.on('search.progress', (next) => {
      const previous = queryClient.getQueryData<IndexState>(searchKeys.status);
      const run = (previous?.run ?? 0) + (previous?.status.state !== 'indexing' && next.state === 'indexing' ? 1 : 0);
      queryClient.setQueryData<IndexState>(searchKeys.status, { status: next, run });
      // More notes searchable (a segment was sealed), or indexing done: the results may have changed.
      if (next.notes !== previous?.status.notes || (previous?.status.state !== 'ready' && next.state === 'ready')) {
        void queryClient.invalidateQueries({ queryKey: ['search', 'results'] });
      }
    });
    const offChanges = api.on('notes.changed', () => void queryClient.invalidateQueries({ queryKey: ['search', 'results'] }));
    return () => {
      offProgress();
      offChanges();
    };
  }, [queryClient]);
  return state.data;
}
