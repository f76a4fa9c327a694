// Codex CLI (`codex exec --json`): argv per mode and its JSONL thread/turn/item stream.
import { homedir } from 'node:os';
import path from 'node:path';
import type { AgentEvent } from '../../../shared/model/agent-event';
import type { AgentAdapter, ParserContext } from './agent-adapter';
import { detectExecutable } from './detect';
import { createJsonLinesParser, firstLine, num, opt, rec, str, type JsonRecord } from './json-lines';
import { relativeTo, shellCommandPaths, unwrapShell } from './tool-paths';
import { verdictFromResult } from './verdict';

const FACTS = { label: 'Codex CLI', command: 'codex', installHint: 'npm install -g @openai/codex' };

export const codex: AgentAdapter = {
  id: 'codex',
  ...FACTS,
  capabilities: {
    // `codex exec resume <thread>`, from the directory the thread ran in.
    resume: true,
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
    if (request.model) args.push('-m', request.model);
    if (request.resumeSession) args.push(request.resumeSession);
    // `-`: the prompt comes from stdin, which must be closed or Codex waits for more.
    args.push('-');
    return { command: request.executable ?? 'codex', args, cwd: request.cwd, env: request.env, stdin: request.prompt };
  },

  createParser(context) {
    const state: StreamState = { announced: new Set() };
    return createJsonLinesParser((line) => translate(line, context, state));
  },

  verdict(input) {
    return verdictFromResult(FACTS.label, input, { requireResult: true });
  },
};

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
