// The note's actions. Where the note pane is wide they sit in a row; where it is narrow, Refresh,
// Copy as context and Delete fold into a "More actions" menu so none falls off the edge.
import { MoreHorizontal, Trash2 } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { Note } from '../../../../shared/model/note';
import { Button } from '../../components/Button';
import { CopyContextButton } from '../context/CopyContextButton';
import { NoteTaskActions, RefreshButton, useRefreshable } from '../tasks/NoteTaskActions';
import { useStaleNotes } from './use-stale-notes';

/** Below this width of the note header, the toolbar folds. */
const FOLD_PX = 540;

export function NoteToolbar({ note, onDelete }: { note: Note; onDelete: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const narrow = useNarrow(ref);
  const [open, setOpen] = useState(false);
  const refreshable = useRefreshable(note);
  const stale = useStaleNotes().has(note.summary.id);
  useEffect(() => {
    if (!open) return;
    const close = (event: Event): void => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !ref.current?.querySelector('.note-toolbar-menu')?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', close);
    document.addEventListener('pointerdown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('pointerdown', close);
    };
  }, [open]);

  const folded = (
    <>
      {refreshable && <RefreshButton note={note} variant={stale && !narrow ? 'secondary' : 'ghost'} />}
      <CopyContextButton id={note.summary.id} />
      <Button variant="ghost" size="sm" icon={<Trash2 />} onClick={onDelete} title="Move this note to the trash">
        Delete
      </Button>
    </>
  );
  return (
    <div className="note-toolbar" ref={ref}>
      <NoteTaskActions note={note} />
      {!narrow && folded}
      {narrow && (
        <div className="note-toolbar-more">
          <Button variant="ghost" size="sm" icon={<MoreHorizontal />} aria-expanded={open} aria-haspopup="true" onClick={() => setOpen(!open)} title={refreshable ? 'Refresh, Copy as context, Delete' : 'Copy as context, Delete'}>
            More
          </Button>
          {open && (
            <div className="note-toolbar-menu" role="group" aria-label="More actions">
              {folded}
            </div>
          )}
        </div>
      )}
    </div>
  );
}

/** True while the element's parent is narrower than FOLD_PX. */
function useNarrow(ref: React.RefObject<HTMLElement | null>): boolean {
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const parent = ref.current?.parentElement;
    if (!parent) return;
    const observer = new ResizeObserver(([entry]) => setNarrow((entry?.contentRect.width ?? FOLD_PX) < FOLD_PX));
    observer.observe(parent);
    return () => observer.disconnect();
  }, [ref]);
  return narrow;
}
