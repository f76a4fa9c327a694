import { AlertTriangle, FlaskConical } from 'lucide-react';
import type { MouseEvent } from 'react';
import type { NoteSummary } from '../../../../shared/model/note';
import { StatusBadge } from '../../components/StatusBadge';
import { formatWhen } from '../../lib/format';

interface NoteRowProps {
  note: NoteSummary;
  /** The note is the one being read. */
  selected: boolean;
  onClick: (event: MouseEvent) => void;
  /** The note is chosen to act on with others (copy as context); absent where there is no choosing. */
  checked?: boolean;
  onCheck?: (event: MouseEvent) => void;
}

/** One note in the list: title, where it came from, when, and how it ended. */
export function NoteRow({ note, selected, onClick, checked, onCheck }: NoteRowProps) {
  const meta = [note.repo, note.agent].filter(Boolean).join(' · ');
  return (
    <div
      role="option"
      aria-selected={selected}
      className={`note-row${selected ? ' is-selected' : ''}${checked ? ' is-checked' : ''}`}
      onClick={onClick}
      data-note-id={note.id}
    >
      <div className="note-row-top">
        {onCheck && (
          <input
            type="checkbox"
            className="note-row-check"
            checked={checked ?? false}
            aria-label={`Select “${note.title}”`}
            tabIndex={-1}
            onClick={(event) => {
              event.stopPropagation();
              onCheck(event);
            }}
            onChange={() => undefined}
          />
        )}
        {note.status !== 'done' && <StatusBadge status={note.status} compact />}
        <span className="note-row-title">{note.title}</span>
        <time className="note-row-when" dateTime={note.created}>
          {formatWhen(note.created)}
        </time>
      </div>
      <div className="note-row-meta">
        {note.problem && (
          <span className="note-row-problem" title={note.problem.message}>
            <AlertTriangle aria-hidden /> Problem
          </span>
        )}
        {note.mode === 'poc' && (
          <span className="note-row-mode" title="Proof of concept: ran in a scratch checkout">
            <FlaskConical aria-hidden /> PoC
          </span>
        )}
        {meta && <span className="note-row-source">{meta}</span>}
        {note.imported && <span className="note-row-source">imported</span>}
        {note.tags.slice(0, 3).map((tag) => (
          <span key={tag} className="tag">
            {tag}
          </span>
        ))}
      </div>
      <div className={`note-row-excerpt${note.problem ? ' is-problem' : ''}`}>
        {note.problem ? note.problem.message : note.excerpt}
      </div>
    </div>
  );
}
