// The notes the UI shows, fetched through the API and kept fresh by push events.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';

export const noteKeys = {
  all: ['notes'] as const,
  list: () => ['notes', 'list'] as const,
  one: (id: string) => ['notes', 'one', id] as const,
  trash: () => ['notes', 'trash'] as const,
};

/** Every note's summary; main.tsx asks for it before the first render, so it is on its way sooner. */
export const noteListQuery = {
  queryKey: noteKeys.list(),
  queryFn: async () => (await api.notes.list()).notes,
};

export function useNoteList() {
  return useQuery(noteListQuery);
}

export function useNote(id: string | null) {
  return useQuery({
    queryKey: noteKeys.one(id ?? ''),
    queryFn: () => api.notes.get({ id: id! }),
    enabled: id !== null,
  });
}
