import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import { noteKeys } from '../notes/use-notes';

/** The notes in the trash, most recently deleted first; refreshed with the notes. */
export function useTrash() {
  return useQuery({ queryKey: noteKeys.trash(), queryFn: async () => (await api.notes.listTrash()).notes });
}
