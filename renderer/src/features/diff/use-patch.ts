// The poc diff kept with a note (its `.patch` artifact), for the note view and the tasks view alike.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';

/** Read whole up to this; a bigger diff shows its start and says where the rest is. */
export const PATCH_MAX_BYTES = 1024 * 1024;

/** The note's patch artifact, or null when it has none. */
export function usePatchArtifact(noteId: string, enabled = true) {
  return useQuery({
    queryKey: ['notes', 'artifacts', noteId],
    queryFn: async () => (await api.notes.artifacts({ id: noteId })).artifacts.find((artifact) => artifact.name.endsWith('.patch')) ?? null,
    enabled,
  });
}

/** The patch's text (its first megabyte). */
export function usePatchText(noteId: string, artifact: string | undefined) {
  return useQuery({
    queryKey: ['notes', 'artifact', noteId, artifact],
    queryFn: () => api.notes.readArtifact({ id: noteId, name: artifact!, maxBytes: PATCH_MAX_BYTES }),
    enabled: artifact !== undefined,
  });
}
