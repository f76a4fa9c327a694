// createApi: the one implementation of the contract, shared by the desktop app, the browser mode
// and the command line. It knows nothing of how it is reached; each domain brings its handlers.
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { ApiHandlers } from '../../shared/contract';
import type { Note } from '../../shared/model/note';
import { EventBus } from '../../shared/event-bus';
import { contextHandlers } from './context/context-api';
import { ContextBundler } from './context/context-bundler';
import { sharedTokenCounter, type TokenCounter } from './context/token-counter';
import type { AgentAdapter, Env } from './agents/agent-adapter';
import { InstalledAgents } from './agents/installed-agents';
import type { CloudAgent } from './agents/cloud/cloud-agent';
import { CloudAgents } from './agents/cloud/cloud-agents';
import { CREDENTIALS_FILE, SecretStore } from './agents/cloud/secret-store';
import type { PollPace } from './tasks/cloud-task-run';
import { MachineSandbox } from './sandbox/run-sandbox';
import type { EngineEvents } from './engine-events';
import { NotebookSession } from './notebook/notebook-session';
import type { NotebookOptions } from './notebook/notebook';
import { notebookHandlers, notesHandlers } from './notebook/notes-api';
import type { NativePorts } from './ports/native-ports';
import { nodePorts } from './ports/node-ports';
import { citationsHandlers } from './repos/citations-api';
import { RepoLocator } from './repos/repo-locator';
import { RepoRegistry } from './repos/repo-registry';
import { NotebookSearch } from './search/notebook-search';
import { SettingsStore } from './settings';
import { SessionCapture, type CaptureOptions } from './sessions/session-capture';
import { sessionsHandlers } from './sessions/sessions-api';
import { NotebookSharing } from './sync/notebook-sharing';
import { syncHandlers } from './sync/sync-api';
import type { FieldnotesCommand } from './tasks/notebook-consult';
import { newestFirst } from './search/newest-first';
import { TaskEngine } from './tasks/task-engine';
import { tasksHandlers } from './tasks/tasks-api';

export type { EngineEvents } from './engine-events';

export interface ApiDeps {
  app: { name: string; version: string };
  transport: 'ipc' | 'http';
  /** The notebook to open at start, if any; the folder is created when missing (see `createNotebook`). */
  notebook?: string;
  /** Create the start notebook's folder when it is missing (default true); false refuses it (`fieldnotes list`). */
  createNotebook?: boolean;
  /**
   * When the start notebook cannot be opened: 'throw' (the default; `fieldnotes serve` stops with
   * the reason) or 'log' (the desktop app starts anyway, and the user picks another notebook).
   */
  onNotebookError?: 'throw' | 'log';
  /** Where `notebook.open` without a path goes. */
  defaultNotebook: string;
  /** Opening files and asking for folders; the system's own commands when absent. */
  ports?: NativePorts;
  /** The settings file (recent notebooks); settings live in memory only when absent. */
  settingsFile?: string;
  /**
   * The app's own folder (`<userData>`): poc scratch checkouts go in its `scratch/`, a read-only
   * notebook's caches in its `notebook-cache/`. Default: the settings file's folder, else a folder
   * in the system's temp folder.
   */
  userDataDir?: string;
  /** The environment agents run in. Default: this process's (the user's). */
  agentEnv?: Env;
  /** Settles once `agentEnv` is complete; agents are looked for after (the desktop app reads the login shell's PATH). */
  agentEnvReady?: Promise<unknown>;
  /** Agents beyond the registry's own, listed after its CLIs (tests register a throwaway adapter). */
  extraAgents?: readonly AgentAdapter[];
  /**
   * How to run the `fieldnotes` command line, so that tasks can give their agents its MCP server
   * over the notebook ("Let agents consult the notebook"). Without it, agents do not get it.
   */
  fieldnotes?: FieldnotesCommand;
  /** Cloud agents beyond the built-in ones (tests). */
  extraCloudAgents?: readonly CloudAgent[];
  /** How often cloud tasks are looked at (default every 5 s, backing off to a minute; tests shorten it). */
  cloudPoll?: PollPace;
  /** Time between SIGTERM and SIGKILL when a task is stopped (default 5 s). */
  killGraceMs?: number;
  /** The length of the minute in "sync every N minutes" (default 60 s; tests shorten it). */
  syncMinuteMs?: number;
  /** The platform the agents' OS sandbox is looked for on: this one's (tests simulate a machine without a sandbox). */
  sandboxPlatform?: NodeJS.Platform;
  /** Watch the open notebook for outside changes (default true). */
  watch?: boolean;
  /** How watcher events are batched (tests shorten the wait). */
  watcher?: NotebookOptions['watcher'];
  /** Where background problems (skipped files, failed cache writes) are reported. */
  log?: (message: string) => void;
  /** Counts tokens for "copy as context"; the process's shared claude tokenizer when absent. */
  tokens?: TokenCounter;
  /** Load the tokenizer in the background now, so the first count is quick (the app and serve do). */
  warmTokenizer?: boolean;
  /**
   * Start the search worker as soon as a notebook is open (the app, `serve`), or only when a
   * search method is first called (one-shot commands that may never search). Default: at open.
   */
  search?: 'at-open' | 'on-demand';
  /**
   * Recover the notes of tasks a stopped Fieldnotes left running, at start (default true). Commands
   * that only read (`fieldnotes list`, `search`) skip it; switching notebooks still recovers.
   */
  recoverTasks?: boolean;
  /**
   * Run "Capture new sessions of these codebases" when the setting names codebases (the app and
   * `serve` do; one-shot commands never watch). Options shorten its waits in tests.
   */
  captureSessions?: boolean | CaptureOptions;
}

export interface Engine {
  readonly handlers: ApiHandlers;
  readonly events: EventBus<EngineEvents>;
  /** The open notebook and switching between notebooks, for the engine's other parts. */
  readonly notebooks: NotebookSession;
  /** The tasks engine (the CLI waits on its tasks). */
  readonly tasks: TaskEngine;
  /** Interrupts running tasks (their notes say so), then closes the notebook. */
  close(): Promise<void>;
}

export async function createApi(deps: ApiDeps): Promise<Engine> {
  const log = deps.log ?? ((message: string) => console.warn(`[fieldnotes] ${message}`));
  const events = new EventBus<EngineEvents>();
  const settings = await SettingsStore.load(deps.settingsFile ?? null, log);
  const ports = deps.ports ?? nodePorts();
  const userData = deps.userDataDir ?? (deps.settingsFile ? dirname(deps.settingsFile) : join(tmpdir(), `fieldnotes-${process.getuid?.() ?? 'user'}`));
  // The watcher's first scan (a stat and a watch per file, on this thread) waits until search has
  // loaded its index, so that the notes list and the first search results come first.
  const session: NotebookSession = new NotebookSession({
    events, settings, watch: deps.watch ?? true, watcher: deps.watcher, dataDir: userData, log, watchAfter: (root): Promise<void> => search.loaded(root),
  });
  // Before the notebook opens: search starts as soon as the folder is set up, while the notes load.
  const search: NotebookSearch = new NotebookSearch({ session, events, start: deps.search ?? 'at-open' });
  if (deps.notebook) {
    await session.open(resolve(deps.notebook), { create: deps.createNotebook ?? true }).catch((error: unknown) => {
      if (deps.onNotebookError !== 'log') throw error;
      log(`could not open the notebook ${deps.notebook}: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  const tokens = deps.tokens ?? sharedTokenCounter();
  const locator = new RepoLocator(settings);
  const localize = (notes: readonly Note[]) => locator.localize(notes);
  const bundler = new ContextBundler({ notebook: () => session.require(), counter: tokens, localize });
  const env = deps.agentEnv ?? process.env;
  const scratchRoot = join(userData, 'scratch');
  const machineSandbox = new MachineSandbox(() => env, deps.sandboxPlatform ? { platform: deps.sandboxPlatform } : {});
  // Credentials entered in Settings: outside the notebook and the settings file (secret-store.ts).
  const secrets = new SecretStore(join(userData, CREDENTIALS_FILE), ports.secretCipher);
  const cloud = new CloudAgents({ env: () => env, settings: () => settings.get().tasks, store: secrets, ...(deps.extraCloudAgents ? { extra: deps.extraCloudAgents } : {}) });
  const agents = new InstalledAgents({
    env: () => env, settings: () => settings.get().tasks, envReady: deps.agentEnvReady, extra: deps.extraAgents, machineSandbox, cloud,
  });
  const repos = new RepoRegistry(settings, ports, log);
  const tasks = new TaskEngine({ session, settings, events, agents, repos, env, scratchRoot, killGraceMs: deps.killGraceMs, fieldnotes: deps.fieldnotes, userDataDir: userData, log, machineSandbox,
    cloud, ...(deps.cloudPoll ? { cloudPoll: deps.cloudPoll } : {}) });
  // Notes a stopped Fieldnotes left running (while the search worker loads, in its own thread);
  // switching notebooks recovers the next one the same way.
  if (deps.recoverTasks ?? true) await tasks.recover();
  const capture = deps.captureSessions
    ? new SessionCapture({
      session, env: () => env, folders: () => settings.get().tasks.captureSessions ?? [], events, log,
      ...(typeof deps.captureSessions === 'object' ? deps.captureSessions : {}),
    })
    : undefined;
  await capture?.apply();
  const sharing = new NotebookSharing({ session, settings, events, log, ...(deps.syncMinuteMs ? { minuteMs: deps.syncMinuteMs } : {}) });

  const handlers: ApiHandlers = {
    'app.info': async () => ({
      name: deps.app.name,
      version: deps.app.version,
      transport: deps.transport,
      platform: process.platform,
      notebook: session.info(),
    }),
    ...notebookHandlers({ session, settings, ports, defaultNotebook: deps.defaultNotebook }),
    ...notesHandlers({ session, settings, ports }),
    ...contextHandlers({ bundler, ports }),
    ...citationsHandlers({ session, log, localize }),
    ...tasksHandlers({
      engine: tasks, agents, repos, settings, scratchRoot, ports, machineSandbox, notebook: () => session.notebook, log,
      onSettingsChanged: async () => {
        sharing.applySettings();
        await capture?.apply();
      },
    }),
    'search.query': async (input) => newestFirst(await search.require().query(input), session.notebook),
    'search.status': async ({ wait }) =>
      wait === 'indexed' ? search.require().whenIndexed() : wait ? search.require().whenIdle() : search.require().refreshStatus(),
    'search.reindex': async ({ wait }) => {
      const service = search.require();
      const started = await service.reindex();
      if (!wait) return started;
      const done = await service.whenIdle();
      return { ...done, indexBytes: (await service.stats()).cacheBytes };
    },
    ...sessionsHandlers({ session, env: () => env, events }),
    ...syncHandlers(sharing),
  };

  let closing: Promise<void> | undefined;
  // The tokenizer loads in a thread of its own: after search has loaded its index, so that the two
  // do not share the cores while someone waits for the first results.
  if (deps.warmTokenizer) void search.loaded(session.notebook?.root ?? '').then(() => (closing ? undefined : tokens.warm()));
  return {
    handlers,
    events,
    notebooks: session,
    tasks,
    close() {
      closing ??= (async () => {
        await capture?.close();
        await tasks.close();
        await sharing.close();
        await search.close();
        await session.close();
      })();
      return closing;
    },
  };
}
