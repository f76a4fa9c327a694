// The Compare view's keys: ←/→ or [ ] move the focused column, C copies its answer as context,
// A (or Shift-C, or the app's Ctrl/Cmd-Shift-C) copies all of them. Listened for in the capture
// phase, so the app-wide Ctrl/Cmd-Shift-C (which copies the note being read) stands aside here.
import { useEffect } from 'react';
import { hasMod } from '../../lib/platform';

export interface CompareKeys {
  count: number;
  onMove: (step: -1 | 1) => void;
  onCopyFocused: () => void;
  onCopyAll: () => void;
}

export function useCompareKeys({ count, onMove, onCopyFocused, onCopyAll }: CompareKeys): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || count === 0 || isTyping(event.target) || document.querySelector('[aria-modal="true"]')) return;
      const key = event.key.toLowerCase();
      if (hasMod(event)) {
        if (event.shiftKey && key === 'c') {
          event.preventDefault();
          onCopyAll();
        }
        return;
      }
      if (event.altKey) return;
      if (key === 'arrowleft' || key === '[') onMove(-1);
      else if (key === 'arrowright' || key === ']') onMove(1);
      else if (key === 'c' && !event.shiftKey) onCopyFocused();
      else if (key === 'a' || (key === 'c' && event.shiftKey)) onCopyAll();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [count, onMove, onCopyFocused, onCopyAll]);
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}
