// Codex CLI (`codex exec --json`): argv per mode and its JSONL thread/turn/item stream.
import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { AgentEvent } from '../../../shared/model/agent-event';
import type { AgentAdapter, Env, NotebookServer, ParserContext, VerdictInput } from './agent-adapter';
import { detectExecutable } from './detect';
import { createJsonLinesParser, firstLine, num, opt, rec, str, type JsonRecord } from './json-lines';
import { relativeTo, shellCommandPaths, unwrapShell } from './tool-paths';
import { verdictFromResult } from './verdict';

const FACTS = { label: 'Codex CLI', command: 'codex', installHint: 'npm install -g @openai/codex' };
/** Codex reaches api.openai.com, or its provider's base_url in $CODEX_HOME/config.toml. */
const REACH = {
  check: 'the network, a proxy (HTTPS_PROXY), the provider\'s base_url in ~/.codex/config.toml (or $CODEX_HOME) and the sign-in (codex login status)',
  test: 'codex exec --skip-git-repo-check "Reply with OK"',
};

export const codex: AgentAdapter = {
  id: 'codex',
  ...FACTS,
  reach: REACH,
  capabilities: {
    // `codex exec resume <thread>`, from the directory the thread ran in.
    resume: true,
    notebookServer: true,
    modes: {
      explain: {
        summary: 'may run commands inside its read-only sandbox; no network.',
        terms: (where) => `Read-only: may read files and run commands in ${where} inside Codex's read-only sandbox; cannot change anything. Network: none.`,
      },
      poc: {
        summary: 'edits files and runs commands in its workspace-write sandbox; no network.',
        terms: (where) => `May edit files and run commands inside the scratch checkout ${where}; your working tree is never touched (Codex's workspace-write sandbox). Network: none.`,
      },
    },
    // Sessions, logs and its helper binaries: CODEX_HOME, or ~/.codex.
    sandboxNeeds: (env) => ({ dirs: [env.CODEX_HOME ?? path.join(env.HOME ?? homedir(), '.codex')], files: [] }),
  },

  // Codex keeps MCP servers in ~/.codex/config.toml only (no project scope).
  mcpRegistration: {
    scopes: ['user'],
    add: (server) => ['mcp', 'add', server.name, '--', server.command, ...server.args],
    remove: (name) => ['mcp', 'remove', name],
  },

  detect(input) {
    return detectExecutable(FACTS, input);
  },

  buildRun(request) {
    // Codex's own sandbox: read-only everywhere, or writable inside the working directory only
    // (workspace-write also opens /tmp and $TMPDIR unless told not to).
    const sandbox = request.mode === 'explain'
      ? ['-c', 'sandbox_mode="read-only"']
      : ['-c', 'sandbox_mode="workspace-write"', '-c', 'sandbox_workspace_write.exclude_slash_tmp=true',
        '-c', 'sandbox_workspace_write.exclude_tmpdir_env_var=true'];
    // `exec resume` has no --sandbox flag; the config key does the same for both forms.
    const args = ['exec', ...(request.resumeSession ? ['resume'] : []), '--json', '--skip-git-repo-check',
      ...sandbox, '-c', 'approval_policy="never"'];
    if (request.notebookServer) args.push(...notebookServerConfig(request.notebookServer));
    if (request.model) args.push('-m', request.model);
    if (request.resumeSession) args.push(request.resumeSession);
    // `-`: the prompt comes from stdin, which must be closed or Codex waits for more.
    args.push('-');
    return { command: request.executable ?? 'codex', args, cwd: request.cwd, env: withSandboxHelper(request.env), stdin: request.prompt };
  },

  createParser(context) {
    const state: StreamState = { announced: new Set() };
    return createJsonLinesParser((line) => translate(line, context, state));
  },

  verdict(input) {
    const sandbox = sandboxProblem(input);
    return { ...verdictFromResult(FACTS.label, input, { requireResult: true }), ...opt('sandbox', sandbox) };
  },
};

/**
 * Codex runs its sandbox through `codex-linux-sandbox`, a link to itself it makes at start in
 * `$CODEX_HOME/tmp/arg0-linux/`. It refuses to make it when CODEX_HOME lies inside the temporary
 * folder (`$TMPDIR`, else /tmp), and then every command fails with `bwrap: execvp
 * codex-linux-sandbox: No such file or directory`. Such a run gets a TMPDIR inside CODEX_HOME
 * (Codex's own tmp folder), so CODEX_HOME is no longer inside it.
 */
function withSandboxHelper(env: Env): Env {
  const home = env.CODEX_HOME ? path.resolve(env.CODEX_HOME) : path.join(env.HOME || homedir(), '.codex');
  const temp = path.resolve(env.TMPDIR || '/tmp');
  if (!insideOf(home, temp)) return env;
  return { ...env, TMPDIR: path.join(home, 'tmp') };
}

/** Whether `folder` is `parent` or lies inside it, as written or with symbolic links resolved. */
function insideOf(folder: string, parent: string): boolean {
  const real = (file: string) => {
    try {
      return realpathSync(file);
    } catch {
      return file;
    }
  };
  return [[folder, parent], [real(folder), real(parent)]].some(([a, b]) => {
    const relative = path.relative(b!, a!);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  });
}

const FIX_HELPER = 'To fix it, let Codex write to $CODEX_HOME/tmp and keep CODEX_HOME out of the temporary folder ($TMPDIR, else /tmp).';

/** Whether Codex's sandbox kept its commands from running, said with the fix. */
function sandboxProblem(input: VerdictInput): string | undefined {
  // Codex says so on stderr at start, then runs commands that fail at once, often without an item.
  const helper = /could not (?:create PATH aliases|update PATH): ([^\n]*)/.exec(input.stderr ?? '')?.[1]?.trim();
  if (helper !== undefined) {
    return `Codex could not make its sandbox helper codex-linux-sandbox (${helper}), so every command it ran in its sandbox failed `
      + `("bwrap: execvp codex-linux-sandbox: No such file or directory"). ${FIX_HELPER}`;
  }
  const bwrap = input.events.find((event) => event.type === 'tool_result' && !event.ok && /^bwrap: /.test(event.summary ?? ''));
  if (bwrap === undefined) return undefined;
  return /codex-linux-sandbox/.test(bwrap.type === 'tool_result' ? bwrap.summary ?? '' : '')
    ? `Codex's sandbox could not find its helper codex-linux-sandbox. ${FIX_HELPER}`
    : 'Codex\'s sandbox (bubblewrap) could not start. Check that `bwrap --ro-bind / / true` works here '
      + '(it needs unprivileged user namespaces).';
}

/**
 * `-c` overrides that add Fieldnotes' MCP server for this run only (TOML values: JSON strings and
 * arrays of strings are valid TOML), limited to the tools it may call. `required`: Codex 0.171
 * otherwise starts its first turn without waiting for MCP servers, and a server slower to start
 * than the model is to answer (a cold start, a loaded machine) is missing from tool_search;
 * required, it waits for the handshake (and a server that cannot start fails the run, saying so).
 */
function notebookServerConfig(server: NotebookServer): string[] {
  const key = `mcp_servers.${server.name}`;
  const env = `{${Object.entries(server.env).map(([name, value]) => `${JSON.stringify(name)}=${JSON.stringify(value)}`).join(', ')}}`;
  return [
    '-c', `${key}.command=${JSON.stringify(server.command)}`,
    '-c', `${key}.args=${JSON.stringify(server.args)}`,
    '-c', `${key}.env=${env}`,
    '-c', `${key}.enabled_tools=${JSON.stringify(server.tools)}`,
    '-c', `${key}.required=true`,
  ];
}

interface StreamState {
  thread?: string;
  lastMessage?: string;
  lastError?: string;
  /** Ids of items whose tool_call was already emitted by item.started. */
  announced: Set<string>;
}

function translate(line: JsonRecord, context: ParserContext, state: StreamState): AgentEvent[] {
  switch (line.type) {
    case 'thread.started': {
      state.thread = str(line.thread_id);
      return state.thread ? [{ type: 'session', session: state.thread }] : [];
    }
    case 'item.started':
    case 'item.updated':
    case 'item.completed':
      return item(rec(line.item) ?? {}, line.type === 'item.completed', context, state);
    case 'turn.completed': {
      const usage = rec(line.usage);
      return [
        { type: 'usage', ...opt('input_tokens', num(usage?.input_tokens)), ...opt('output_tokens', num(usage?.output_tokens)) },
        { type: 'result', ok: true, ...opt('text', state.lastMessage), ...opt('session', state.thread) },
      ];
    }
    case 'turn.failed': {
      const message = str(rec(line.error)?.message) ?? 'Codex reported a failed turn.';
      // Codex usually sends the same message as an `error` event just before.
      const error: AgentEvent[] = message === state.lastError ? [] : [{ type: 'error', message }];
      return [...error, { type: 'result', ok: false, text: message, ...opt('session', state.thread) }];
    }
    case 'error': {
      const message = str(line.message) ?? 'Codex reported an error.';
      // Stream retries are reported as errors: "Reconnecting... 2/5 (...)".
      const retry = /^Reconnecting\.*\s*(\d+)\/\d+/.exec(message);
      if (retry) return [{ type: 'retry', attempt: Number(retry[1]), reason: message }];
      state.lastError = message;
      return [{ type: 'error', message }];
    }
    default:
      return [];
  }
}

function item(entry: JsonRecord, completed: boolean, context: ParserContext, state: StreamState): AgentEvent[] {
  const id = str(entry.id);
  switch (entry.type) {
    case 'agent_message': {
      const text = str(entry.text);
      if (!completed || text === undefined) return [];
      state.lastMessage = text;
      return [{ type: 'text', text }];
    }
    case 'error':
      // Item errors are warnings (e.g. unknown model metadata); turn.failed carries real failures.
      return completed ? [{ type: 'diagnostic', message: str(entry.message) ?? 'Codex warning' }] : [];
    case 'command_execution':
    case 'file_change':
    case 'mcp_tool_call':
    case 'web_search': {
      const events: AgentEvent[] = [];
      if (id === undefined || !state.announced.has(id)) {
        if (id !== undefined) state.announced.add(id);
        events.push(toolCall(entry, context));
      }
      if (completed) events.push(toolResult(entry));
      return events;
    }
    default:
      return [];
  }
}

function toolCall(entry: JsonRecord, context: ParserContext): AgentEvent {
  const id = str(entry.id);
  if (entry.type === 'command_execution') {
    const command = str(entry.command) ?? '';
    return { type: 'tool_call', ...opt('id', id), name: 'shell', summary: unwrapShell(command),
      paths: shellCommandPaths(command, context.cwd), ...(context.mode === 'poc' ? { writes: true } : {}) };
  }
  if (entry.type === 'file_change') {
    const changes = Array.isArray(entry.changes) ? entry.changes.map(rec) : [];
    const paths = changes.map((c) => str(c?.path)).filter((p): p is string => p !== undefined).map((p) => relativeTo(context.cwd, p));
    return { type: 'tool_call', ...opt('id', id), name: 'file_change', summary: paths.join(', '), paths, writes: true };
  }
  if (entry.type === 'mcp_tool_call') {
    const name = [str(entry.server), str(entry.tool)].filter(Boolean).join('.') || 'mcp_tool_call';
    return { type: 'tool_call', ...opt('id', id), name, paths: [] };
  }
  return { type: 'tool_call', ...opt('id', id), name: 'web_search', ...opt('summary', str(entry.query)), paths: [] };
}

function toolResult(entry: JsonRecord): AgentEvent {
  const status = str(entry.status);
  const exitCode = num(entry.exit_code);
  const ok = status !== 'failed' && status !== 'declined' && (exitCode === undefined || exitCode === 0);
  const output = str(entry.aggregated_output) ?? str(rec(entry.error)?.message);
  const summary = output ? firstLine(output) : exitCode !== undefined && exitCode !== 0 ? `exit code ${exitCode}` : status;
  return { type: 'tool_result', ...opt('id', str(entry.id)), ok, ...opt('summary', summary || undefined) };
}
