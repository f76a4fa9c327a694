// The one small interface every agent CLI adapter implements, and the types around it.
import type { AgentEvent } from '../../../shared/model/agent-event';

export type AgentMode = 'explain' | 'poc';

/** Environment variables as handed to a child process. */
export type Env = Record<string, string | undefined>;

export interface DetectInput {
  /** An explicit path to the CLI's executable; otherwise it is looked up on `env.PATH`. */
  path?: string;
  env: Env;
}

export interface Detection {
  available: boolean;
  version?: string;
  /** The executable that was found. */
  path?: string;
  /** Why the CLI cannot be used, in words for the user. */
  reason?: string;
  /** How to install it, e.g. `npm install -g @openai/codex`. */
  installHint?: string;
}

export interface RunRequest {
  mode: AgentMode;
  /** The folder the agent works in: the repo (explain) or a scratch checkout (poc). */
  cwd: string;
  prompt: string;
  model?: string;
  /** A session id from an earlier run of the same agent, to continue that conversation. */
  resumeSession?: string;
  /** The base environment (the user's, with the settings' additions). */
  env: Env;
  /** The executable to run, when detect() found it somewhere other than on PATH. */
  executable?: string;
}

/** Exactly what to spawn: an argv array (never a shell string), its environment and its stdin. */
export interface AgentCommand {
  command: string;
  args: string[];
  cwd: string;
  env: Env;
  stdin: string;
}

export interface ParserContext {
  mode: AgentMode;
  /** Paths in tool calls are made relative to this folder when they lie inside it. */
  cwd: string;
}

/** Turns a CLI's stdout, fed in arbitrary chunks, into normalized events. */
export interface StreamParser {
  push(chunk: string): AgentEvent[];
  /** Flushes what is left once stdout has closed. */
  end(): AgentEvent[];
}

export interface VerdictInput {
  exitCode: number | null;
  signal: string | null;
  /** The events the run produced, except its text (the answer). */
  events: readonly AgentEvent[];
  /** Whether any of its text was more than white space. */
  answered: boolean;
  /** The end of what the process wrote to stderr (already redacted). */
  stderr?: string;
}

export interface Verdict {
  ok: boolean;
  /** Why the run failed, in words for the user. */
  error?: string;
  /** Set when the CLI's own sandbox kept its tools from working: what went wrong and how to fix it, for the user. */
  sandbox?: string;
}

export interface AgentAdapter {
  /** Stable id, stored in notes (`agent.id`). */
  readonly id: string;
  readonly label: string;
  /** False for a CLI whose output never names its tool calls (a plain command): nothing can be said about what it read. */
  readonly reportsToolCalls?: boolean;
  detect(input: DetectInput): Promise<Detection>;
  buildRun(request: RunRequest): AgentCommand;
  createParser(context: ParserContext): StreamParser;
  /** Decides success from the exit status and the events the run produced. */
  verdict(input: VerdictInput): Verdict;
}
