// The notes the UI shows, fetched through the API and kept fresh by push events.
import { useQuery } from '@tanstack/react-query';
import type { NoteSummary } from '../../../../shared/model/note';
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

/**
 * The newest notes, enough for a first screen: they arrive long before 10,000 summaries do, and
 * the list shows them meanwhile. Outside `noteKeys.all`: once the whole list is in, it is not used.
 */
export const newestNotesQuery = {
  queryKey: ['newest-notes'] as const,
  queryFn: async () => (await api.notes.list({ limit: 60 })).notes,
};

export function useNoteList() {
  return useQuery(noteListQuery);
}

/** The newest notes while the whole list is still on its way; undefined once it is in (or before). */
export function useNewestNotes(whole: boolean): NoteSummary[] | undefined {
  const { data } = useQuery({ ...newestNotesQuery, enabled: !whole });
  return whole ? undefined : data;
}

export function useNote(id: string | null) {
  return useQuery({
    queryKey: noteKeys.one(id ?? ''),
    queryFn: () => api.notes.get({ id: id! }),
    enabled: id !== null,
  });
}
