// The notes that may be stale (their code moved on since their commit), checked by the engine in
// the background for the Stale filter and its count. A note's change checks again (notes.changed
// invalidates everything under noteKeys.all), and so does coming back to the window (a commit
// made meanwhile).
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../api';
import { noteKeys } from './use-notes';

const NONE: ReadonlySet<string> = new Set();

export function useStaleNotes(): ReadonlySet<string> {
  const { data } = useQuery({
    queryKey: [...noteKeys.all, 'stale'] as const,
    queryFn: async () => (await api.notes.stale()).ids,
    staleTime: 30_000,
    refetchOnWindowFocus: true,
    retry: false,
  });
  return useMemo(() => (data ? new Set(data) : NONE), [data]);
}
