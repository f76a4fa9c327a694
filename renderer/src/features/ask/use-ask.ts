// Asking: the codebases to choose from, the plan of a draft, and sending a question or a
// follow-up. A sent question's tasks join the task list at once, and the tasks view opens on them.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Input } from '../../../../shared/contract';
import type { RepoInfo } from '../../../../shared/contract/tasks';
import type { Task } from '../../../../shared/model/task';
import { api } from '../../api';
import { openTasks } from '../app/use-route';
import { agentsQuery, settingsQuery, useAgents, useSettings } from '../settings/use-settings';
import { upsertTasks } from '../tasks/use-task-events';
import type { AskDraft } from './ask-store';
import { askInput, planQuestion, type QuestionPlan } from './plan-question';

export const repoKeys = { recent: ['repos', 'recent'] as const };

/**
 * Recent codebases and the notebook's own (named by its notes, on this disk) with their git facts,
 * read again each time the composer opens (a commit, an edit).
 */
const reposQuery = queryOptions({ queryKey: repoKeys.recent, queryFn: () => api.repos.recent(), staleTime: 0 });

export function useRecentRepos() {
  return useQuery({ ...reposQuery, select: (data) => data.repos });
}

/** The notebook's codebases that are not among the recent ones, most notes first. */
export function useNotebookRepos() {
  return useQuery({ ...reposQuery, select: (data) => data.inNotebook });
}

/** Registers a codebase by path (or with the system dialog); the engine's error says what is wrong. */
export function useAddRepo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (path: string | null): Promise<RepoInfo | null> => (path === null ? api.repos.chooseFolder() : api.repos.add({ path })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: repoKeys.recent }),
  });
}

/** The draft's plan with what is known now (agents, settings and codebases may still be loading). */
export function useQuestionPlan(draft: AskDraft): QuestionPlan & { agentList: ReturnType<typeof useAgents>['data'] } {
  const agents = useAgents();
  const settings = useSettings();
  const recent = useRecentRepos();
  return useMemo(
    () => ({ ...planQuestion(draft, { agents: agents.data, settings: settings.data?.tasks, recent: recent.data }), agentList: agents.data }),
    [draft, agents.data, settings.data, recent.data],
  );
}

function useShowTasks() {
  const queryClient = useQueryClient();
  return (tasks: Task[]) => {
    upsertTasks(queryClient, tasks);
    openTasks(tasks[0]?.id);
  };
}

/** Sends a draft: waits for what it needs to know (so a quick Ctrl-Enter is never lost), then asks. */
export function useAskQuestion() {
  const queryClient = useQueryClient();
  const show = useShowTasks();
  return useMutation({
    mutationFn: async (draft: AskDraft) => {
      const [agents, settings, recent] = await Promise.all([
        queryClient.ensureQueryData(agentsQuery),
        queryClient.ensureQueryData(settingsQuery),
        queryClient.ensureQueryData(reposQuery),
      ]);
      const plan = planQuestion(draft, { agents, settings: settings.tasks, recent: recent.repos });
      if (plan.problem) throw new Error(plan.problem);
      return (await api.tasks.ask(askInput(draft, plan))).tasks;
    },
    onSuccess: show,
  });
}

/** How the engine would follow up on a note with this agent: resume its session, or send the note as context. */
export function useFollowUpPlan(noteId: string, agent: string | null) {
  return useQuery({
    queryKey: ['tasks', 'planFollowUp', noteId, agent] as const,
    queryFn: () => api.tasks.planFollowUp({ noteId, agent: agent! }),
    enabled: agent !== null,
    // The answer depends on folders on disk (a scratch checkout discarded meanwhile): ask each time.
    staleTime: 0,
    retry: false,
  });
}

export function useFollowUp() {
  const show = useShowTasks();
  return useMutation({
    mutationFn: (input: Input<'tasks.followUp'>) => api.tasks.followUp(input),
    onSuccess: (task) => show([task]),
  });
}
