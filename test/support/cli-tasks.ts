// Tasks asked of one real agent CLI through the engine, as the UI asks them, while the CLI talks
// to a scripted model server. One engine, workspace and tripwire serve the whole test file.
import path from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Task } from '../../shared/model/task';
import type { Env } from '../../electron/core/agents/agent-adapter';
import type { ModelServer, Turn } from '../fixtures/model-servers/script-server';
import type { Workspace } from '../integration/agents/harness';
import { startEngine, type TestEngine } from '../integration/tasks/task-harness';
import { ScriptedCliStage, type ScriptedCli } from './scripted-cli-stage';

export class CliTasks {
  readonly #stage: ScriptedCliStage;
  /** The environment the engine hands the CLI. The engine keeps this object, so serve() refills it. */
  readonly #env: Env = {};
  #engine: TestEngine | undefined;

  /** `agent` is the id the tasks are asked of, as notes store it. */
  constructor(cli: ScriptedCli, readonly agent: string) {
    this.#stage = new ScriptedCliStage(cli);
  }

  get workspace(): Workspace {
    return this.#stage.workspace;
  }

  get server(): ModelServer {
    return this.#stage.server;
  }

  get engine(): TestEngine {
    if (!this.#engine) throw new Error('No engine: it exists only while the test file runs.');
    return this.#engine;
  }

  async setUp(): Promise<void> {
    await this.#stage.setUp();
    this.#engine = await startEngine({ home: path.join(this.workspace.root, 'fieldnotes'), env: this.#env });
  }

  /**
   * Starts the model server playing `script`; the next task's CLI talks to it. `startServer`
   * replaces the CLI's usual server, `adjust` changes the environment the CLI gets.
   */
  async serve(script: Turn[], options: { startServer?: ScriptedCli['startServer']; adjust?: (env: Env) => void } = {}): Promise<void> {
    const env = await this.#stage.serve(script, options.startServer);
    options.adjust?.(env);
    for (const key of Object.keys(this.#env)) delete this.#env[key];
    Object.assign(this.#env, env);
  }

  /** Asks `question` about the workspace's repo, of this agent alone. */
  async ask(question: string, extra: Record<string, unknown> = {}): Promise<Task> {
    const { tasks } = await this.engine.call<{ tasks: Task[] }>('tasks.ask', { question, repoPath: this.workspace.repo, agents: [this.agent], ...extra });
    return tasks[0]!;
  }

  stopServer(): Promise<void> {
    return this.#stage.stopServer();
  }

  async tearDown(): Promise<void> {
    await this.#engine?.close();
    await this.#stage.tearDown();
  }
}

/** One engine and stage for the test file; each test's model server is stopped after it. */
export function useCliTasks(cli: ScriptedCli, agent: string): CliTasks {
  const tasks = new CliTasks(cli, agent);
  beforeAll(() => tasks.setUp());
  afterEach(() => tasks.stopServer());
  afterAll(() => tasks.tearDown());
  return tasks;
}
