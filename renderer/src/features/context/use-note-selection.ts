// Choosing several notes in a list — Ctrl/Cmd-click toggles one, Shift-click selects a range,
// Escape clears — to act on them together ("copy 3 notes as context"). It knows notes only by id
// and is given the list's order, so any list of notes can use it: the notes list, search results.
import { useCallback, useMemo, useState } from 'react';

export interface NoteSelection {
  /** The selected notes that are in the list, in the list's order. */
  readonly ids: string[];
  has(id: string): boolean;
  /**
   * Adds or removes one note. `open` is the note being read: when nothing is selected yet it joins
   * the selection too, as in a file manager, where the focused item is part of a Ctrl-click selection.
   */
  toggle(id: string, open?: string | null): void;
  /** Selects every note from the last one toggled (else `open`, else this one) to this one. */
  extendTo(id: string, open?: string | null): void;
  clear(): void;
}

interface State {
  selected: ReadonlySet<string>;
  /** Where a Shift-click range starts. */
  anchor: string | null;
}

const EMPTY: State = { selected: new Set(), anchor: null };

export function useNoteSelection(order: readonly string[]): NoteSelection {
  const [state, setState] = useState<State>(EMPTY);
  const ids = useMemo(() => (state.selected.size === 0 ? [] : order.filter((id) => state.selected.has(id))), [order, state.selected]);

  const toggle = useCallback(
    (id: string, open?: string | null) =>
      setState(({ selected }) => {
        const next = new Set(selected);
        if (next.size === 0 && open && open !== id && order.includes(open)) next.add(open);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return { selected: next, anchor: id };
      }),
    [order],
  );

  const extendTo = useCallback(
    (id: string, open?: string | null) =>
      setState(({ selected, anchor }) => {
        const from = [anchor, open, id].find((candidate): candidate is string => !!candidate && order.includes(candidate));
        const to = order.indexOf(id);
        if (from === undefined || to === -1) return { selected, anchor };
        const [start, end] = [order.indexOf(from), to].sort((a, b) => a - b) as [number, number];
        const next = new Set(selected);
        for (const inRange of order.slice(start, end + 1)) next.add(inRange);
        return { selected: next, anchor: from };
      }),
    [order],
  );

  const clear = useCallback(() => setState(EMPTY), []);
  const has = useCallback((id: string) => state.selected.has(id), [state.selected]);

  return useMemo(() => ({ ids, has, toggle, extendTo, clear }), [ids, has, toggle, extendTo, clear]);
}
