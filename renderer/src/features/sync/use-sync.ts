// The notebook's sync state in the query cache (kept current by `sync.changed`), and the actions
// on it: sync now, set up sharing, settle a conflicted note, clone a shared notebook.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ConflictChoice } from '../../../../shared/model/note-conflict';
import { api } from '../../api';
import { showToast } from '../../components/toast-store';
import { noteKeys } from '../notes/use-notes';

export const syncKeys = { status: ['sync', 'status'] as const };

export function useSyncStatus(enabled = true) {
  const queryClient = useQueryClient();
  useEffect(() => api.on('sync.changed', (status) => queryClient.setQueryData(syncKeys.status, status)), [queryClient]);
  return useQuery({ queryKey: syncKeys.status, queryFn: () => api.sync.status(), enabled, staleTime: 30_000 });
}

export function useRunSync() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.sync.run(),
    onSuccess: ({ outcome, status }) => {
      queryClient.setQueryData(syncKeys.status, status);
      void queryClient.invalidateQueries({ queryKey: noteKeys.all });
      const conflicts = outcome.conflicted.length;
      if (conflicts > 0) showToast({ message: `${conflicts === 1 ? 'A note' : `${conflicts} notes`} changed on both sides: both versions are kept until you choose.` });
    },
    // The status holds the error in words; refetch it so the sidebar shows it.
    onError: () => void queryClient.invalidateQueries({ queryKey: syncKeys.status }),
  });
}

export function useSetUpSync() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (remote: string | undefined) => api.sync.setup(remote ? { remote } : {}),
    onSuccess: (status) => queryClient.setQueryData(syncKeys.status, status),
  });
}

export function useResolveConflict() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; keep: ConflictChoice }) => api.sync.resolve(input),
    onSuccess: (note) => {
      queryClient.setQueryData(noteKeys.one(note.summary.id), note);
      void queryClient.invalidateQueries({ queryKey: noteKeys.all });
      void queryClient.invalidateQueries({ queryKey: syncKeys.status });
    },
  });
}

export function useCloneNotebook(onOpened: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { url: string; path: string }) => api.sync.clone(input),
    onSuccess: async () => {
      onOpened();
      await queryClient.invalidateQueries();
    },
  });
}

/** "2.4 MB" */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(1)} kB`;
  if (bytes < 1e9) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e9).toFixed(1)} GB`;
}
