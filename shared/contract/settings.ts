// settings.*: what a person can change about how Fieldnotes works: how tasks run (how many at once,
// their timeouts, where the agent CLIs are, the custom command, the default agents) and the editor
// files open in.
import { z } from 'zod';
import { DEFAULT_CONTAINER_IMAGE } from '../model/container';
import { hasFilePlaceholder } from '../editor-commands';
import { method } from './method';

/** An agent's id (`agents.list` gives them); the engine checks it against the agents it knows. */
export const AgentId = z.string().trim().min(1).max(64);

const AbsolutePath = z
  .string()
  .trim()
  .min(1)
  .max(4096)
  .refine((path) => path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path), 'Give the full path of the executable, like /usr/local/bin/claude.');

export const CustomCommand = z.object({
  /** How the agent is called in the app; the command's name when absent. */
  label: z.string().trim().min(1).max(80).optional(),
  /** The command and its arguments, e.g. ["llm", "-m", "gpt-4o"]. Never run through a shell. */
  argv: z.array(z.string().min(1).max(4096)).min(1).max(64),
});
export type CustomCommand = z.infer<typeof CustomCommand>;

export const ContainerEngine = z.enum(['docker', 'podman']);
export type ContainerEngine = z.infer<typeof ContainerEngine>;


export const ContainerSetting = z.object({
  engine: ContainerEngine,
  image: z.string().trim().min(1).max(256).regex(/^[^\s-][^\s]*$/, 'Give an image name like node:20 (no spaces, not an option).').default(DEFAULT_CONTAINER_IMAGE),
});
export type ContainerSetting = z.infer<typeof ContainerSetting>;

/** Where the cloud agents' services are, and what Codex Cloud needs to know. */
export const CloudSettings = z.object({
  /** Jules' REST API, up to and with its version (`https://jules.googleapis.com/v1alpha`). */
  julesBaseUrl: z.url().optional(),
  /** GitHub's REST API (`https://api.github.com`; a GitHub Enterprise server's `/api/v3`). */
  githubApiUrl: z.url().optional(),
  /** The Codex Cloud environment tasks run in (`codex cloud` lists them); Codex Cloud needs one. */
  codexEnvironment: z.string().trim().min(1).max(200).optional(),
});
export type CloudSettings = z.infer<typeof CloudSettings>;

export const TaskSettings = z.object({
  /** How many tasks run at once; a change takes effect at once (running tasks are never stopped). */
  concurrency: z.number().int().min(1).max(16),
  /** Stop a task when its agent is silent this long (seconds). */
  idleTimeoutSec: z.number().int().min(5).max(24 * 3600),
  /** Stop a task when it runs this long (seconds). */
  wallTimeoutSec: z.number().int().min(10).max(7 * 24 * 3600),
  /** Executables of agents that are not on PATH, by agent id (agents with a `command` in agents.list). */
  agentPaths: z.record(AgentId, AbsolutePath),
  /** Any command as an agent (id `custom`): prompt on stdin, Markdown on stdout. Null when none. */
  customCommand: CustomCommand.nullable(),
  /** The agents a question goes to when none are chosen. */
  defaultAgents: z.array(AgentId).min(1).max(8),
  /** "Let agents consult the notebook": tasks get Fieldnotes' MCP server (read-only tools) for their run. */
  consultNotebook: z.boolean(),
  /** Let agents connected to `fieldnotes mcp` ask research of their own (the ask_research tool). */
  askResearch: z.boolean(),
  /**
   * "Capture new sessions of these codebases": their folders. Sessions the agents write in one of
   * them (or below it) are imported as they appear and grow. Absent or empty captures nothing.
   */
  captureSessions: z.array(AbsolutePath).max(100).optional(),
  /**
   * The OS sandbox around every agent: `auto` uses it where this machine has one (bubblewrap on
   * Linux), `require` refuses to run an agent without one, `off` runs agents on their own flags only.
   * Absent means `auto`.
   */
  sandbox: z.enum(['auto', 'require', 'off']).optional(),
  /**
   * Run agents in a container instead of the OS sandbox: Docker or Podman, and the image that
   * gives them their runtime (Node for the CLIs; the agent's own install is mounted read-only).
   * Null or absent: the OS sandbox.
   */
  container: ContainerSetting.nullable().optional(),
  /**
   * The context window of the prompt notes are copied into, in tokens, by agent id or model name
   * (`claude-code`, `gpt-5`). "Copy as context" weighs a bundle against it; absent means
   * DEFAULT_CONTEXT_WINDOW (shared/context/context-window.ts).
   */
  contextWindows: z.record(z.string().trim().min(1).max(128), z.number().int().min(100).max(100_000_000)).optional(),
  /** The cloud agents' services (Jules, Copilot coding agent, Codex Cloud); defaults when absent. */
  cloud: CloudSettings.optional(),
});
export type TaskSettings = z.infer<typeof TaskSettings>;

export const TASK_SETTINGS_DEFAULTS: TaskSettings = {
  concurrency: 3,
  idleTimeoutSec: 5 * 60,
  wallTimeoutSec: 30 * 60,
  agentPaths: {},
  customCommand: null,
  defaultAgents: ['claude-code'],
  consultNotebook: true,
  askResearch: false,
};

/** Sharing the notebook through git ("Sharing" in Settings). */
export const SyncSettings = z.object({
  /** Fieldnotes commits its own changes to notes (finished notes, edits, imports, deletions). Off by default. */
  autoCommit: z.boolean(),
  /** Sync with the remote every N minutes; 0 never (only on request). */
  syncEveryMin: z.number().int().min(0).max(24 * 60),
  /** Put the agents' transcripts (`.fieldnotes/transcripts/`) in git too. */
  transcripts: z.boolean(),
  /** Put the notes' artifacts (poc diffs, `.fieldnotes/artifacts/`) in git too. */
  artifacts: z.boolean(),
  /**
   * Where a codebase lives on this machine, by its remote: notes written on another machine (whose
   * repo path differs) find their codebase here for staleness and citations.
   */
  repoMappings: z.record(z.string().trim().min(1).max(4096), AbsolutePath),
});
export type SyncSettings = z.infer<typeof SyncSettings>;

export const SYNC_SETTINGS_DEFAULTS: SyncSettings = { autoCommit: false, syncEveryMin: 0, transcripts: false, artifacts: false, repoMappings: {} };

/** One way to confine agents, as this machine has it: whether it runs here, and why not. */
export const SandboxOffer = z.object({
  available: z.boolean(),
  /** Why it cannot be used here, and how to fix that. */
  reason: z.string().optional(),
});
export type SandboxOffer = z.infer<typeof SandboxOffer>;

/** What this machine offers for `sandbox` and `container`. */
export const MachineSandboxes = z.object({
  /** The OS sandbox: bwrap on Linux, sandbox-exec on macOS, none elsewhere. */
  os: SandboxOffer.extend({ kind: z.enum(['bwrap', 'sandbox-exec', 'none']) }),
  docker: SandboxOffer,
  podman: SandboxOffer,
});
export type MachineSandboxes = z.infer<typeof MachineSandboxes>;

/**
 * Where a file a note links to (a citation) opens: the system's opener (no line), an editor
 * Fieldnotes knows (at the line), or any command line with `{file}` and `{line}` in it, kept as an
 * argv and never run through a shell.
 */
export const EditorSetting = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['system', 'vscode', 'cursor', 'zed', 'jetbrains']) }),
  z.object({
    kind: z.literal('custom'),
    /** The command and its arguments, e.g. ["subl", "{file}:{line}"]. */
    argv: z
      .array(z.string().min(1).max(4096))
      .min(1, 'Give the editor’s command line.')
      .max(64)
      .refine(hasFilePlaceholder, 'Put {file} where the file goes, like: subl {file}:{line}'),
  }),
]);
export type EditorSetting = z.infer<typeof EditorSetting>;

export const EDITOR_DEFAULT: EditorSetting = { kind: 'system' };

export const SettingsInfo = z.object({
  tasks: TaskSettings,
  /** Where files that notes link to open. */
  editor: EditorSetting,
  /** Sharing the notebook through git. */
  sync: SyncSettings,
  /** The sandboxes this machine has, for the choice in Settings. */
  sandboxes: MachineSandboxes.optional(),
});
export type SettingsInfo = z.infer<typeof SettingsInfo>;

export const settingsMethods = {
  'settings.get': method({
    description: 'The settings: how tasks run (concurrency, timeouts, agent paths, custom command, default agents) and the editor files open in.',
    input: z.object({}).default({}),
    output: SettingsInfo,
  }),
  'settings.update': method({
    description: 'Changes some settings (absent keys stay as they are) and returns all of them.',
    input: z.object({ tasks: TaskSettings.partial().default({}), editor: EditorSetting.optional(), sync: SyncSettings.partial().optional() }),
    output: SettingsInfo,
  }),
};
