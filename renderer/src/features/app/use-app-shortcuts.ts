// The app's own shortcuts: Ctrl/Cmd-K searches, Ctrl/Cmd-Shift-P opens (or closes) the command palette,
// Ctrl/Cmd-\ shows or folds the sidebar.
import { useEffect } from 'react';
import { hasMod } from '../../lib/platform';

export function useAppShortcuts(onSearch: () => void, onTogglePalette: (open?: boolean) => void, onToggleSidebar: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!hasMod(event)) return;
      const key = event.key.toLowerCase();
      if (!event.shiftKey && key === 'k') {
        event.preventDefault();
        onTogglePalette(false);
        onSearch();
      } else if (event.shiftKey && key === 'p') {
        event.preventDefault();
        onTogglePalette();
      } else if (!event.shiftKey && (key === '\\' || event.code === 'Backslash')) {
        event.preventDefault();
        onToggleSidebar();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onSearch, onTogglePalette, onToggleSidebar]);
}
