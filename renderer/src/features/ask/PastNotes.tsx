// "You asked this before": notes about the same codebase that may already answer the question,
// each openable (the draft stays) or attachable as context. Fed by usePastNotes.
import { History, Paperclip } from 'lucide-react';
import { StatusBadge } from '../../components/StatusBadge';
import { formatWhen } from '../../lib/format';
import { useAgentLabels } from '../settings/use-settings';
import type { PastNote } from './past-notes';

interface PastNotesProps {
  notes: PastNote[];
  attached: string[];
  onOpen: (id: string) => void;
  onAttach: (id: string) => void;
}

export function PastNotes({ notes, attached, onOpen, onAttach }: PastNotesProps) {
  const labelOf = useAgentLabels();
  if (notes.length === 0) return null;
  return (
    <section className="past-notes" aria-label="You asked this before">
      <div className="past-notes-heading">
        <History aria-hidden /> You asked this before
      </div>
      <ul>
        {notes.map((note) => (
          <li key={note.id} className="past-note">
            <button type="button" className="past-note-open" onClick={() => onOpen(note.id)} title="Open this note (your question is kept)">
              <StatusBadge status={note.status} />
              <span className="past-note-title">{note.title}</span>
              <span className="past-note-meta">{[note.agent && labelOf(note.agent), formatWhen(note.created)].filter(Boolean).join(' · ')}</span>
            </button>
            <button
              type="button"
              className="link-button"
              disabled={attached.includes(note.id)}
              onClick={() => onAttach(note.id)}
              aria-label={`Attach “${note.title}” as context`}
            >
              <Paperclip aria-hidden /> {attached.includes(note.id) ? 'Attached' : 'Attach'}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
