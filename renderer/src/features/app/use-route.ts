// Where the app is lives in the URL hash, so reloads and back/forward keep it:
//   #/notes/<id>   a note (the notes list beside it)        #/tasks/<id>   the tasks, one of them open
//   #/tasks        the tasks                                #/settings     the settings
//   #/settings/<section>  the settings, scrolled to one section (sharing)
//   #/sessions     the agents' own sessions on this machine
//   #/compare/<id> a note's answer beside its siblings' (the same question asked of other agents)
// Anything can navigate (a toast, a task card) by calling openNote/openTasks/openSettings/openCompare.
import { useCallback, useSyncExternalStore } from 'react';

export type Route =
  | { view: 'notes'; noteId: string | null }
  | { view: 'tasks'; taskId: string | null }
  | { view: 'settings'; section: string | null }
  | { view: 'sessions' }
  | { view: 'compare'; noteId: string };

const subscribe = (listener: () => void) => {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
};

function decode(part: string | undefined): string | null {
  if (!part) return null;
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/** The hash as a string (a stable snapshot for useSyncExternalStore); parsed by parseRoute. */
const readHash = (): string => window.location.hash;

export function parseRoute(hash: string): Route {
  const [, view, id] = /^#\/(notes|tasks|settings|sessions|compare)(?:\/([^/?#]+))?/.exec(hash) ?? [];
  if (view === 'tasks') return { view: 'tasks', taskId: decode(id) };
  const compared = view === 'compare' ? decode(id) : null;
  if (compared) return { view: 'compare', noteId: compared };
  if (view === 'settings') return { view: 'settings', section: decode(id) };
  if (view === 'sessions') return { view: 'sessions' };
  return { view: 'notes', noteId: view === 'notes' ? decode(id) : null };
}

export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, readHash));
}

export function openNote(id: string | null): void {
  window.location.hash = id === null ? '' : `#/notes/${encodeURIComponent(id)}`;
}

export function openTasks(taskId?: string | null): void {
  window.location.hash = taskId ? `#/tasks/${encodeURIComponent(taskId)}` : '#/tasks';
}

/** Opens the settings, scrolled to `section` when one is named (the id of its heading without `settings-`). */
export function openSettings(section?: string): void {
  window.location.hash = section ? `#/settings/${encodeURIComponent(section)}` : '#/settings';
}

/** Shows a note's answer beside those of its siblings. */
export function openCompare(noteId: string): void {
  window.location.hash = `#/compare/${encodeURIComponent(noteId)}`;
}

export function openSessions(): void {
  window.location.hash = '#/sessions';
}

/** The note being read (null outside the notes view), and the way to choose another. */
export function useSelectedNoteId(): [string | null, (id: string | null) => void] {
  const route = useRoute();
  const select = useCallback((id: string | null) => openNote(id), []);
  return [route.view === 'notes' ? route.noteId : null, select];
}
