// The engine's settings and the agents it found, in the query cache; changes go through
// settings.update and the cache takes the engine's answer (its validation is the only one).
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { EditorSetting, SyncSettings, TaskSettings } from '../../../../shared/contract/settings';
import type { AgentInfo } from '../../../../shared/contract/tasks';
import { api } from '../../api';

export const settingsKeys = {
  settings: ['settings'] as const,
  agents: ['agents'] as const,
};

export const settingsQuery = queryOptions({ queryKey: settingsKeys.settings, queryFn: () => api.settings.get() });
export const agentsQuery = queryOptions({ queryKey: settingsKeys.agents, queryFn: async () => (await api.agents.list()).agents });

export function useSettings() {
  return useQuery(settingsQuery);
}

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tasks: Partial<TaskSettings>) => api.settings.update({ tasks }),
    onSuccess: (settings, tasks) => {
      queryClient.setQueryData(settingsKeys.settings, settings);
      // A new executable path or command line is a different agent to look for.
      // The sandbox's settings change what every agent's run is held to, in words.
      if (tasks.agentPaths !== undefined || tasks.customCommand !== undefined || tasks.sandbox !== undefined || tasks.container !== undefined) {
        void queryClient.invalidateQueries({ queryKey: settingsKeys.agents });
      }
    },
  });
}

/** Sets the editor files that notes link to open in. */
export function useUpdateEditor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (editor: EditorSetting) => api.settings.update({ editor }),
    onSuccess: (settings) => queryClient.setQueryData(settingsKeys.settings, settings),
  });
}

/** Changes sharing settings (auto-commit, sync every N minutes, what goes in git, repo mappings). */
export function useUpdateSyncSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sync: Partial<SyncSettings>) => api.settings.update({ sync }),
    onSuccess: (settings) => queryClient.setQueryData(settingsKeys.settings, settings),
  });
}

export function useAgents() {
  return useQuery(agentsQuery);
}

/** Looks for the agent CLIs again (one was installed, or PATH changed). */
export function useRefreshAgents() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => (await api.agents.list({ refresh: true })).agents,
    onSuccess: (agents) => queryClient.setQueryData(settingsKeys.agents, agents),
  });
}

/** An agent's name for people ("Claude Code"), by id; the id itself until the list is known. */
export function useAgentLabels(): (id: string) => string {
  const { data } = useAgents();
  return useMemo(() => {
    const labels = new Map((data ?? []).map((agent: AgentInfo) => [agent.id, agent.label]));
    return (id: string) => labels.get(id) ?? id;
  }, [data]);
}

/**
 * The engine's message for one field, without the method name: "Too big: expected number to be
 * <=16". Messages from the engine itself (not the schema) are shown whole.
 */
export function fieldMessage(error: unknown): string | null {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const issues = [...message.matchAll(/✖ (.+)/g)].map((match) => match[1]!.trim());
  return issues.length > 0 ? issues.join(' ') : message.replace(/^Bad input for [\w.]+: /, '');
}
