// Token estimates and staleness, fetched from the engine. Kept under the notes query keys, so a
// note that changes (in the app or on disk) refreshes them; refetched when the window regains
// focus too, since a repo can move on (a commit, a pull) without any note changing.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ContextFormat } from '../../../../shared/context/context-bundle';
import { api } from '../../api';

export const contextKeys = {
  estimate: (format: ContextFormat, ids: readonly string[]) => ['notes', 'context-estimate', format, ...ids] as const,
  staleness: (id: string) => ['notes', 'staleness', id] as const,
};

const FRESH_FOR_MS = 30_000;

/** What copying these notes would give: tokens and warnings. Keeps the last answer while a new one loads. */
export function useContextEstimate(ids: readonly string[], format: ContextFormat) {
  return useQuery({
    queryKey: contextKeys.estimate(format, ids),
    queryFn: () => api.context.estimate({ ids: [...ids], format }),
    enabled: ids.length > 0,
    placeholderData: keepPreviousData,
    staleTime: FRESH_FOR_MS,
    refetchOnWindowFocus: true,
    retry: false,
  });
}

/** Whether a note may be stale: its repo moved on and files it read changed. */
export function useNoteStaleness(id: string, enabled: boolean) {
  return useQuery({
    queryKey: contextKeys.staleness(id),
    queryFn: () => api.notes.staleness({ id }),
    enabled,
    staleTime: FRESH_FOR_MS,
    refetchOnWindowFocus: true,
    retry: false,
  });
}
