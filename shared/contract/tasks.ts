// tasks.*, agents.*, repos.*, scratch.*: asking agents, watching them work, and the codebases and
// scratch checkouts they work in.
import { z } from 'zod';
import { AgentEvent } from '../model/agent-event';
import { NoteMode } from '../model/note';
import { Task } from '../model/task';
import { Ulid } from '../model/ulid';
import { method } from './method';

/** What an agent may do in one mode, as said before asking. */
export const AgentModeInfo = z.object({
  /** After the agent's label: "reads and searches files only (Read, Grep, Glob); runs no commands." */
  permissions: z.string(),
  /** Fieldnotes' OS sandbox around the whole agent on this machine, in words (or that there is none). */
  osSandbox: z.string().optional(),
});
export type AgentModeInfo = z.infer<typeof AgentModeInfo>;

/** An agent as its adapter describes it, with what this machine has of it. */
export const AgentInfo = z.object({
  id: z.string(),
  label: z.string(),
  available: z.boolean(),
  version: z.string().optional(),
  path: z.string().optional(),
  /** Why it is not available, in words for the user. */
  reason: z.string().optional(),
  /** How to install it (or set it up). */
  installHint: z.string().optional(),
  /**
   * The command looked up on PATH (`claude`); Settings can give its executable's full path instead.
   * Absent for the custom command, whose whole command line is set in Settings.
   */
  command: z.string().optional(),
  /** Whether a follow-up can resume its session (from the folder the session ran in). */
  resume: z.boolean(),
  modes: z.object({ explain: AgentModeInfo, poc: AgentModeInfo }),
  /** The OS sandbox it runs commands in, when it has one: what that needs, and whether this machine has it. */
  sandbox: z.object({ needs: z.string(), available: z.boolean() }).optional(),
  /** The agent's own command that registers `fieldnotes mcp` with it by hand (`claude mcp add … -- fieldnotes mcp`). */
  mcpAdd: z.string().optional(),
  /** When it keeps retrying its model endpoint: what to check, and its own command that tests the connection. */
  reach: z.object({ check: z.string(), test: z.string() }).optional(),
  /**
   * Set for a cloud agent: the question and the code (the pushed branch of the repository's GitHub
   * remote) leave this machine. `service` names where they go; `signIn` how to sign in when not.
   */
  cloud: z.object({
    service: z.string(),
    signIn: z.string(),
    /** What Settings can keep for it (agents.setCredential), e.g. "API key"; absent when it keeps its own sign-in. */
    credential: z.string().optional(),
  }).optional(),
});
export type AgentInfo = z.infer<typeof AgentInfo>;

export const RepoInfo = z.object({
  name: z.string(),
  path: z.string(),
  isGit: z.boolean(),
  commit: z.string().optional(),
  branch: z.string().optional(),
  remote: z.string().optional(),
  dirty: z.boolean().optional(),
});
export type RepoInfo = z.infer<typeof RepoInfo>;

export const ScratchCheckoutInfo = z.object({
  name: z.string(),
  dir: z.string(),
  bytes: z.number().nonnegative(),
  kind: z.enum(['worktree', 'empty']),
  modified: z.string(),
  /** The task (and note) it belongs to, when known. */
  taskId: z.string().optional(),
});
export type ScratchCheckoutInfo = z.infer<typeof ScratchCheckoutInfo>;

const Timeouts = {
  /** Stop the task when the agent is silent this long (seconds). */
  idleTimeoutSec: z.number().int().min(5).max(24 * 3600).optional(),
  /** Stop the task when it runs this long (seconds). */
  wallTimeoutSec: z.number().int().min(10).max(7 * 24 * 3600).optional(),
};

export const tasksMethods = {
  'agents.list': method({
    description: 'The agents Fieldnotes knows, whether each is installed, its version, or how to install it.',
    input: z.object({ refresh: z.boolean().default(false) }).default({ refresh: false }),
    output: z.object({ agents: z.array(AgentInfo) }),
  }),
  'agents.setCredential': method({
    description: "Keeps a cloud agent's credential (API key, token) entered in Settings, encrypted by the OS keychain where there is one and never in the notebook or the settings file; null forgets it.",
    input: z.object({ agent: z.string().min(1).max(64), credential: z.string().trim().min(8).max(4096).nullable() }),
    output: z.object({ agent: z.string(), stored: z.boolean(), available: z.boolean() }),
  }),
  'repos.recent': method({
    description: 'Codebases asked about recently, most recent first, and the other codebases the open notebook’s notes are about whose folders exist here (most notes first), with their current git facts.',
    input: z.object({}).default({}),
    output: z.object({
      repos: z.array(RepoInfo),
      /** Codebases named by notes (their `repo.path`), not among the recent ones, with how many notes name them. */
      inNotebook: z.array(RepoInfo.extend({ notes: z.number().int().nonnegative() })).default([]),
    }),
  }),
  'repos.add': method({
    description: 'Register a codebase by its folder and read its git facts.',
    input: z.object({ path: z.string().min(1).max(4096) }),
    output: RepoInfo,
  }),
  'repos.chooseFolder': method({
    description: 'Ask for a codebase folder with the system dialog (desktop only) and register it.',
    input: z.object({}).default({}),
    output: RepoInfo.nullable(),
  }),
  'tasks.ask': method({
    description: 'Ask a question of one or more agents; each gets a task and a note, queued in order.',
    input: z.object({
      question: z.string().trim().min(1).max(100_000),
      /** The codebase's folder; absent for a poc in an empty scratch repository. */
      repoPath: z.string().min(1).max(4096).optional(),
      mode: NoteMode.default('explain'),
      /** The agents to ask (one task and note each); the settings' default agents when absent. */
      agents: z.array(z.string().min(1).max(64)).min(1).max(8).optional(),
      /** Notes to give the agents as context. */
      context: z.array(Ulid).max(50).default([]),
      /** The note this question follows up. */
      parent: Ulid.optional(),
      ...Timeouts,
    }),
    output: z.object({ tasks: z.array(Task) }),
  }),
  'tasks.list': method({
    description: 'Running and queued tasks, then the ones that finished since the engine started, newest first.',
    input: z.object({}).default({}),
    output: z.object({ tasks: z.array(Task) }),
  }),
  'tasks.get': method({
    description: 'One task with the events it produced so far (the latest ones when there are many).',
    input: z.object({
      id: z.string().min(1).max(64),
      maxEvents: z.number().int().min(1).max(5000).default(500),
      /** Keep only the end of the answer text, this many characters (the rest counts as truncated). */
      maxTextChars: z.number().int().min(1).optional(),
    }),
    output: z.object({ task: Task, events: z.array(AgentEvent), truncated: z.boolean() }),
  }),
  'tasks.cancel': method({
    description: 'Stop a running task (its whole process group) or take a queued one out of the queue.',
    input: z.object({ id: z.string().min(1).max(64) }),
    output: Task,
  }),
  'tasks.retry': method({
    description: 'Ask a finished task’s question again, of the same agent or another one.',
    input: z.object({ id: z.string().min(1).max(64), agent: z.string().min(1).optional() }),
    output: Task,
  }),
  'tasks.followUp': method({
    description: 'Ask a follow-up on a note: resumes the agent’s session where the CLI can, else sends the note as context.',
    input: z.object({
      noteId: z.string().min(1).max(64),
      question: z.string().trim().min(1).max(100_000),
      agent: z.string().min(1).optional(),
    }),
    output: Task,
  }),
  'tasks.refresh': method({
    description: 'Refresh a note: ask its question again of the same agent at the repo’s HEAD, with the old note as context. '
      + 'The new note says `supersedes`; the old one gains `superseded_by` once the new task is done.',
    input: z.object({
      noteId: z.string().min(1).max(200),
      /** Another agent to ask; the note's own agent when absent. */
      agent: z.string().min(1).optional(),
    }),
    output: Task,
  }),
  'tasks.planFollowUp': method({
    description: 'What a follow-up on a note would do: which agent, and whether it resumes the agent’s session or sends the note as context.',
    input: z.object({
      noteId: z.string().min(1).max(64),
      agent: z.string().min(1).optional(),
    }),
    output: z.object({
      agent: z.string(),
      mode: NoteMode,
      /** True when the agent's own session goes on; false when the note goes to a new session as context. */
      resumes: z.boolean(),
      /** The same, in one sentence for the user. */
      summary: z.string(),
    }),
  }),
  'scratch.list': method({
    description: 'The scratch checkouts poc tasks left behind, with their disk use.',
    input: z.object({}).default({}),
    output: z.object({ checkouts: z.array(ScratchCheckoutInfo) }),
  }),
  'scratch.discard': method({
    description: 'Delete a scratch checkout and prune its git worktree.',
    input: z.object({ name: z.string().min(1).max(80) }),
    output: z.object({ discarded: z.boolean() }),
  }),
  'scratch.reveal': method({
    description: 'Show a scratch checkout in the file manager.',
    input: z.object({ name: z.string().min(1).max(80) }),
    output: z.object({ path: z.string() }),
  }),
};

export const tasksEvents = {
  /** Tasks changed state, position or progress. Carries the changed tasks only. */
  'tasks.changed': z.object({ tasks: z.array(Task) }),
  /** New events from running tasks, batched (at most a few times a second per task). */
  'tasks.output': z.object({ id: z.string(), events: z.array(AgentEvent), dropped: z.number().int().nonnegative() }),
  /** A task ended: the UI raises a notification. */
  'tasks.finished': z.object({ task: Task }),
};
