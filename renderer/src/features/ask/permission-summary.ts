// What a mode lets the agents do, said before asking. What each agent may do in it comes from its
// adapter through agents.list (AgentInfo.modes); the engine states a task's exact terms once it
// exists (Task.permissions, which knows the folder and the machine).
import type { AgentInfo } from '../../../../shared/contract/tasks';
import type { NoteMode } from '../../../../shared/model/note';

/** The mode in one sentence: where the agent works and what it may change. */
export function modeSummary(mode: NoteMode, codebase: string | null): string {
  if (mode === 'explain') {
    return `Read-only: the agents read and search ${codebase ?? 'the codebase'} to answer; they cannot change anything.`;
  }
  const where = codebase
    ? `a scratch checkout of ${codebase} (a detached git worktree of its last commit)`
    : 'an empty scratch repository';
  return `The agents may edit and run code in ${where}. Your working tree is never touched; the diff is kept with the note.`;
}

/**
 * The sandbox the runs will be held in, in the engine's words (the same for every agent: it is
 * the machine's and the settings'): which one, what may be written, and that the network stays on.
 */
export function sandboxSummary(agents: ReadonlyArray<Pick<AgentInfo, 'modes'>>, mode: NoteMode): string | null {
  return agents.find((agent) => agent.modes[mode].osSandbox)?.modes[mode].osSandbox ?? null;
}
