// The sidebar's way to the tasks view, with live counts of what runs and what waits.
import { ListChecks } from 'lucide-react';
import { openTasks } from '../app/use-route';
import { useTaskGroups } from './use-tasks';

export function TasksNavItem({ active }: { active: boolean }) {
  const { groups } = useTaskGroups();
  const running = groups.running.length;
  const queued = groups.queued.length;
  const label = ['Tasks', running > 0 && `${running} running`, queued > 0 && `${queued} queued`].filter(Boolean).join(', ');
  return (
    <button
      type="button"
      className={`sidebar-item${active ? ' is-active' : ''}`}
      onClick={() => openTasks()}
      aria-current={active ? 'page' : undefined}
      aria-label={label}
      title={label}
    >
      <ListChecks />
      <span className="sidebar-item-label">Tasks</span>
      {running > 0 && <span className="task-badge is-running">{running}</span>}
      {queued > 0 && <span className="task-badge is-queued">{queued}</span>}
      {running === 0 && queued === 0 && <span className="sidebar-item-count">{groups.finished.length || ''}</span>}
    </button>
  );
}
