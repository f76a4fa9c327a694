// What each agent may do in each mode, said before asking. The engine states the exact terms for a
// task once it exists (Task.permissions, from electron/core/tasks/permissions.ts, which knows the
// folder and the machine); this is the same wording, short, for the composer.
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

const EXPLAIN: Record<string, string> = {
  'claude-code': 'reads and searches files only (Read, Grep, Glob); runs no commands.',
  codex: 'may run commands inside its read-only sandbox; no network.',
  gemini: 'reads and searches files only (plan mode); runs no commands.',
};

const POC: Record<string, string> = {
  'claude-code': 'edits files; runs commands only in its sandbox (macOS, or Linux with bubblewrap and socat), otherwise edits only.',
  codex: 'edits files and runs commands in its workspace-write sandbox; no network.',
  gemini: 'edits files but cannot run shell commands (nobody is there to confirm them).',
};

/** What one agent may do in this mode, after its name: "reads and searches files only…". */
export function agentPermission(agent: string, mode: NoteMode): string {
  const known = (mode === 'explain' ? EXPLAIN : POC)[agent];
  return known ?? 'Fieldnotes cannot limit what a custom command reads, writes or sends: it runs with your permissions.';
}
