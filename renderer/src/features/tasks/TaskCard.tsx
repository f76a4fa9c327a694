// One task in the tasks list: what was asked of whom, how it is going (a clock while it runs, its
// place while it waits, how it ended), a glimpse of the live answer, and the quick actions.
import { FlaskConical } from 'lucide-react';
import type { Task } from '../../../../shared/model/task';
import { StatusBadge } from '../../components/StatusBadge';
import { useNow } from '../../lib/use-now';
import { openTasks } from '../app/use-route';
import { CloudState } from './CloudState';
import { TaskActions } from './TaskActions';
import { elapsedLine, formatChars, lastLines, statusLine } from './task-format';
import { viewOf } from './live-output';
import { useTaskTranscript } from './use-tasks';

interface TaskCardProps {
  task: Task;
  agentLabel: string;
  selected: boolean;
}

export function TaskCard({ task, agentLabel, selected }: TaskCardProps) {
  return (
    <li className={`task-card is-${task.status}${selected ? ' is-selected' : ''}`} aria-label={task.title} aria-current={selected ? 'true' : undefined}>
      <button type="button" className="task-card-main" onClick={() => openTasks(task.id)}>
        <div className="task-card-top">
          <StatusBadge status={task.status} compact />
          <span className="task-card-title">{task.title}</span>
        </div>
        <div className="task-card-meta">
          <span>{agentLabel}</span>
          {task.repo && <span>{task.repo.name}</span>}
          {task.mode === 'poc' && (
            <span className="task-card-mode">
              <FlaskConical aria-hidden /> PoC
            </span>
          )}
          <TaskClock task={task} />
        </div>
        {task.cloud ? <CloudState task={task} compact /> : task.status === 'running' && <RunningGlimpse task={task} />}
        {task.error && task.status !== 'done' && <div className="task-card-error">{task.error}</div>}
        {task.warning && <div className="task-card-error is-warning">{task.warning}</div>}
      </button>
      <TaskActions task={task} compact />
    </li>
  );
}

/** The status line (or, beside a status badge, the time alone), ticking while the task runs. */
export function TaskClock({ task, timeOnly = false }: { task: Task; timeOnly?: boolean }) {
  const now = useNow();
  return (
    <span className="task-clock" role="timer" aria-label="Elapsed">
      {timeOnly ? elapsedLine(task, now) : statusLine(task, now)}
    </span>
  );
}

function RunningGlimpse({ task }: { task: Task }) {
  const { output } = useTaskTranscript(task.id);
  const { progress } = task;
  const tail = lastLines(viewOf(output).text, 2);
  return (
    <div className="task-card-live">
      <div className="task-card-progress">
        {progress.filesRead} files read · {progress.toolCalls} tool calls · {formatChars(progress.textChars)}
      </div>
      {progress.lastTool && <div className="task-card-tool">{progress.lastTool}</div>}
      {tail.length > 0 && (
        <div className="task-card-tail">
          {tail.map((line, index) => (
            <div key={index}>{line}</div>
          ))}
        </div>
      )}
    </div>
  );
}
