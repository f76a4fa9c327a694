// On a note that refreshed an older one: how the new answer differs from the old, line by line
// (added, removed, and a few kept lines around each change; long unchanged runs folded).
import { GitCompare } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { Note } from '../../../../shared/model/note';
import { diffCounts, diffLines, foldUnchanged } from '../../../../shared/model/line-diff';
import { Button } from '../../components/Button';
import { formatWhen } from '../../lib/format';
import { openNote } from '../app/use-route';
import { useNote, useNoteList } from './use-notes';
import './AnswerDiff.css';

const MARK = { same: ' ', added: '+', removed: '−' } as const;

export function AnswerDiff({ note }: { note: Note }) {
  const olderId = note.frontmatter?.supersedes;
  const listed = useNoteList().data?.some((other) => other.id === olderId) ?? false;
  const { data: older } = useNote(olderId && listed ? olderId : null);
  const [open, setOpen] = useState(true);
  const lines = useMemo(() => (older ? diffLines(older.body, note.body) : []), [older, note.body]);
  const pieces = useMemo(() => foldUnchanged(lines), [lines]);
  if (!older || note.summary.status !== 'done') return null;
  const { added, removed } = diffCounts(lines);
  return (
    <section className="note-section" aria-label="Changes from the earlier answer">
      <div className="note-section-head">
        <h2 className="eyebrow">
          Compared with the earlier answer
          <span className="diff-counts">
            <span className="diff-added"> +{added}</span> <span className="diff-removed">−{removed}</span>
          </span>
        </h2>
        <div className="note-section-actions">
          <Button size="sm" variant="ghost" onClick={() => openNote(older.summary.id)} title={older.summary.path}>
            Open the earlier note · {formatWhen(older.summary.created)}
          </Button>
          <Button size="sm" variant="ghost" icon={<GitCompare />} aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? 'Hide diff' : 'Show diff'}
          </Button>
        </div>
      </div>
      {open && (added === 0 && removed === 0 ? (
        <p className="task-empty-line">The new answer says the same as the earlier one.</p>
      ) : (
        <pre className="answer-diff" aria-label="Answer diff">
          {pieces.map((piece, i) =>
            piece.kind === 'fold' ? (
              <span key={i} className="answer-diff-fold">
                {`  … ${piece.count} unchanged ${piece.count === 1 ? 'line' : 'lines'}\n`}
              </span>
            ) : (
              <span key={i} className={`answer-diff-line is-${piece.kind}`}>
                {`${MARK[piece.kind]} ${piece.text}\n`}
              </span>
            ),
          )}
        </pre>
      ))}
    </section>
  );
}
