// What the tasks tests share: an engine on a fresh notebook, reached through the contract's
// dispatch gate as the UI reaches it, with its push events recorded.
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EventName, EventPayload } from '../../../shared/contract';
import type { TaskSettings } from '../../../shared/contract/settings';
import type { Note } from '../../../shared/model/note';
import type { Task } from '../../../shared/model/task';
import type { AgentAdapter, Env } from '../../../electron/core/agents/agent-adapter';
import { createApi, type Engine } from '../../../electron/core/api';
import { dispatch } from '../../../electron/core/dispatch';
import type { NativePorts } from '../../../electron/core/ports/native-ports';
import type { FieldnotesCommand } from '../../../electron/core/tasks/notebook-consult';
import { FIXTURES } from '../../support/paths';
import { tempDir } from '../../support/temp';

export const TASK_AGENT = join(FIXTURES, 'fake-agents', 'task-agent.mjs');

export interface TestEngine {
  engine: Engine;
  /** The user data folder (settings, scratch checkouts). */
  home: string;
  notebook: string;
  scratchRoot: string;
  /** Every push event so far, in order. */
  events: Array<{ name: EventName; payload: unknown }>;
  call<T = unknown>(method: string, input?: unknown): Promise<T>;
  /** Resolves with each task once it has finished (from tasks.finished). */
  finished(ids: string[]): Promise<Task[]>;
  /** The tasks as the last tasks.changed for each said (or undefined). */
  latest(id: string): Task | undefined;
  note(id: string): Promise<Note>;
  close(): Promise<void>;
}

const noPorts: NativePorts = { openPath: async () => undefined, revealPath: async () => undefined };

export interface EngineOptions {
  tasks?: Partial<TaskSettings>;
  env?: Env;
  home?: string;
  notebook?: string;
  killGraceMs?: number;
  ports?: NativePorts;
  /** Adapters to register beside the built-in agents. */
  agents?: AgentAdapter[];
  /** Watch the notebook for other processes' changes, as the app does. Default false. */
  watch?: boolean;
  /** How to run `fieldnotes`, so that tasks give their agents its MCP server. */
  fieldnotes?: FieldnotesCommand;
  /** The platform the OS sandbox is looked for on (a machine without one: `win32`). */
  sandboxPlatform?: NodeJS.Platform;
  /** Run "Capture new sessions" as the app does (with short waits). */
  captureSessions?: boolean;
  /** How often cloud tasks are polled. Default: quickly (every 20 ms, backing off to 100 ms). */
  cloudPoll?: { firstMs: number; maxMs: number };
}

/** A custom-command agent running the scriptable fake, with `marker` in its command line. */
export function fakeAgent(marker = `fake-${process.pid}-${Math.random().toString(36).slice(2)}`): TaskSettings['customCommand'] {
  return { label: 'Fake agent', argv: [process.execPath, TASK_AGENT, marker] };
}

export async function startEngine(options: EngineOptions = {}): Promise<TestEngine> {
  const home = options.home ?? (await tempDir('fieldnotes-tasks-'));
  const notebook = options.notebook ?? join(home, 'Notebook');
  const settingsFile = join(home, 'settings.json');
  // The fake agent talks to its test through files in the machine's /tmp, which the OS sandbox
  // hides behind a private one: the sandbox's own tests turn it on.
  const sandbox = { sandbox: 'off' as const };
  await mkdir(home, { recursive: true });
  if (options.tasks) await writeFile(settingsFile, JSON.stringify({ tasks: { customCommand: fakeAgent(), ...sandbox, ...options.tasks } }));
  // A home a test set up keeps its own settings.
  else if (!existsSync(settingsFile)) await writeFile(settingsFile, JSON.stringify({ tasks: sandbox }));
  const events: TestEngine['events'] = [];
  const finishedTasks = new Map<string, Task>();
  const waiters: Array<() => void> = [];
  const latest = new Map<string, Task>();
  const engine = await createApi({
    app: { name: 'Fieldnotes', version: 'test' },
    transport: 'http',
    notebook,
    defaultNotebook: notebook,
    ports: options.ports ?? noPorts,
    settingsFile,
    userDataDir: home,
    agentEnv: options.env ?? { ...process.env },
    killGraceMs: options.killGraceMs ?? 2_000,
    ...(options.agents ? { extraAgents: options.agents } : {}),
    ...(options.fieldnotes ? { fieldnotes: options.fieldnotes } : {}),
    ...(options.sandboxPlatform ? { sandboxPlatform: options.sandboxPlatform } : {}),
    watch: options.watch ?? false,
    cloudPoll: options.cloudPoll ?? { firstMs: 20, maxMs: 100 },
    ...(options.captureSessions ? { captureSessions: { debounceMs: 150, recheckMs: 200 } } : {}),
    log: () => undefined,
  });
  const record = <E extends EventName>(name: E) =>
    engine.events.on(name, (payload: EventPayload<E>) => {
      events.push({ name, payload });
      if (name === 'tasks.changed') for (const task of (payload as EventPayload<'tasks.changed'>).tasks) latest.set(task.id, task);
      if (name === 'tasks.finished') {
        const { task } = payload as EventPayload<'tasks.finished'>;
        finishedTasks.set(task.id, task);
        latest.set(task.id, task);
        for (const wake of waiters.splice(0)) wake();
      }
    });
  for (const name of ['tasks.changed', 'tasks.output', 'tasks.finished', 'notes.changed', 'sessions.progress', 'sessions.captured'] as const) record(name);

  const call = async <T>(method: string, input: unknown = {}): Promise<T> => {
    const result = await dispatch(engine.handlers, method, input, { validateOutput: true });
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.value as T;
  };
  return {
    engine,
    home,
    notebook: engine.notebooks.require().root,
    scratchRoot: join(home, 'scratch'),
    events,
    call,
    async finished(ids) {
      while (!ids.every((id) => finishedTasks.has(id))) await new Promise<void>((wake) => waiters.push(wake));
      return ids.map((id) => finishedTasks.get(id)!);
    },
    latest: (id) => latest.get(id),
    note: (id) => call<Note>('notes.get', { id }),
    close: () => engine.close(),
  };
}

/** Resolves when `check` returns true, polling; rejects after `timeoutMs`. */
export async function eventually<T>(check: () => T | Promise<T>, what: string, timeoutMs = 20_000): Promise<Exclude<T, null | undefined | false | 0 | ''>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as Exclude<T, null | undefined | false | 0 | ''>;
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export function outputsOf(test: TestEngine, id: string): Array<EventPayload<'tasks.output'>> {
  return test.events.filter((event) => event.name === 'tasks.output').map((event) => event.payload as EventPayload<'tasks.output'>)
    .filter((batch) => batch.id === id);
}

/** Pids of live processes whose working directory is `dir` or inside it (Linux: /proc/<pid>/cwd). */
export function processesWorkingIn(dir: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cwd = readlinkSync(`/proc/${name}/cwd`);
      const state = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]?.[0];
      if ((cwd === dir || cwd.startsWith(`${dir}/`)) && state !== 'Z') found.push(Number(name));
    } catch {
      // Gone, or not ours to look at.
    }
  }
  return found;
}
