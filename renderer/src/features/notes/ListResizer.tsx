// The handle between the notes list and the note: drag it (or use the arrow keys on it) to give
// the list more or less room; the width is remembered. It sets --list-width, which the layout reads.
import { useEffect, useState } from 'react';

const STORED = 'fieldnotes.listWidth';
export const MIN_LIST = 260;
const MAX_LIST = 720;
/** The note keeps at least this much beside the list. */
const MIN_NOTE = 440;
const STEP = 24;

export function ListResizer() {
  const [width, setWidth] = useState<number | null>(() => readStored());
  useEffect(() => {
    const root = document.documentElement;
    if (width === null) root.style.removeProperty('--list-width');
    else root.style.setProperty('--list-width', `${width}px`);
  }, [width]);

  // The handle sits inside the list pane, on its right edge.
  const listPane = (handle: HTMLElement): HTMLElement | null => handle.parentElement;
  const commit = (next: number, handle: HTMLElement): void => {
    const left = listPane(handle)?.getBoundingClientRect().left ?? 0;
    const max = Math.max(MIN_LIST, Math.min(MAX_LIST, window.innerWidth - left - MIN_NOTE));
    const clamped = Math.round(Math.min(max, Math.max(MIN_LIST, next)));
    setWidth(clamped);
    try {
      localStorage.setItem(STORED, String(clamped));
    } catch {
      // Storage can be refused (a private window); the width then lasts this session.
    }
  };

  const onPointerDown = (event: React.PointerEvent<HTMLDivElement>): void => {
    const handle = event.currentTarget;
    const pane = listPane(handle);
    if (!pane) return;
    event.preventDefault();
    handle.setPointerCapture(event.pointerId);
    const left = pane.getBoundingClientRect().left;
    const onMove = (move: PointerEvent): void => commit(move.clientX - left, handle);
    const onUp = (): void => {
      handle.removeEventListener('pointermove', onMove);
      handle.removeEventListener('pointerup', onUp);
    };
    handle.addEventListener('pointermove', onMove);
    handle.addEventListener('pointerup', onUp);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>): void => {
    const current = listPane(event.currentTarget)?.getBoundingClientRect().width ?? MIN_LIST;
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      commit(current + (event.key === 'ArrowRight' ? STEP : -STEP), event.currentTarget);
    }
  };

  return (
    <div
      className="list-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the notes list"
      aria-valuenow={width ?? undefined}
      tabIndex={0}
      title="Drag to resize the list (double-click for the default width)"
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
      onDoubleClick={() => {
        setWidth(null);
        try {
          localStorage.removeItem(STORED);
        } catch {
          // Nothing was stored then.
        }
      }}
    />
  );
}

function readStored(): number | null {
  try {
    const stored = Number(localStorage.getItem(STORED));
    return Number.isFinite(stored) && stored >= MIN_LIST ? stored : null;
  } catch {
    return null;
  }
}
