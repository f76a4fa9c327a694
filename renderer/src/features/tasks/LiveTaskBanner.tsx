// On a note whose task is still going: that it is live, how far along, and the way to its task.
import { ArrowRight } from 'lucide-react';
import type { Note } from '../../../../shared/model/note';
import { StatusBadge } from '../../components/StatusBadge';
import { openTasks } from '../app/use-route';
import { useAgentLabels } from '../settings/use-settings';
import { TaskClock } from './TaskCard';
import { useTask } from './use-tasks';

export function LiveTaskBanner({ note }: { note: Note }) {
  const status = note.summary.status;
  const task = useTask(note.summary.id);
  const labelOf = useAgentLabels();
  if (status !== 'running' && status !== 'queued') return null;
  const agent = labelOf(note.frontmatter?.agent?.id ?? 'the agent');
  return (
    <div className="note-banner is-live" role="status">
      <StatusBadge status={task?.status ?? status} compact />
      <div>
        <strong>{(task?.status ?? status) === 'queued' ? `Waiting for ${agent}.` : `${agent} is writing this note.`}</strong>{' '}
        {task ? <TaskClock task={task} timeOnly /> : null} The answer below grows as it arrives.
      </div>
      <button type="button" className="link-button note-banner-action" onClick={() => openTasks(note.summary.id)}>
        View task <ArrowRight aria-hidden />
      </button>
    </div>
  );
}
