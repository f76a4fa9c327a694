// What can be done to a task: cancel it, ask its question again (same agent), refresh its note at
// HEAD, or open the composer to ask it of another agent. Outcomes land in the task list; failures in a toast.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Task } from '../../../../shared/model/task';
import { api } from '../../api';
import { showError } from '../../components/toast-store';
import { openNote, openTasks } from '../app/use-route';
import { askAgain } from '../ask/ask-store';
import { upsertTasks } from './use-task-events';

export function useTaskActions() {
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: (id: string) => api.tasks.cancel({ id }),
    onSuccess: (task) => upsertTasks(queryClient, [task]),
    onError: showError,
  });
  const retry = useMutation({
    mutationFn: (input: { id: string; agent?: string }) => api.tasks.retry(input),
    onSuccess: (task) => {
      upsertTasks(queryClient, [task]);
      openTasks(task.id);
    },
    onError: showError,
  });
  // A refresh's note exists at once (queued, then live): it opens, to watch the new answer come.
  const refresh = useMutation({
    mutationFn: (input: { noteId: string; agent?: string }) => api.tasks.refresh(input),
    onSuccess: (task) => {
      upsertTasks(queryClient, [task]);
      openNote(task.id);
    },
    onError: showError,
  });
  return { cancel, retry, refresh };
}

/** Opens the composer with a task's question, codebase, mode and context, for other agents. */
export function askAnotherAgent(task: Pick<Task, 'question' | 'repo' | 'mode' | 'context' | 'parent' | 'agent'>, others: string[]): void {
  askAgain({
    question: task.question,
    repoPath: task.repo?.path ?? null,
    mode: task.mode,
    context: task.context,
    ...(task.parent ? { parent: task.parent } : {}),
    agents: others.filter((id) => id !== task.agent).slice(0, 1),
  });
}
