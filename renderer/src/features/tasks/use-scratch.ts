// Scratch checkouts poc tasks left behind: listed with their disk use, shown in the file manager,
// discarded. Refreshed when a task ends (a poc may have made one).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';

export const scratchKeys = { list: ['scratch', 'list'] as const };

export function useScratchCheckouts() {
  return useQuery({ queryKey: scratchKeys.list, queryFn: async () => (await api.scratch.list()).checkouts, staleTime: 0 });
}

export function useDiscardScratch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.scratch.discard({ name }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: scratchKeys.list }),
  });
}

export function useRevealScratch() {
  return useMutation({ mutationFn: (name: string) => api.scratch.reveal({ name }) });
}
