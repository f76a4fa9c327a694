// What a draft asks, once the agents, the settings and the recent codebases are known: the agents
// it goes to, the codebase and mode, and the tasks.ask input — or what is missing, in words.
import type { Input } from '../../../../shared/contract';
import type { TaskSettings } from '../../../../shared/contract/settings';
import type { AgentInfo, RepoInfo } from '../../../../shared/contract/tasks';
import type { NoteMode } from '../../../../shared/model/note';

export interface AskDraft {
  question: string;
  /** The codebase's folder; null for "no codebase" (a poc in an empty scratch repository); undefined: the most recent one. */
  repoPath?: string | null;
  mode: NoteMode;
  /** The agents to ask; undefined: the settings' default agents that are installed. */
  agents?: string[];
  /** Notes to give the agents as context. */
  context: string[];
  /** The note this question follows up (kept when a question is asked again of another agent). */
  parent?: string;
  idleTimeoutSec?: number;
  wallTimeoutSec?: number;
}

export interface Facts {
  agents: AgentInfo[] | undefined;
  settings: TaskSettings | undefined;
  recent: RepoInfo[] | undefined;
}

export interface QuestionPlan {
  /** Installed agents. */
  available: AgentInfo[];
  /** The agents asked: chosen ones, else the default agents that are installed, else the first installed one. */
  agents: string[];
  /** The codebase's folder; null for none; undefined when none is chosen yet. */
  repoPath: string | null | undefined;
  /** Explain needs a codebase: without one, it is a poc. */
  mode: NoteMode;
  /** Why it cannot be sent yet; null when it can. */
  problem: string | null;
  /** True while facts are still loading (sending waits for them). */
  loading: boolean;
}

export function planQuestion(draft: AskDraft, facts: Facts): QuestionPlan {
  const available = (facts.agents ?? []).filter((agent) => agent.available);
  const installed = new Set(available.map((agent) => agent.id));
  const defaults = (facts.settings?.defaultAgents ?? []).filter((id) => installed.has(id));
  const fallback = defaults.length > 0 ? defaults : available.slice(0, 1).map((agent) => agent.id);
  const agents = (draft.agents ?? fallback).filter((id) => installed.has(id));
  const repoPath = draft.repoPath !== undefined ? draft.repoPath : facts.recent?.[0]?.path;
  const mode = repoPath === null ? 'poc' : draft.mode;
  const loading = !facts.agents || !facts.settings || !facts.recent;
  const problem =
    draft.question.trim() === '' ? 'Write a question first.'
    : loading ? null
    : repoPath === undefined ? 'Choose a codebase, or “No codebase” for a PoC.'
    : available.length === 0 ? 'No agent is installed.'
    : agents.length === 0 ? 'Choose at least one agent.'
    : null;
  return { available, agents, repoPath, mode, problem, loading };
}

/** The tasks.ask input of a plan that has no problem. */
export function askInput(draft: AskDraft, plan: QuestionPlan): Input<'tasks.ask'> {
  return {
    question: draft.question,
    ...(plan.repoPath ? { repoPath: plan.repoPath } : {}),
    mode: plan.mode,
    agents: plan.agents,
    context: draft.context,
    ...(draft.parent ? { parent: draft.parent } : {}),
    ...(draft.idleTimeoutSec !== undefined ? { idleTimeoutSec: draft.idleTimeoutSec } : {}),
    ...(draft.wallTimeoutSec !== undefined ? { wallTimeoutSec: draft.wallTimeoutSec } : {}),
  };
}
