// The tasks the engine runs, from tasks.list, kept current by push events (use-task-events.ts):
// the query cache holds the engine's snapshots, and everything else is derived from them.
import { replaceEqualDeep, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { FINISHED_STATUSES } from '../../../../shared/model/note-status';
import type { Task } from '../../../../shared/model/task';
import { api } from '../../api';
import { mergeHistory, NO_OUTPUT, type LiveOutput } from './live-output';
import { keepLatest } from './task-order';

export const taskKeys = {
  all: ['tasks'] as const,
  list: ['tasks', 'list'] as const,
  /** Live events received since the window opened (bounded; see live-output.ts). */
  output: (id: string) => ['tasks', 'output', id] as const,
  /** What a task had done before: its transcript's latest events (tasks.get). */
  history: (id: string) => ['tasks', 'history', id] as const,
};

/** Events and text the task detail asks for: a screenful or ten, never the whole of a flood. */
const HISTORY_EVENTS = 400;
const HISTORY_TEXT = 24 * 1024;

export function useTaskList() {
  return useQuery({
    queryKey: taskKeys.list,
    queryFn: async () => (await api.tasks.list()).tasks,
    // A list asked for just before a task ended can arrive after the push that said it ended.
    // Unchanged tasks keep their objects (react-query's own sharing), so their rows do not re-render.
    structuralSharing: (previous, next) => replaceEqualDeep(previous, keepLatest(previous as Task[] | undefined, next as Task[])),
  });
}

export interface TaskGroups {
  running: Task[];
  queued: Task[];
  finished: Task[];
}

export function isFinished(task: Task): boolean {
  return FINISHED_STATUSES.includes(task.status);
}

/** Running tasks (oldest first), queued ones (in line), then finished ones (latest first). */
export function groupTasks(tasks: readonly Task[]): TaskGroups {
  const by = <K extends keyof Task>(key: K, direction: 1 | -1) => (a: Task, b: Task) =>
    String(a[key] ?? '') < String(b[key] ?? '') ? -direction : String(a[key] ?? '') > String(b[key] ?? '') ? direction : 0;
  return {
    running: tasks.filter((task) => task.status === 'running').sort(by('started', 1)),
    queued: tasks.filter((task) => task.status === 'queued').sort((a, b) => (a.position ?? Infinity) - (b.position ?? Infinity)),
    finished: tasks.filter(isFinished).sort(by('finished', -1)),
  };
}

export function useTaskGroups(): { groups: TaskGroups; isPending: boolean; error: Error | null } {
  const query = useTaskList();
  const groups = useMemo(() => groupTasks(query.data ?? []), [query.data]);
  return { groups, isPending: query.isPending, error: query.error };
}

/** One task, as the list knows it (undefined when it is not among the engine's tasks). */
export function useTask(id: string | null): Task | undefined {
  const { data } = useTaskList();
  return useMemo(() => (id ? data?.find((task) => task.id === id) : undefined), [data, id]);
}

/** The live output of a task: filled by push events only, never fetched. */
export function useLiveOutput(id: string): LiveOutput {
  const queryClient = useQueryClient();
  const { data } = useQuery({
    queryKey: taskKeys.output(id),
    queryFn: () => queryClient.getQueryData<LiveOutput>(taskKeys.output(id)) ?? NO_OUTPUT,
    staleTime: Infinity,
  });
  return data ?? NO_OUTPUT;
}

/** A task's whole story for its detail: its recorded events, then the live ones after them. */
export function useTaskTranscript(id: string): { output: LiveOutput; truncated: boolean; isPending: boolean; error: Error | null } {
  const live = useLiveOutput(id);
  const history = useQuery({
    queryKey: taskKeys.history(id),
    queryFn: () => api.tasks.get({ id, maxEvents: HISTORY_EVENTS, maxTextChars: HISTORY_TEXT }),
    staleTime: Infinity,
    retry: false,
  });
  const events = history.data?.events;
  const output = useMemo(() => (events ? mergeHistory(events, live) : live), [events, live]);
  return { output, truncated: history.data?.truncated ?? false, isPending: history.isPending, error: history.error };
}
