// A note's own ways to ask more: a follow-up on a finished note, a refresh of its answer at the
// repo's HEAD (RefreshButton, in the toolbar and the stale banner), and for one whose task failed,
// was cancelled or interrupted, asking again (the same agent) or asking another agent.
import { CornerDownRight, RefreshCw, RotateCcw, Users } from 'lucide-react';
import type { Note } from '../../../../shared/model/note';
import { FINISHED_STATUSES } from '../../../../shared/model/note-status';
import { Button } from '../../components/Button';
import { openFollowUp } from '../ask/ask-store';
import { useNoteList } from '../notes/use-notes';
import { useAgents } from '../settings/use-settings';
import { askAnotherAgent, useTaskActions } from './use-task-actions';

export function NoteTaskActions({ note }: { note: Note }) {
  const { retry } = useTaskActions();
  const agents = useAgents().data ?? [];
  const fm = note.frontmatter;
  if (!fm || !FINISHED_STATUSES.includes(fm.status)) return null;
  const failed = fm.status !== 'done';
  const others = agents.filter((agent) => agent.available && agent.id !== fm.agent?.id).map((agent) => agent.id);
  return (
    <>
      {failed && fm.question && (
        <>
          <Button variant="secondary" size="sm" icon={<RotateCcw />} onClick={() => retry.mutate({ id: fm.id })} disabled={retry.isPending} title="Ask the same agent again">
            Retry
          </Button>
          <Button
            variant="ghost"
            size="sm"
            icon={<Users />}
            disabled={others.length === 0}
            onClick={() =>
              askAnotherAgent(
                { question: fm.question!, repo: fm.repo?.path ? { name: fm.repo.name, path: fm.repo.path } : null, mode: fm.mode, context: fm.context ?? [], parent: fm.parent, agent: fm.agent?.id ?? '' },
                others,
              )
            }
          >
            Ask another agent
          </Button>
        </>
      )}
      {!failed && (
        <Button variant="secondary" size="sm" icon={<CornerDownRight />} onClick={() => openFollowUp(fm.id)}>
          Ask follow-up
        </Button>
      )}
    </>
  );
}

/** Asks the note's question again at HEAD, of the same agent, with the note as context. */
export function RefreshButton({ note, variant = 'secondary' }: { note: Note; variant?: 'secondary' | 'ghost' }) {
  const { refresh } = useTaskActions();
  return (
    <Button
      variant={variant}
      size="sm"
      icon={<RefreshCw />}
      onClick={() => refresh.mutate({ noteId: note.summary.id })}
      disabled={refresh.isPending}
      title="Ask the same question again at the repo’s HEAD, of the same agent, with this note as context"
    >
      Refresh
    </Button>
  );
}

/** A finished note with a question about a codebase, not refreshed yet by a note still in the notebook. */
export function useRefreshable(note: Note): boolean {
  const { data: notes } = useNoteList();
  const fm = note.frontmatter;
  if (!fm?.question || !fm.repo?.path || fm.status !== 'done') return false;
  return !fm.superseded_by || !(notes ?? []).some((other) => other.id === fm.superseded_by);
}
