// The recent notebooks, and switching to another one.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../api';

export const notebookKeys = { recent: ['notebook', 'recent'] as const };

export function useRecentNotebooks(enabled: boolean) {
  return useQuery({ queryKey: notebookKeys.recent, queryFn: async () => (await api.notebook.recent()).notebooks, enabled, staleTime: 0 });
}

/** Opens a folder as the notebook; resolves with an error message instead of throwing. */
export function useOpenNotebook(onOpened: () => void) {
  const queryClient = useQueryClient();
  return useCallback(
    async (path: string): Promise<string | null> => {
      try {
        await api.notebook.open({ path });
        onOpened();
        await queryClient.invalidateQueries();
        return null;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },
    [onOpened, queryClient],
  );
}
