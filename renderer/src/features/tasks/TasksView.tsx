// The tasks view: every task since Fieldnotes started — running ones first, then those waiting
// in line, then those that ended — beside the one being looked at, live.
import { ListChecks, MessageSquarePlus, MousePointerClick } from 'lucide-react';
import type { Task } from '../../../../shared/model/task';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Kbd } from '../../components/Kbd';
import { openAsk } from '../ask/ask-store';
import { ASK_SHORTCUT } from '../ask/ask-shortcut';
import { NoAgentHelp } from '../ask/NoAgentHelp';
import { useAgentLabels, useAgents } from '../settings/use-settings';
import { TaskCard } from './TaskCard';
import { TaskDetail } from './TaskDetail';
import { useTask, useTaskGroups } from './use-tasks';
import './Tasks.css';

export function TasksView({ selectedId }: { selectedId: string | null }) {
  const { groups, isPending, error } = useTaskGroups();
  const labelOf = useAgentLabels();
  const selected = useTask(selectedId);
  // Nothing chosen: the first running task, else the latest one.
  const shown = selected ?? groups.running[0] ?? groups.queued[0] ?? groups.finished[0];
  const total = groups.running.length + groups.queued.length + groups.finished.length;

  const list = (title: string, tasks: Task[]) =>
    tasks.length > 0 && (
      <section className="task-group" aria-label={title}>
        <h3 className="task-group-heading eyebrow">
          {title} <span className="pane-count">{tasks.length}</span>
        </h3>
        <ul className="task-list">
          {tasks.map((task) => (
            <TaskCard key={task.id} task={task} agentLabel={labelOf(task.agent)} selected={task.id === shown?.id} />
          ))}
        </ul>
      </section>
    );

  return (
    <>
      <section className="list-pane" aria-label="Tasks">
        <header className="pane-header">
          <h2>Tasks</h2>
          <span className="pane-count">{isPending ? '' : total}</span>
          <Button className="pane-header-action" size="sm" variant="secondary" icon={<MessageSquarePlus />} onClick={() => openAsk()}>
            Ask
          </Button>
        </header>
        {error ? (
          <EmptyState title="The tasks cannot be shown">
            <p>{error.message}</p>
          </EmptyState>
        ) : isPending ? (
          <div className="list-loading" aria-busy="true">Asking the engine…</div>
        ) : total === 0 ? (
          <NoTasks />
        ) : (
          <div className="task-groups">
            {list('Running', groups.running)}
            {list('Queued', groups.queued)}
            {list('Finished', groups.finished)}
          </div>
        )}
      </section>
      <main className="detail-pane">
        {shown ? (
          <TaskDetail key={shown.id} task={shown} />
        ) : (
          <EmptyState icon={<MousePointerClick />} title={selectedId ? 'That task is not here any more' : 'No task to show'}>
            <p>Tasks from before Fieldnotes last started live on as notes: their transcript is kept beside each note.</p>
          </EmptyState>
        )}
      </main>
    </>
  );
}

function NoTasks() {
  const agents = useAgents();
  const none = agents.isSuccess && !agents.data.some((agent) => agent.available);
  return (
    <EmptyState icon={<ListChecks />} title="No tasks yet" actions={<Button variant="primary" icon={<MessageSquarePlus />} onClick={() => openAsk()}>Ask a question</Button>}>
      <p>
        Each question you ask becomes one task per agent. Running tasks show here with their live output — the answer as it
        streams, the tools they call, the files they read — then the ones waiting in line, then those that finished.
      </p>
      <p>
        Press <Kbd keys={ASK_SHORTCUT} /> to ask from anywhere.
      </p>
      {none && <NoAgentHelp />}
    </EmptyState>
  );
}
