// What a test of a real agent CLI stands on: a fixture workspace, a tripwire that catches any
// request trying to leave the machine, and the scripted model server the CLI talks to.
import { afterEach, beforeEach, expect } from 'vitest';
import type { Env } from '../../electron/core/agents/agent-adapter';
import type { ModelServer, Turn } from '../fixtures/model-servers/script-server';
import { cliPath, createWorkspace, startTripwire, type Tripwire, type Workspace } from '../integration/agents/harness';

/** One pinned agent CLI and the model API it speaks. */
export interface ScriptedCli {
  /** Its binary in test/agent-clis. */
  bin: 'claude' | 'codex' | 'gemini';
  /** Starts a server of the CLI's model API on 127.0.0.1, playing `script`. */
  startServer(script: Turn[]): Promise<ModelServer>;
  /** The CLI's environment (and throwaway config) pointing at that server. */
  env(workspace: Workspace, tripwire: Tripwire, serverUrl: string): Env | Promise<Env>;
}

export class ScriptedCliStage {
  #workspace: Workspace | undefined;
  #tripwire: Tripwire | undefined;
  #server: ModelServer | undefined;

  constructor(readonly cli: ScriptedCli) {}

  get workspace(): Workspace {
    return present(this.#workspace, 'No workspace: it exists only while a test runs.');
  }

  get tripwire(): Tripwire {
    return present(this.#tripwire, 'No tripwire: it exists only while a test runs.');
  }

  /** The model server of the current test, started by serve(). */
  get server(): ModelServer {
    return present(this.#server, 'No model server: serve() starts one for the test.');
  }

  /** Fails at once, saying how to install them, when the pinned CLIs are missing. */
  async setUp(): Promise<void> {
    cliPath(this.cli.bin);
    this.#workspace = await createWorkspace();
    this.#tripwire = await startTripwire();
  }

  /** Starts the model server playing `script` (by default the CLI's); returns the CLI's environment pointing at it. */
  async serve(script: Turn[], startServer = this.cli.startServer): Promise<Env> {
    this.#server = await startServer(script);
    return this.cli.env(this.workspace, this.tripwire, this.#server.url);
  }

  async stopServer(): Promise<void> {
    await this.#server?.close();
    this.#server = undefined;
  }

  /** Stops everything, then fails the test if any request tried to leave the machine. */
  async tearDown(): Promise<void> {
    await this.stopServer();
    await this.#tripwire?.close();
    await this.#workspace?.cleanup();
    expect(this.tripwire.hits).toEqual([]);
  }
}

/** A fresh stage for each test of the file. */
export function useScriptedCli(cli: ScriptedCli): ScriptedCliStage {
  const stage = new ScriptedCliStage(cli);
  beforeEach(() => stage.setUp());
  afterEach(() => stage.tearDown());
  return stage;
}

function present<T>(value: T | undefined, missing: string): T {
  if (value === undefined) throw new Error(missing);
  return value;
}
