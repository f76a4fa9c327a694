// The selected note lives in the URL hash (#/notes/<id>), so reloads and back/forward keep it.
import { useCallback, useSyncExternalStore } from 'react';

const subscribe = (listener: () => void) => {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
};

function selectedFromHash(): string | null {
  const match = /^#\/notes\/([^/?#]+)/.exec(window.location.hash);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

export function useSelectedNoteId(): [string | null, (id: string | null) => void] {
  const selected = useSyncExternalStore(subscribe, selectedFromHash);
  const select = useCallback((id: string | null) => {
    window.location.hash = id === null ? '' : `#/notes/${encodeURIComponent(id)}`;
  }, []);
  return [selected, select];
}
