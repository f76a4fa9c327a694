// The buttons for a task: Cancel while it runs or waits; once it ended, Open note, Retry, Ask
// another agent, and for a poc Show diff. `compact` keeps a card's row to the essentials.
import { CircleStop, FileDiff, FileText, RotateCcw, Users } from 'lucide-react';
import { useState } from 'react';
import type { Task } from '../../../../shared/model/task';
import { Button } from '../../components/Button';
import { openNote } from '../app/use-route';
import { useAgents } from '../settings/use-settings';
import { DiffDialog } from '../diff/DiffDialog';
import { usePatchArtifact } from '../diff/use-patch';
import { askAnotherAgent, useTaskActions } from './use-task-actions';
import { isFinished } from './use-tasks';


export function TaskActions({ task, compact = false }: { task: Task; compact?: boolean }) {
  const { cancel, retry } = useTaskActions();
  const agents = useAgents().data ?? [];
  const patch = usePatchArtifact(task.id, !compact && task.mode === 'poc' && isFinished(task));
  const [showDiff, setShowDiff] = useState(false);
  const others = agents.filter((agent) => agent.available && agent.id !== task.agent).map((agent) => agent.id);
  const size = 'sm';

  if (!isFinished(task)) {
    return (
      <div className="task-actions">
        <Button size={size} variant="ghost" icon={<CircleStop />} onClick={() => cancel.mutate(task.id)} disabled={cancel.isPending} aria-label={`Cancel “${task.title}”`}>
          Cancel
        </Button>
        {!compact && task.notePath && (
          <Button size={size} variant="ghost" icon={<FileText />} onClick={() => openNote(task.id)}>
            Open note
          </Button>
        )}
      </div>
    );
  }
  return (
    <div className="task-actions">
      <Button size={size} variant={compact ? 'ghost' : 'secondary'} icon={<FileText />} onClick={() => openNote(task.id)}>
        Open note
      </Button>
      <Button size={size} variant="ghost" icon={<RotateCcw />} onClick={() => retry.mutate({ id: task.id })} disabled={retry.isPending} title="Ask the same agent again">
        Retry
      </Button>
      {!compact && (
        <Button size={size} variant="ghost" icon={<Users />} onClick={() => askAnotherAgent(task, others)} disabled={others.length === 0} title={others.length === 0 ? 'No other agent is installed' : undefined}>
          Ask another agent
        </Button>
      )}
      {!compact && patch.data && (
        <Button size={size} variant="ghost" icon={<FileDiff />} onClick={() => setShowDiff(true)}>
          Show diff
        </Button>
      )}
      {showDiff && patch.data && <DiffDialog noteId={task.id} artifact={patch.data.name} onClose={() => setShowDiff(false)} />}
    </div>
  );
}
