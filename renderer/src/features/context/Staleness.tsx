// A note that may be stale — its repo moved on and files the agent read or the note cites have
// changed — says so: a badge beside its commit, and a banner naming the files, with Refresh.
import { ArrowRight, History } from 'lucide-react';
import type { Note } from '../../../../shared/model/note';
import { Button } from '../../components/Button';
import { openNote } from '../app/use-route';
import { RefreshButton, useRefreshable } from '../tasks/NoteTaskActions';
import { useNoteStaleness } from './use-context-estimate';

const SHOWN_FILES = 5;

function useStaleness(note: Note) {
  const fm = note.frontmatter;
  // Files it read or cites may have changed: only a note pinned to a repo and a commit can tell.
  const pinned = Boolean(fm?.repo?.path && fm.repo.commit);
  return useNoteStaleness(note.summary.id, pinned).data;
}

export function StaleBadge({ note }: { note: Note }) {
  const staleness = useStaleness(note);
  if (!staleness?.stale) return null;
  return (
    <span className="stale-badge" title={`This note may be stale: ${staleness.reason}`}>
      <History aria-hidden />
      stale
    </span>
  );
}

export function StaleBanner({ note }: { note: Note }) {
  const staleness = useStaleness(note);
  const refreshable = useRefreshable(note);
  if (!staleness?.stale) return null;
  const files = staleness.changed.slice(0, SHOWN_FILES);
  const more = staleness.changed.length - files.length;
  return (
    <div className="note-banner is-warning" role="note" aria-label="This note may be stale">
      <History aria-hidden />
      <div>
        <strong>This note may be stale:</strong> {staleness.reason}:{' '}
        {files.map((file, i) => (
          <span key={file}>
            {i > 0 && ', '}
            <code>{file}</code>
          </span>
        ))}
        {more > 0 && ` and ${more} more`}. Copies of it as context carry this warning.
      </div>
      {refreshable && <RefreshButton note={note} />}
      {/* Refreshed already: the newer answer is one click away instead. */}
      {!refreshable && note.frontmatter?.superseded_by && (
        <Button variant="secondary" size="sm" icon={<ArrowRight />} onClick={() => openNote(note.frontmatter!.superseded_by!)}>
          Newer answer
        </Button>
      )}
    </div>
  );
}
