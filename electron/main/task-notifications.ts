// A native notification when a task ends while the window is not in front (the window itself shows
// its own toast). Clicking it brings the window back.
import { Notification, type BrowserWindow } from 'electron';
import type { Task } from '../../shared/model/task';
import type { Engine } from '../core/api';

const HEADLINES: Record<string, string> = {
  done: 'Answer ready',
  failed: 'Task failed',
  cancelled: 'Task cancelled',
};

/** Listens for finished tasks; returns the function that stops listening. */
export function notifyFinishedTasks(engine: Engine, window: () => BrowserWindow | null): () => void {
  return engine.events.on('tasks.finished', ({ task }) => {
    // Interrupted tasks end because the app is quitting: nobody wants a notification for each.
    const headline = HEADLINES[task.status];
    if (!headline || !Notification.isSupported()) return;
    const current = window();
    if (current?.isFocused()) return;
    const notification = new Notification({ title: `${headline}: ${task.title}`, body: describe(task) });
    notification.on('click', () => {
      const target = window();
      if (!target) return;
      if (target.isMinimized()) target.restore();
      target.focus();
    });
    notification.show();
  });
}

function describe(task: Task): string {
  const repo = task.repo ? ` on ${task.repo.name}` : '';
  if (task.status === 'done') return `${task.agent}${repo}: ${task.notePath ?? task.question}`;
  return `${task.agent}${repo}: ${task.error ?? task.question}`;
}
