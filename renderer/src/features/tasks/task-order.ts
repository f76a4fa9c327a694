// Snapshots of a task reach the window two ways, pushed and fetched, and not always in the order
// they were taken. A task's status only ever moves forward — queued → running → finished — so the
// snapshot further along is the later one.
import type { Task } from '../../../../shared/model/task';

/** How far along a task is: its status only ever moves forward, queued → running → finished. */
function stage(task: Task): number {
  return task.status === 'queued' ? 0 : task.status === 'running' ? 1 : 2;
}

/** The later of two snapshots of one task; an equal stage takes the incoming one, which is newer. */
export function latestOf(known: Task | undefined, incoming: Task): Task {
  return known && stage(known) > stage(incoming) ? known : incoming;
}

/** A fetched list, with any task the cache already knows to be further along kept as it is. */
export function keepLatest(previous: readonly Task[] | undefined, next: Task[]): Task[] {
  if (!previous) return next;
  const known = new Map(previous.map((task) => [task.id, task]));
  return next.map((task) => latestOf(known.get(task.id), task));
}
