// Keeps the tasks in the query cache in step with the engine: tasks.changed replaces the changed
// tasks' snapshots, tasks.output adds to their live output, tasks.finished announces the end.
// Mounted once, by the app shell.
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Task } from '../../../../shared/model/task';
import { api } from '../../api';
import { appendEvents, type LiveOutput } from './live-output';
import { announceFinished } from './task-notifications';
import { scratchKeys } from './use-scratch';
import { latestOf } from './task-order';
import { taskKeys } from './use-tasks';

/** Puts the engine's latest snapshots in the list; new tasks join it. */
export function upsertTasks(queryClient: QueryClient, changed: readonly Task[]): void {
  queryClient.setQueryData<Task[]>(taskKeys.list, (previous) => {
    // Not loaded yet: the list query will bring every task, these included.
    if (!previous) return previous;
    const byId = new Map(changed.map((task) => [task.id, task]));
    const next = previous.map((task) => {
      const incoming = byId.get(task.id);
      return incoming ? latestOf(task, incoming) : task;
    });
    for (const task of changed) if (!previous.some((known) => known.id === task.id)) next.push(task);
    return next;
  });
}

export function useTaskEvents(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const offs = [
      api.on('tasks.changed', ({ tasks }) => upsertTasks(queryClient, tasks)),
      api.on('tasks.output', ({ id, events, dropped }) =>
        queryClient.setQueryData<LiveOutput>(taskKeys.output(id), (previous) => appendEvents(previous, events, dropped)),
      ),
      api.on('tasks.finished', ({ task }) => {
        upsertTasks(queryClient, [task]);
        // Live output is the start of each batch window when an agent floods; the transcript has the real end.
        void queryClient.invalidateQueries({ queryKey: taskKeys.history(task.id) });
        // A poc may have left a scratch checkout and a diff.
        if (task.mode === 'poc') void queryClient.invalidateQueries({ queryKey: scratchKeys.list });
        announceFinished(task);
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [queryClient]);
}
