// The checkbox on a note's row in any list (the notes, search results): it shows on hover, and on
// every row while some are selected. Shift-click on it selects a range, as Shift-click on a row does.
import type { MouseEvent } from 'react';
import { hasMod } from '../../lib/platform';
import { useSelectedNoteId } from '../app/use-route';
import './Context.css';
import type { NoteSelection } from './use-note-selection';

interface NoteCheckboxProps {
  id: string;
  title: string;
  selection: NoteSelection;
}

export function NoteCheckbox({ id, title, selection }: NoteCheckboxProps) {
  // The note being read is where a Shift range starts when nothing was toggled yet.
  const [openId] = useSelectedNoteId();
  return (
    <input
      type="checkbox"
      className="note-row-check"
      checked={selection.has(id)}
      aria-label={`Select “${title}”`}
      tabIndex={-1}
      onClick={(event) => {
        event.stopPropagation();
        if (event.shiftKey) selection.extendTo(id, openId);
        else selection.toggle(id);
      }}
      onChange={() => undefined}
    />
  );
}

/**
 * A click on a row, as a file manager reads it: Ctrl/Cmd toggles the note, Shift selects up to it.
 * Returns false for a plain click, which opens the note.
 */
export function selectOnClick(selection: NoteSelection | undefined, id: string, openId: string | null, event: MouseEvent): boolean {
  if (!selection) return false;
  if (hasMod(event)) selection.toggle(id, openId);
  else if (event.shiftKey) selection.extendTo(id, openId);
  else return false;
  return true;
}
