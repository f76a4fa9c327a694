import { AlertTriangle, FlaskConical, GitMerge } from 'lucide-react';
import type { MouseEvent } from 'react';
import type { NoteSummary } from '../../../../shared/model/note';
import { StatusBadge } from '../../components/StatusBadge';
import { formatWhen } from '../../lib/format';
import { NoteCheckbox } from '../context/NoteCheckbox';
import type { NoteSelection } from '../context/use-note-selection';

interface NoteRowProps {
  note: NoteSummary;
  /** The note's agent as the app names it ("Claude Code"). */
  agentLabel: string | undefined;
  /** The note is the one being read. */
  selected: boolean;
  onClick: (event: MouseEvent) => void;
  /** The notes chosen to act on together (copy as context); absent where there is no choosing. */
  selection?: NoteSelection;
}

/** One note in the list: title, where it came from, when, and how it ended. */
export function NoteRow({ note, agentLabel, selected, onClick, selection }: NoteRowProps) {
  const checked = selection?.has(note.id) ?? false;
  const meta = [note.repo, agentLabel].filter(Boolean).join(' · ');
  return (
    <div
      role="option"
      aria-selected={selected}
      className={`note-row${selected ? ' is-selected' : ''}${checked ? ' is-checked' : ''}`}
      onClick={onClick}
      data-note-id={note.id}
    >
      <div className="note-row-top">
        {selection && <NoteCheckbox id={note.id} title={note.title} selection={selection} />}
        {note.status !== 'done' && <StatusBadge status={note.status} compact />}
        <span className="note-row-title" title={note.title}>
          {note.title}
        </span>
      </div>
      <div className="note-row-meta">
        {note.problem && (
          <span className="note-row-problem" title={note.problem.message}>
            <AlertTriangle aria-hidden /> Problem
          </span>
        )}
        {note.conflict && (
          <span className="note-row-conflict" title="Changed on both sides of a sync: both versions are kept until you choose">
            <GitMerge aria-hidden /> Conflict
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
        {/* The date sits with the facts, so the title has the row's whole width. */}
        <time className="note-row-when" dateTime={note.created}>
          {formatWhen(note.created)}
        </time>
      </div>
      <div className={`note-row-excerpt${note.problem ? ' is-problem' : ''}`}>
        {note.problem ? note.problem.message : note.excerpt}
      </div>
    </div>
  );
}
