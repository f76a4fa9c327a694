// Runs one agent CLI as a child process: argv spawn in its own process group, prompt on stdin,
// stdout parsed into events as it arrives, idle and wall-clock timeouts, and cancel.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { AgentEvent } from '../../../shared/model/agent-event';
import type { AgentAdapter, AgentCommand, RunRequest } from './agent-adapter';
import { ProcessTree, RUN_MARKER_VAR } from './process-tree';
import { createRedactor } from './secret-redactor';

export type RunStatus = 'done' | 'failed' | 'cancelled' | 'timed_out';

export interface RunOutcome {
  status: RunStatus;
  /** Why the run did not succeed, in words for the user. */
  error?: string;
  exitCode: number | null;
  signal: string | null;
  /** The end of the process's stderr, redacted: diagnostics for the log and the transcript. */
  stderr: string;
  durationMs: number;
  /** The adapter's word that the CLI's sandbox kept its tools from working, with the fix (see Verdict). */
  sandbox?: string;
}

export interface AgentRun {
  /** The child's pid, which is also its process group id; undefined if it could not start. */
  readonly pid: number | undefined;
  /** The value of RUN_MARKER_VAR every process of this run inherits (see ProcessTree). */
  readonly marker: string;
  /** Resolves once the process (and every process of its group) is gone. Never rejects. */
  readonly outcome: Promise<RunOutcome>;
  cancel(): void;
}

export interface StartAgentRunOptions {
  adapter: AgentAdapter;
  request: RunRequest;
  /** Called with each event as it arrives, secrets already redacted. Must not throw. */
  onEvent?: (event: AgentEvent) => void;
  /** Stop the run when the process writes nothing for this long. Default 5 minutes. */
  idleTimeoutMs?: number;
  /** Stop the run when it lasts longer than this. Default 60 minutes. */
  wallTimeoutMs?: number;
  /** Time between SIGTERM and SIGKILL. Default 5 seconds. */
  killGraceMs?: number;
  /** How much of stderr to keep (its end). Default 64 KiB. */
  maxStderrChars?: number;
  /** Wraps the adapter's command in an OS sandbox (see electron/core/sandbox) before it is spawned. */
  confine?: (command: AgentCommand) => AgentCommand;
}

const DEFAULTS = { idleTimeoutMs: 5 * 60_000, wallTimeoutMs: 60 * 60_000, killGraceMs: 5_000, maxStderrChars: 64 * 1024 };
/** How long the pipes may stay open once every process of a run is gone, for what they still hold to be read. */
const PIPE_DRAIN_MS = 1_000;

export function startAgentRun(options: StartAgentRunOptions): AgentRun {
  const { adapter, request } = options;
  const idleTimeoutMs = options.idleTimeoutMs ?? DEFAULTS.idleTimeoutMs;
  const wallTimeoutMs = options.wallTimeoutMs ?? DEFAULTS.wallTimeoutMs;
  const killGraceMs = options.killGraceMs ?? DEFAULTS.killGraceMs;
  const maxStderrChars = options.maxStderrChars ?? DEFAULTS.maxStderrChars;
  const built = adapter.buildRun(request);
  const command = options.confine ? options.confine(built) : built;
  const parser = adapter.createParser({ mode: request.mode, cwd: command.cwd });
  const redact = createRedactor(command.env);
  const startedAt = Date.now();
  const events: AgentEvent[] = [];
  let answered = false;
  let stderr = '';
  let stop: { status: 'cancelled' | 'timed_out'; error: string } | undefined;
  let exit: { code: number | null; signal: string | null } | undefined;
  let killTimer: NodeJS.Timeout | undefined;

  const emit = (batch: AgentEvent[]) => {
    for (const raw of batch) {
      const event = redact.event({ ...raw, t: Date.now() - startedAt });
      // Verdicts read results, errors and exits; the answer's text (megabytes, from some agents)
      // is the listener's to keep.
      if (event.type !== 'text') events.push(event);
      else if (!answered && event.text.trim() !== '') answered = true;
      try {
        options.onEvent?.(event);
      } catch (error) {
        appendStderr(`[fieldnotes] an event listener failed: ${String(error)}\n`);
      }
    }
  };
  const appendStderr = (text: string) => {
    stderr = (stderr + text).slice(-maxStderrChars);
  };

  // Every process of the run inherits this marker, so stopping it finds them all, even re-parented ones.
  const marker = randomUUID();
  for (const file of command.files ?? []) writeFileSync(file.path, file.text, { mode: 0o600 });
  const child = spawn(command.command, command.args, {
    cwd: command.cwd,
    env: { ...command.env, [RUN_MARKER_VAR]: marker },
    // Its own process group, so that stopping it reaches every process it started.
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const pid = child.pid;

  const tree = pid === undefined ? undefined : new ProcessTree(pid, marker);

  const requestStop = (status: 'cancelled' | 'timed_out', error: string) => {
    if (stop !== undefined || exit !== undefined || tree === undefined) return;
    stop = { status, error };
    tree.terminate();
    killTimer = setTimeout(() => tree.kill(), killGraceMs);
  };

  let idleTimer: NodeJS.Timeout | undefined;
  const touch = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(
      () => requestStop('timed_out', `${adapter.label} produced no output for ${duration(idleTimeoutMs)}; stopped it.`),
      idleTimeoutMs,
    );
  };
  const wallTimer = setTimeout(
    () => requestStop('timed_out', `${adapter.label} ran longer than ${duration(wallTimeoutMs)}; stopped it.`),
    wallTimeoutMs,
  );
  touch();

  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    touch();
    emit(parser.push(chunk));
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    touch();
    appendStderr(chunk);
  });
  // The CLI may exit before reading its prompt (EPIPE); its exit status tells the story.
  child.stdin.on('error', () => {});
  child.stdin.end(command.stdin);

  const outcome = new Promise<RunOutcome>((resolve) => {
    let closed = false;
    const finish = async () => {
      clearTimeout(idleTimer);
      clearTimeout(wallTimer);
      // Whatever the leader left behind goes with it.
      await tree?.end(killGraceMs);
      clearTimeout(killTimer);
      emit(parser.end());
      const code = exit?.code ?? null;
      const signal = exit?.signal ?? null;
      emit([{ type: 'exit', code, signal }]);
      const tail = redact.text(stderr);
      const base = { exitCode: code, signal, stderr: tail, durationMs: Date.now() - startedAt };
      if (stop) return resolve({ ...base, status: stop.status, error: stop.error });
      const verdict = adapter.verdict({ exitCode: code, signal, events, answered, stderr: tail });
      const sandbox = verdict.sandbox ? { sandbox: verdict.sandbox } : {};
      resolve(verdict.ok ? { ...base, ...sandbox, status: 'done' } : { ...base, ...sandbox, status: 'failed', error: verdict.error ?? `${adapter.label} failed.` });
    };

    child.on('error', (error: NodeJS.ErrnoException) => {
      if (pid !== undefined) return appendStderr(`[fieldnotes] ${error.message}\n`);
      clearTimeout(idleTimer);
      clearTimeout(wallTimer);
      const reason = error.code === 'ENOENT' ? `${command.command} was not found` : error.message;
      resolve({ status: 'failed', error: `Could not start ${adapter.label}: ${reason}.`, exitCode: null, signal: null,
        stderr: '', durationMs: Date.now() - startedAt });
    });
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      clearTimeout(idleTimer);
      clearTimeout(wallTimer);
      // Once every process of the run is gone the pipes end as soon as what they still hold is
      // read: cutting them at once lost the end of an answer written just before exit (seen under
      // load). Only a writer that escaped the run could keep them open; after a moment, stop
      // waiting for it.
      void tree?.end(killGraceMs).then(() => {
        setTimeout(() => {
          if (closed) return;
          child.stdout.destroy();
          child.stderr.destroy();
        }, PIPE_DRAIN_MS).unref();
      });
    });
    child.on('close', () => {
      closed = true;
      // A process that never started has already been answered by the 'error' handler.
      if (pid !== undefined) void finish();
    });
  });

  return { pid, marker, outcome, cancel: () => requestStop('cancelled', `${adapter.label} was cancelled.`) };
}

function duration(ms: number): string {
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 120_000) return `${Math.round(ms / 1_000)} s`;
  return `${Math.round(ms / 60_000)} min`;
}
