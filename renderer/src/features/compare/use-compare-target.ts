// The note whose answers the palette's "Compare answers" would show: the note being read, when it
// has siblings (the same question asked of other agents).
import { useNote } from '../notes/use-notes';
import type { Route } from '../app/use-route';

export function useCompareTarget(route: Route): string | null {
  const { data } = useNote(route.view === 'notes' ? route.noteId : null);
  return route.view === 'notes' && data?.frontmatter?.siblings?.length ? data.summary.id : null;
}
