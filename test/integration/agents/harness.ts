// What the agents integration tests share: the pinned CLIs, throwaway homes and configs per
// test, a fixture git repo, a tripwire for traffic that tries to leave the machine, and a
// helper that runs an adapter through the real process runner.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { AgentEvent } from '../../../shared/model/agent-event';
import type { AgentAdapter, AgentMode, Env } from '../../../electron/core/agents/agent-adapter';
import { startAgentRun, type AgentRun, type RunOutcome, type StartAgentRunOptions } from '../../../electron/core/agents/agent-process';

export const CLI_BIN = path.resolve(import.meta.dirname, '../../agent-clis/node_modules/.bin');

export function cliPath(name: 'claude' | 'codex' | 'gemini'): string {
  const file = path.join(CLI_BIN, name);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm ci --prefix test/agent-clis\` first.`);
  return file;
}

/** The marker the fixture repo's file holds; finding it in a request proves the file was read. */
export const FIXTURE_MARKER = 'The secret ingredient is cardamom-7f3a.';
export const FIXTURE_FILE = 'docs/recipe.md';

/**
 * The idle timeout of the stall tests. The CLI's start-up is silent too (Gemini CLI needs a few
 * seconds before its first line on a busy machine), so this must be well above start-up time.
 */
export const STALL_IDLE_MS = 8_000;

export interface Workspace {
  root: string;
  /** A git repo with one committed file, FIXTURE_FILE. */
  repo: string;
  /** An empty folder for poc runs. */
  scratch: string;
  home: string;
  /** TMPDIR for the CLIs (Codex refuses to keep helper binaries under it, so homes live beside it). */
  tmp: string;
  cleanup(): Promise<void>;
}

export async function createWorkspace(): Promise<Workspace> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'fieldnotes-agents-'));
  const repo = path.join(root, 'repo');
  const scratch = path.join(root, 'scratch');
  const home = path.join(root, 'home');
  const tmp = path.join(root, 'tmp');
  await Promise.all([mkdir(path.join(repo, 'docs'), { recursive: true }), mkdir(scratch), mkdir(home), mkdir(tmp)]);
  await writeFile(path.join(repo, FIXTURE_FILE), `# Recipe\n\n${FIXTURE_MARKER}\n`);
  await writeFile(path.join(repo, 'README.md'), '# Fixture repo\n');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
  git('init', '-q');
  git('add', '.');
  git('-c', 'user.name=Fixture', '-c', 'user.email=fixture@example.invalid', 'commit', '-qm', 'fixture');
  return { root, repo, scratch, home, tmp, cleanup: () => rm(root, { recursive: true, force: true }) };
}

export function gitStatus(repo: string): string {
  return execFileSync('git', ['status', '--porcelain'], { cwd: repo, encoding: 'utf8' });
}

/**
 * A clean environment: nothing of the developer's own (no real API keys, no real config
 * dirs), HOME in the workspace, and every proxy variable pointing at the tripwire so that any
 * request bound off the machine is caught instead of sent.
 */
export function baseEnv(workspace: Workspace, tripwire: Tripwire): Env {
  return {
    PATH: `${CLI_BIN}:${path.dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`,
    HOME: workspace.home,
    LANG: 'C.UTF-8',
    TMPDIR: workspace.tmp,
    HTTPS_PROXY: tripwire.url,
    HTTP_PROXY: tripwire.url,
    https_proxy: tripwire.url,
    http_proxy: tripwire.url,
    ALL_PROXY: tripwire.url,
    NO_PROXY: '127.0.0.1,localhost',
    no_proxy: '127.0.0.1,localhost',
  };
}

export interface Tripwire {
  url: string;
  /** Every request that reached the proxy: each one tried to leave the machine. */
  hits: string[];
  close(): Promise<void>;
}

export async function startTripwire(): Promise<Tripwire> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(403).end();
  });
  server.on('connect', (req, socket) => {
    hits.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export interface Finished {
  outcome: RunOutcome;
  events: AgentEvent[];
  pid: number | undefined;
}

export interface RunInput {
  adapter: AgentAdapter;
  mode?: AgentMode;
  cwd: string;
  prompt?: string;
  env: Env;
  executable?: string;
  resumeSession?: string;
  model?: string;
  options?: Partial<Omit<StartAgentRunOptions, 'adapter' | 'request'>>;
}

/** Starts a run through the real process runner, collecting its events. */
export function startRun(input: RunInput): { run: AgentRun; events: AgentEvent[]; finished: Promise<Finished> } {
  const events: AgentEvent[] = [];
  const run = startAgentRun({
    adapter: input.adapter,
    request: {
      mode: input.mode ?? 'explain',
      cwd: input.cwd,
      prompt: input.prompt ?? 'What is the secret ingredient? Look it up in the repo.',
      env: input.env,
      ...(input.executable ? { executable: input.executable } : {}),
      ...(input.resumeSession ? { resumeSession: input.resumeSession } : {}),
      ...(input.model ? { model: input.model } : {}),
    },
    idleTimeoutMs: 60_000,
    wallTimeoutMs: 120_000,
    killGraceMs: 2_000,
    ...input.options,
    onEvent: (event) => {
      events.push(event);
      input.options?.onEvent?.(event);
    },
  });
  return { run, events, finished: run.outcome.then((outcome) => ({ outcome, events, pid: run.pid })) };
}

export function runToEnd(input: RunInput): Promise<Finished> {
  return startRun(input).finished;
}

/** True once no process of the group exists any more (kill(-pgid, 0) throws ESRCH). */
export function groupGone(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Pids of live processes whose command line contains `marker`. */
export function processesWith(marker: string): number[] {
  return execFileSync('ps', ['-eo', 'pid=,stat=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\S+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null && !match[2]?.startsWith('Z') && (match[3] ?? '').includes(marker))
    .map((match) => Number(match[1]));
}

/** Resolves when `check` returns true, polling; rejects after `timeoutMs`. */
export async function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function textOf(events: AgentEvent[]): string {
  return events.map((event) => (event.type === 'text' ? event.text : '')).join('');
}

export function ofType<T extends AgentEvent['type']>(events: AgentEvent[], type: T): Array<Extract<AgentEvent, { type: T }>> {
  return events.filter((event): event is Extract<AgentEvent, { type: T }> => event.type === type);
}

/** The JSON of every recorded request body, for "did the model see X" assertions. */
export function bodiesText(requests: Array<{ body: unknown }>): string {
  return requests.map((request) => JSON.stringify(request.body)).join('\n');
}
