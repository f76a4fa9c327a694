// The keys of "copy as context": Ctrl/Cmd-Shift-C copies the selected notes (or the note being
// read), and Escape clears the selection. Each list of notes has its own selection; only the list
// on screen (`active`) answers the keys.
import { useEffect } from 'react';
import { showToast } from '../../components/toast-store';
import { hasMod } from '../../lib/platform';
import { getContextFormat } from './context-format';
import { copyAsContext } from './copy-context';
import type { NoteSelection } from './use-note-selection';

export function useCopyShortcuts(selection: NoteSelection, openId: string | null, active = true): void {
  useEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented) return;
      if (hasMod(event) && event.shiftKey && event.key.toLowerCase() === 'c') {
        event.preventDefault();
        const ids = selection.ids.length > 0 ? selection.ids : openId ? [openId] : [];
        if (ids.length === 0) showToast({ message: 'Select a note, or several, to copy them as context.' });
        else void copyAsContext(ids, getContextFormat());
        return;
      }
      if (event.key === 'Escape' && selection.ids.length > 0 && !isTyping(event.target) && !document.querySelector('[aria-modal="true"]')) {
        selection.clear();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [selection, openId, active]);
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}
