// A note whose body changed on both sides of a sync: both versions side by side, readable (and
// searchable, they are both in the file) until the user keeps mine, theirs, or both.
import { GitMerge } from 'lucide-react';
import { useMemo } from 'react';
import type { Note } from '../../../../shared/model/note';
import { splitConflict } from '../../../../shared/model/conflict-section';
import { Button } from '../../components/Button';
import { formatWhen } from '../../lib/format';
import { renderMarkdown } from '../notes/markdown';
import { useResolveConflict } from './use-sync';

/** Both sides of the note's body, when it holds a conflict; null otherwise. */
export function conflictSides(note: Note): { mine: string; theirs: string } | null {
  if (!note.frontmatter?.conflict && !note.summary.conflict) return null;
  return splitConflict(note.body);
}

export function NoteConflict({ note, sides }: { note: Note; sides: { mine: string; theirs: string } }) {
  const resolve = useResolveConflict();
  const mine = useMemo(() => renderMarkdown(sides.mine), [sides.mine]);
  const theirs = useMemo(() => renderMarkdown(sides.theirs), [sides.theirs]);
  const conflict = note.frontmatter?.conflict;
  const keep = (choice: 'mine' | 'theirs' | 'both') => resolve.mutate({ id: note.summary.id, keep: choice });
  return (
    <section className="note-conflict" aria-label="Sync conflict">
      <div className="note-conflict-head">
        <GitMerge aria-hidden width={16} height={16} />
        <p>
          <strong>Changed on both sides.</strong> A sync{conflict ? ` ${formatWhen(conflict.at)}` : ''} brought another version of this note
          {conflict ? ` (commit ${conflict.theirs.slice(0, 7)})` : ''}. Both are kept until you choose.
        </p>
        <div className="note-conflict-actions">
          <Button size="sm" variant="secondary" disabled={resolve.isPending} onClick={() => keep('mine')}>
            Keep mine
          </Button>
          <Button size="sm" variant="secondary" disabled={resolve.isPending} onClick={() => keep('theirs')}>
            Keep theirs
          </Button>
          <Button size="sm" variant="primary" disabled={resolve.isPending} onClick={() => keep('both')}>
            Keep both
          </Button>
        </div>
      </div>
      {resolve.error && (
        <p className="note-conflict-error" role="alert">
          {resolve.error.message}
        </p>
      )}
      <div className="note-conflict-sides">
        <div className="note-conflict-side" aria-label="Mine">
          <h3 className="eyebrow">Mine (this notebook)</h3>
          {/* renderMarkdown sanitizes with DOMPurify. */}
          <div className="markdown" dangerouslySetInnerHTML={{ __html: mine }} />
        </div>
        <div className="note-conflict-side" aria-label="Theirs">
          <h3 className="eyebrow">Theirs (from the remote)</h3>
          <div className="markdown" dangerouslySetInnerHTML={{ __html: theirs }} />
        </div>
      </div>
    </section>
  );
}
