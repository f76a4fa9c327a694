// A toast when a task ends. The desktop app's main process raises a native notification instead
// when the window is not in front (electron/main/task-notifications.ts), so the two never double up.
import type { Task } from '../../../../shared/model/task';
import { api } from '../../api';
import { showToast } from '../../components/toast-store';
import { openNote } from '../app/use-route';

const HEADLINES: Partial<Record<Task['status'], string>> = {
  done: 'Answer ready',
  failed: 'Task failed',
  cancelled: 'Task cancelled',
  interrupted: 'Task interrupted',
};

/** The statuses the main process raises a native notification for (not `interrupted`: quitting). */
const NATIVE = new Set<Task['status']>(['done', 'failed', 'cancelled']);

export function announceFinished(task: Task): void {
  const headline = HEADLINES[task.status];
  if (!headline) return;
  if (api.transport === 'ipc' && NATIVE.has(task.status) && !document.hasFocus()) return;
  showToast({
    message: `${headline}: ${task.title}`,
    tone: task.status === 'failed' ? 'error' : 'info',
    action: { label: 'Open note', run: () => openNote(task.id) },
  });
}
