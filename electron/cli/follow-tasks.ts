// Following tasks from the command line until they end (`ask`, `refresh`): progress on stderr,
// the new notes' paths (or JSON) on stdout, and Ctrl-C cancelling the tasks (their notes say so).
import { join } from 'node:path';
import type { Task } from '../../shared/model/task';
import type { InProcessApi } from '../core/api-client';
import { CliError, type GlobalOptions } from './cli-error';
import { notebookRoot } from './engine-command';
import { progressPrinter } from './task-progress';

/** Starts the tasks with `start`, follows them to their end, prints the result; `interrupted` after Ctrl-C. */
export async function followTasks(api: InProcessApi, globals: GlobalOptions, start: () => Promise<Task[]>): Promise<{ tasks: Task[]; interrupted: boolean }> {
  const root = await notebookRoot(api);
  const printer = progressPrinter((line) => process.stderr.write(`${line}\n`));
  const finished = new Map<string, Task>();
  let ids: string[] = [];
  let wake: () => void = () => undefined;
  const offs = [
    api.on('tasks.changed', ({ tasks }) => tasks.forEach((task) => ids.includes(task.id) && printer.changed(task))),
    api.on('tasks.output', (batch) => ids.includes(batch.id) && printer.output(batch)),
    api.on('tasks.finished', ({ task }) => {
      finished.set(task.id, task);
      wake();
    }),
  ];
  let interrupted = false;
  const onSignal = (): void => {
    if (interrupted) process.exit(130);
    interrupted = true;
    process.stderr.write('Cancelling (Ctrl-C again to quit at once)…\n');
    for (const id of ids) void api.tasks.cancel({ id }).catch(() => undefined);
  };
  process.on('SIGINT', onSignal);
  try {
    const tasks = await start();
    ids = tasks.map((task) => task.id);
    tasks.forEach((task) => printer.changed(task));
    while (!ids.every((id) => finished.has(id))) await new Promise<void>((resolve) => (wake = resolve));
  } finally {
    process.off('SIGINT', onSignal);
    offs.forEach((off) => off());
  }

  const results = ids.map((id) => finished.get(id)!);
  const file = (task: Task) => (task.notePath ? join(root, ...task.notePath.split('/')) : undefined);
  for (const task of results) printer.finished(task, file(task));
  if (globals.json) console.log(JSON.stringify({ notebook: root, tasks: results.map((task) => ({ ...task, file: file(task) })) }, null, 2));
  else for (const task of results) if (file(task)) console.log(file(task));
  return { tasks: results, interrupted };
}

/** The exit of a command that followed tasks: 130 after Ctrl-C, 1 when one did not finish well. */
export function endOfTasks({ tasks, interrupted }: { tasks: Task[]; interrupted: boolean }): void {
  if (interrupted) throw new CliError('cancelled.', 130);
  const unfinished = tasks.filter((task) => task.status !== 'done');
  if (unfinished.length > 0) {
    throw new CliError(`${unfinished.length} of ${tasks.length} ${tasks.length === 1 ? 'task' : 'tasks'} did not finish: ${unfinished.map((task) => `${task.agent} ${task.status}`).join(', ')}.`);
  }
}
