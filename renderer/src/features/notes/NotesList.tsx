// The notes list: newest first, virtualized so 10,000 notes scroll like 10. Arrow keys move.
// With a selection, Ctrl/Cmd-click toggles a note, Shift-click selects a range, Space toggles the
// note being read.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import type { NoteSummary } from '../../../../shared/model/note';
import { selectOnClick } from '../context/NoteCheckbox';
import type { NoteSelection } from '../context/use-note-selection';
import { useAgentLabels } from '../settings/use-settings';
import { NoteRow } from './NoteRow';
import './NotesList.css';

const ROW_HEIGHT = 82;

interface NotesListProps {
  notes: NoteSummary[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  label: string;
  /** Choosing several notes; the list is single-choice without it. */
  selection?: NoteSelection;
}

export function NotesList({ notes, selectedId, onSelect, label, selection }: NotesListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const agentLabel = useAgentLabels();
  const virtualizer = useVirtualizer({
    count: notes.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const selectedIndex = selectedId === null ? -1 : notes.findIndex((note) => note.id === selectedId);

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const onRowClick = (id: string, event: MouseEvent): void => {
    if (!selectOnClick(selection, id, selectedId, event)) onSelect(id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === ' ' && selection && selectedId !== null) {
      event.preventDefault();
      selection.toggle(selectedId);
      return;
    }
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, j: 1, k: -1 };
    let next: number | undefined;
    if (event.key in moves) next = Math.min(notes.length - 1, Math.max(0, selectedIndex + moves[event.key]!));
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = notes.length - 1;
    const note = next === undefined ? undefined : notes[next];
    if (!note) return;
    event.preventDefault();
    onSelect(note.id);
  };

  return (
    <div
      ref={scrollRef}
      className={`notes-list${selection && selection.ids.length > 0 ? ' is-selecting' : ''}`}
      role="listbox"
      aria-label={label}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div style={{ height: virtualizer.getTotalSize() }} className="notes-list-inner">
        {virtualizer.getVirtualItems().map((item) => {
          const note = notes[item.index]!;
          return (
            <div key={note.id} className="notes-list-item" style={{ transform: `translateY(${item.start}px)`, height: item.size }}>
              <NoteRow
                note={note}
                agentLabel={note.agent && agentLabel(note.agent)}
                selected={note.id === selectedId}
                onClick={(event) => onRowClick(note.id, event)}
                selection={selection}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
