// Sessions written by a real agent CLI, as a person's terminal would leave them: the CLI runs
// against a scripted model server with a throwaway config folder, and an engine (with the same
// environment, so it looks in the same folders) imports what it wrote.
import path from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { AgentAdapter, AgentMode, Env } from '../../electron/core/agents/agent-adapter';
import type { Turn } from '../fixtures/model-servers/script-server';
import { ofType, runToEnd, type Finished, type Workspace } from '../integration/agents/harness';
import { startEngine, type EngineOptions, type TestEngine } from '../integration/tasks/task-harness';
import { ScriptedCliStage, type ScriptedCli } from './scripted-cli-stage';

export class AgentSessions {
  readonly stage: ScriptedCliStage;
  /** The engine keeps this object, so serve() refills it. */
  readonly env: Env = {};
  #engine: TestEngine | undefined;

  constructor(cli: ScriptedCli, readonly adapter: AgentAdapter, private readonly engineOptions: Pick<EngineOptions, 'captureSessions'> = {}) {
    this.stage = new ScriptedCliStage(cli);
  }

  get workspace(): Workspace {
    return this.stage.workspace;
  }

  get engine(): TestEngine {
    if (!this.#engine) throw new Error('No engine: it exists only while the test file runs.');
    return this.#engine;
  }

  async setUp(): Promise<void> {
    await this.stage.setUp();
    this.#engine = await startEngine({ ...this.engineOptions, home: path.join(this.workspace.root, 'fieldnotes'), env: this.env });
  }

  /** Starts the model server playing `script` for the next runs. */
  async serve(script: Turn[]): Promise<void> {
    await this.stage.stopServer();
    const env = await this.stage.serve(script);
    for (const key of Object.keys(this.env)) delete this.env[key];
    Object.assign(this.env, env);
  }

  /** Runs the CLI in the repo (or `cwd`) as a person would, leaving its session on disk; resolves with its session id. */
  async run(prompt: string, options: { mode?: AgentMode; resume?: string; cwd?: string } = {}): Promise<{ session: string; finished: Finished }> {
    const finished = await runToEnd({
      adapter: this.adapter, cwd: options.cwd ?? this.workspace.repo, env: this.env, prompt, mode: options.mode ?? 'explain',
      ...(options.resume ? { resumeSession: options.resume } : {}),
    });
    if (finished.outcome.status !== 'done') throw new Error(`the ${this.adapter.id} run failed: ${finished.outcome.error ?? finished.outcome.status}`);
    const session = ofType(finished.events, 'session')[0]?.session ?? options.resume;
    if (!session) throw new Error('the run reported no session');
    return { session, finished };
  }

  async tearDown(): Promise<void> {
    await this.#engine?.close();
    await this.stage.tearDown();
  }
}

export function useAgentSessions(cli: ScriptedCli, adapter: AgentAdapter, engineOptions: Pick<EngineOptions, 'captureSessions'> = {}): AgentSessions {
  const sessions = new AgentSessions(cli, adapter, engineOptions);
  beforeAll(() => sessions.setUp());
  afterEach(() => sessions.stage.stopServer());
  afterAll(() => sessions.tearDown());
  return sessions;
}
