// Whether the sidebar is shown or folded to a rail. In a wide window it is the person's choice,
// remembered; in a narrow one (under NARROW_PX) it folds by itself and opens only until the window
// is resized across the line again, so the notes keep their room.
import { useCallback, useEffect, useState } from 'react';

export const NARROW_PX = 1100;
const STORED = 'fieldnotes.sidebarCollapsed';
const NARROW_QUERY = `(max-width: ${NARROW_PX - 1}px)`;

export interface SidebarState {
  collapsed: boolean;
  toggle: () => void;
}

export function useSidebar(): SidebarState {
  const [narrow, setNarrow] = useState(() => window.matchMedia(NARROW_QUERY).matches);
  const [wideCollapsed, setWideCollapsed] = useState(() => readStored());
  const [narrowOpen, setNarrowOpen] = useState(false);
  useEffect(() => {
    const media = window.matchMedia(NARROW_QUERY);
    const onChange = (): void => {
      setNarrow(media.matches);
      setNarrowOpen(false);
    };
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);
  const toggle = useCallback(() => {
    if (narrow) {
      setNarrowOpen((open) => !open);
      return;
    }
    setWideCollapsed((collapsed) => {
      try {
        localStorage.setItem(STORED, String(!collapsed));
      } catch {
        // Storage can be refused (a private window); the choice then lasts this session.
      }
      return !collapsed;
    });
  }, [narrow]);
  return { collapsed: narrow ? !narrowOpen : wideCollapsed, toggle };
}

function readStored(): boolean {
  try {
    return localStorage.getItem(STORED) === 'true';
  } catch {
    return false;
  }
}
