// A note's own ways to ask more: a follow-up on a finished note, and for one whose task failed,
// was cancelled or interrupted, asking again (the same agent) or asking another agent.
import { CornerDownRight, RotateCcw, Users } from 'lucide-react';
import type { Note } from '../../../../shared/model/note';
import { FINISHED_STATUSES } from '../../../../shared/model/note-status';
import { Button } from '../../components/Button';
import { openFollowUp } from '../ask/ask-store';
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
