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
  /** Fieldnotes' MCP server over the notebook, to register with the agent for this run only. */
  notebookServer?: NotebookServer;
}

/** How to start `fieldnotes mcp` for one run, and what the agent may call of it. */
export interface NotebookServer {
  /** The server's name in the agent's configuration (its tools are `mcp__<name>__<tool>` in Claude Code). */
  name: string;
  command: string;
  args: string[];
  env: Record<string, string>;
  /** The tools the agent is allowed, by their own names (`search_notes`). */
  tools: readonly string[];
  /** A folder of this run's own, removed after it, for files an agent needs (Gemini's settings and policy). */
  runDir: string;
}

/** Exactly what to spawn: an argv array (never a shell string), its environment and its stdin. */
export interface AgentCommand {
  command: string;
  args: string[];
  cwd: string;
  env: Env;
  stdin: string;
  /** Files to write (absolute paths, in the run's own folder) before the agent starts. */
  files?: Array<{ path: string; text: string }>;
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

/** What an agent may do in one mode, in words for the person asking: true of the argv `buildRun` makes. */
export interface ModeTerms {
  /** Short, after the agent's label, before asking: "reads and searches files only (Read, Grep, Glob); runs no commands." */
  summary: string;
  /**
   * The exact terms of one task, kept as `Task.permissions`: `where` is the folder it works in (the
   * repo, or the scratch checkout in poc), `sandboxed` whether the agent's sandbox runs on this machine.
   */
  terms(where: string, sandboxed: boolean): string;
}

/** An OS sandbox the agent runs its commands in, which this machine may or may not provide. */
export interface AgentSandbox {
  /** What it needs, in words for the user: "macOS, or Linux with bubblewrap and socat". */
  needs: string;
  /** Whether this machine has it (looked for on `env.PATH`). */
  available(env: Env): Promise<boolean>;
}

/** What Fieldnotes' own OS sandbox must leave writable for the agent to work: its own state. */
export interface SandboxNeeds {
  /** Folders it keeps sessions, settings and logs in (created when missing). */
  dirs: string[];
  /** Single files it writes beside them, bound only when they exist. */
  files: string[];
}

export interface AgentCapabilities {
  /** Whether a later run can resume a session of this agent (from the folder the session ran in). */
  resume: boolean;
  /** Whether `buildRun` registers `RunRequest.notebookServer` with the agent (it speaks MCP). */
  notebookServer?: boolean;
  modes: Record<AgentMode, ModeTerms>;
  /** The agent's own sandbox for its commands (Codex's and Claude Code's; they nest inside ours). */
  sandbox?: AgentSandbox;
  /** What Fieldnotes' sandbox around the whole agent must leave writable, for this environment. */
  sandboxNeeds?: (env: Env) => SandboxNeeds;
}

export type McpScope = 'user' | 'project';

/** How the agent's own command registers an MCP server for the user's own use (`claude mcp add`). */
export interface McpRegistration {
  /** The scopes it offers, the default first. */
  scopes: readonly McpScope[];
  /** The arguments (after the agent's command) that add a stdio server. */
  add(server: { name: string; command: string; args: readonly string[] }, scope: McpScope): string[];
  /** The arguments that remove it again. */
  remove(name: string, scope: McpScope): string[];
}

/** When an agent keeps retrying its model endpoint: what to check, in words, and a command to try. */
export interface EndpointHelp {
  /** "the network, a proxy (HTTPS_PROXY), the base URL (ANTHROPIC_BASE_URL) and the sign-in (claude /login)". */
  check: string;
  /** The agent's own command that reaches the endpoint once, to try in a terminal. */
  test: string;
}

/**
 * The one home of an agent: what it is (id, label, command, install hint), what it can do, and how
 * to run it (detect, argv, stream parser, verdict). Engine, CLI and UI learn all of it from the registry.
 */
export interface AgentAdapter {
  /** Stable id, stored in notes (`agent.id`). */
  readonly id: string;
  readonly label: string;
  /**
   * The command looked up on PATH (`claude`); Settings can give its executable's full path instead.
   * Absent for an agent that is a whole command line set in Settings (the custom command).
   */
  readonly command?: string;
  /** How to get it, e.g. `npm install -g @openai/codex`. */
  readonly installHint: string;
  readonly capabilities: AgentCapabilities;
  /** False for a CLI whose output never names its tool calls (a plain command): nothing can be said about what it read. */
  readonly reportsToolCalls?: boolean;
  /** Registering Fieldnotes' MCP server with the user's own agent (`fieldnotes mcp install`). */
  readonly mcpRegistration?: McpRegistration;
  /** What to check when it cannot reach its model endpoint, and its own command that tests the connection. */
  readonly reach?: EndpointHelp;
  detect(input: DetectInput): Promise<Detection>;
  buildRun(request: RunRequest): AgentCommand;
  createParser(context: ParserContext): StreamParser;
  /** Decides success from the exit status and the events the run produced. */
  verdict(input: VerdictInput): Verdict;
}
