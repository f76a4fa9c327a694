// A task: one question put to one agent. Its note is created when it starts and completed when it
// ends; the task is the live view of that work (queue position, progress, what the agent may do).
import { z } from 'zod';
import { NoteMode, NoteStatus } from './note';
import { Ulid } from './ulid';

/** The OS sandbox an agent ran in; `none` when only its own flags held it. */
export const SandboxKind = z.enum(['bwrap', 'sandbox-exec', 'docker', 'podman', 'none']);
export type SandboxKind = z.infer<typeof SandboxKind>;

export const TaskProgress = z.object({
  /** Distinct files the agent read so far. */
  filesRead: z.number().int().nonnegative(),
  toolCalls: z.number().int().nonnegative(),
  /** Characters of answer text received so far. */
  textChars: z.number().int().nonnegative(),
  /** The last tool the agent used, in words ("Read src/router.ts"). */
  lastTool: z.string().optional(),
  /** When the agent last produced output (ISO). */
  lastActivity: z.string().optional(),
});
export type TaskProgress = z.infer<typeof TaskProgress>;

/** A task a cloud agent runs at its service: where it stands there, and its links. */
export const CloudProgress = z.object({
  /** The service's own word for the state (`IN_PROGRESS`, `waiting_for_user`, `PENDING`). */
  state: z.string(),
  /** The task's page at the service. */
  url: z.string().optional(),
  /** The pull request it opened. */
  pr: z.string().optional(),
  /** What the service says about it now, in words for the person (waiting for feedback, rate limited). */
  message: z.string().optional(),
  /** The branch the agent sees (the pushed one). */
  branch: z.string().optional(),
});
export type CloudProgress = z.infer<typeof CloudProgress>;

export const Task = z.object({
  /** The task's id, which is also its note's id. */
  id: Ulid,
  /** The note file, relative to the notebook, once it exists. */
  notePath: z.string().optional(),
  question: z.string(),
  /** The note's title: the question until the answer's first line gives a better one. */
  title: z.string(),
  mode: NoteMode,
  /** The agent adapter's id, as agents.list gives it. */
  agent: z.string(),
  repo: z.object({ name: z.string(), path: z.string() }).nullable(),
  status: NoteStatus,
  /** Place in the queue (1 = next), while queued. */
  position: z.number().int().positive().optional(),
  created: z.string(),
  started: z.string().optional(),
  finished: z.string().optional(),
  /** Why it failed, was cancelled or was interrupted. */
  error: z.string().optional(),
  /** Set when the agent could not read the code (every tool call failed, or it read no file): why. */
  warning: z.string().optional(),
  /** What the agent is allowed to do, in plain words, for the UI to state. */
  permissions: z.string(),
  /** The OS sandbox the agent runs in (`none`: only its own flags hold it), once the task has started. */
  sandbox: SandboxKind.optional(),
  /** The scratch checkout a poc task works in. */
  scratchDir: z.string().optional(),
  /** Other tasks asked the same question at the same time (fan-out to several agents). */
  siblings: z.array(Ulid),
  /** The note this task follows up. */
  parent: Ulid.optional(),
  /** The note this task refreshes (its note says `supersedes`). */
  supersedes: Ulid.optional(),
  /** Notes given to the agent as context. */
  context: z.array(Ulid),
  progress: TaskProgress,
  /** Set for a task a cloud agent runs (Jules, Copilot, Codex Cloud). */
  cloud: CloudProgress.optional(),
});
export type Task = z.infer<typeof Task>;
