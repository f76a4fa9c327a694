// Claude Code (`claude -p --output-format stream-json --verbose`): argv per mode and its stream.
import { homedir } from 'node:os';
import path from 'node:path';
import type { AgentEvent } from '../../../shared/model/agent-event';
import type { AgentAdapter, AgentSandbox, ParserContext } from './agent-adapter';
import { detectExecutable, findOnPath } from './detect';
import { clip, createJsonLinesParser, firstLine, num, opt, rec, str, type JsonRecord } from './json-lines';
import { relativeTo, shellCommandPaths, unwrapShell } from './tool-paths';
import { verdictFromResult } from './verdict';

const READ_ONLY_TOOLS = 'Read,Grep,Glob';

/**
 * poc mode: file edits are accepted inside the working directory only (`acceptEdits` denies
 * paths outside it), and Bash runs inside Claude Code's OS sandbox (bubblewrap + socat on
 * Linux, Seatbelt on macOS), which lets commands write to the working directory only. Where no
 * sandbox is available, commands that would need approval are denied (`-p` has nobody to ask).
 */
const POC_SETTINGS = JSON.stringify({
  sandbox: { enabled: true, autoAllowBashIfSandboxed: true, allowUnsandboxedCommands: false },
});

const WRITE_TOOLS = new Set(['Write', 'Edit', 'MultiEdit', 'NotebookEdit']);

const FACTS = { label: 'Claude Code', command: 'claude', installHint: 'npm install -g @anthropic-ai/claude-code' };
/** Claude Code reaches api.anthropic.com, or ANTHROPIC_BASE_URL, through HTTPS_PROXY when set. */
const REACH = {
  check: 'the network, a proxy (HTTPS_PROXY), the base URL (ANTHROPIC_BASE_URL, when set) and the sign-in (claude /login, or ANTHROPIC_API_KEY)',
  test: 'claude -p "Reply with OK"',
};

/** Claude Code sandboxes commands with Seatbelt on macOS, and with bubblewrap and socat on Linux. */
const SANDBOX: AgentSandbox = {
  needs: 'macOS, or Linux with bubblewrap and socat',
  async available(env) {
    if (process.platform === 'darwin') return true;
    if (process.platform !== 'linux') return false;
    const found = await Promise.all(['bwrap', 'socat'].map((tool) => findOnPath(tool, env)));
    return found.every(Boolean);
  },
};

export const claudeCode: AgentAdapter = {
  id: 'claude-code',
  ...FACTS,
  reach: REACH,
  capabilities: {
    // `--resume <session>`, from the directory the session ran in.
    resume: true,
    notebookServer: true,
    modes: {
      explain: {
        summary: 'reads and searches files only (Read, Grep, Glob); runs no commands.',
        terms: (where) => `Read-only: may read and search files in ${where} (Read, Grep and Glob only); cannot change anything or run commands.`,
      },
      poc: {
        summary: `edits files; runs commands only in its sandbox (${SANDBOX.needs}), otherwise edits only.`,
        terms: (where, sandboxed) => {
          const scratch = `inside the scratch checkout ${where}; your working tree is never touched`;
          return sandboxed
            ? `May edit files and run commands ${scratch}. Commands run in Claude Code's sandbox, which can write only there. `
              + 'Network: only the domains your Claude Code settings allow.'
            : `May edit files ${scratch}. Claude Code has no command sandbox on this machine (on Linux it needs bubblewrap and socat), `
              + 'so commands that need approval are refused. Network: no commands, so none from the shell.';
        },
      },
    },
    sandbox: SANDBOX,
    // Sessions, settings and its state file: in CLAUDE_CONFIG_DIR, or ~/.claude and ~/.claude.json.
    sandboxNeeds: (env) => env.CLAUDE_CONFIG_DIR
      ? { dirs: [env.CLAUDE_CONFIG_DIR], files: [] }
      : { dirs: [path.join(env.HOME ?? homedir(), '.claude')], files: [path.join(env.HOME ?? homedir(), '.claude.json')] },
  },

  // `--scope user` writes ~/.claude.json; `project` writes .mcp.json in the current folder.
  mcpRegistration: {
    scopes: ['user', 'project'],
    add: (server, scope) => ['mcp', 'add', '--scope', scope, server.name, '--', server.command, ...server.args],
    remove: (name, scope) => ['mcp', 'remove', '--scope', scope, name],
  },

  detect(input) {
    return detectExecutable(FACTS, input);
  },

  buildRun(request) {
    // Only the user's own settings: a repo's .claude/settings.json could add hooks or
    // permission rules, and the repo is not trusted.
    const args = ['-p', '--output-format', 'stream-json', '--verbose', '--setting-sources', 'user'];
    const server = request.notebookServer;
    // The notebook's tools, allowed by name (`-p` has nobody to approve them).
    const serverTools = server ? server.tools.map((tool) => `mcp__${server.name}__${tool}`) : [];
    if (request.mode === 'explain') {
      args.push('--tools', READ_ONLY_TOOLS, '--allowedTools', [READ_ONLY_TOOLS, ...serverTools].join(','), '--permission-mode', 'dontAsk');
    } else {
      args.push('--permission-mode', 'acceptEdits', '--settings', POC_SETTINGS, ...(server ? ['--allowedTools', serverTools.join(',')] : []));
    }
    if (server) {
      // For this run only, and only this server: the user's own MCP configuration is left alone.
      const config = { mcpServers: { [server.name]: { type: 'stdio', command: server.command, args: server.args, env: server.env } } };
      args.push('--mcp-config', JSON.stringify(config), '--strict-mcp-config');
    }
    if (request.model) args.push('--model', request.model);
    if (request.resumeSession) args.push('--resume', request.resumeSession);
    return { command: request.executable ?? 'claude', args, cwd: request.cwd, env: request.env, stdin: request.prompt };
  },

  createParser(context) {
    return createJsonLinesParser((line) => translate(line, context));
  },

  verdict(input) {
    return verdictFromResult(FACTS.label, input, { requireResult: true });
  },
};

function translate(line: JsonRecord, context: ParserContext): AgentEvent[] {
  switch (line.type) {
    case 'system':
      return system(line, context);
    case 'assistant':
      return assistant(line, context);
    case 'user':
      return toolResults(line);
    case 'result':
      return result(line);
    default:
      return [];
  }
}

function system(line: JsonRecord, context: ParserContext): AgentEvent[] {
  if (line.subtype === 'init') {
    const session = str(line.session_id);
    if (session === undefined) return [];
    const tools = Array.isArray(line.tools) ? line.tools.filter((t): t is string => typeof t === 'string') : undefined;
    const events: AgentEvent[] = [{ type: 'session', session, ...opt('model', str(line.model)), ...(tools ? { tools } : {}) }];
    if (context.mode === 'poc' && line.sandbox_enabled === false) {
      events.push({ type: 'diagnostic', message: 'Claude Code runs without its sandbox (on Linux it needs bubblewrap and socat): '
        + 'shell commands that need approval will be denied.' });
    }
    return events;
  }
  if (line.subtype === 'api_retry') {
    const status = num(line.error_status);
    const reason = [status === undefined ? undefined : `HTTP ${status}`, str(line.error)].filter(Boolean).join(' ');
    return [{ type: 'retry', ...opt('attempt', num(line.attempt)), ...opt('reason', reason || undefined), ...opt('delay_ms', num(line.retry_delay_ms)) }];
  }
  return [];
}

function assistant(line: JsonRecord, context: ParserContext): AgentEvent[] {
  const message = rec(line.message);
  const content = Array.isArray(message?.content) ? message.content : [];
  const events: AgentEvent[] = [];
  for (const block of content.map(rec)) {
    if (block?.type === 'text' && typeof block.text === 'string') {
      // API failures come back as a synthetic assistant message; they are errors, not answer text.
      events.push(line.is_api_error_message === true ? { type: 'error', message: block.text } : { type: 'text', text: block.text });
    } else if (block?.type === 'tool_use') {
      events.push(toolCall(block, context));
    }
  }
  return events;
}

function toolCall(block: JsonRecord, context: ParserContext): AgentEvent {
  const name = str(block.name) ?? 'tool';
  const input = rec(block.input) ?? {};
  const file = str(input.file_path) ?? str(input.notebook_path);
  const searchPath = str(input.path);
  const command = str(input.command);
  let paths: string[] = [];
  let summary: string | undefined;
  if (file !== undefined) {
    paths = [relativeTo(context.cwd, file)];
    summary = paths[0];
  } else if (name === 'Bash' && command !== undefined) {
    paths = shellCommandPaths(command, context.cwd);
    summary = clip(unwrapShell(command), 200);
  } else {
    if (searchPath !== undefined) paths = [relativeTo(context.cwd, searchPath)];
    const pattern = str(input.pattern) ?? str(input.query) ?? str(input.url) ?? str(input.description);
    summary = [pattern, paths[0]].filter(Boolean).join(' in ') || undefined;
  }
  const writes = WRITE_TOOLS.has(name) || (name === 'Bash' && context.mode === 'poc');
  return { type: 'tool_call', ...opt('id', str(block.id)), name, ...opt('summary', summary), paths, ...(writes ? { writes } : {}) };
}

function toolResults(line: JsonRecord): AgentEvent[] {
  const message = rec(line.message);
  const content = Array.isArray(message?.content) ? message.content : [];
  return content.map(rec).filter((block) => block?.type === 'tool_result').map((block) => ({
    type: 'tool_result' as const,
    ...opt('id', str(block?.tool_use_id)),
    ok: block?.is_error !== true,
    ...opt('summary', resultSummary(block?.content)),
  }));
}

function resultSummary(content: unknown): string | undefined {
  if (typeof content === 'string') return firstLine(content.replace(/<\/?tool_use_error>/g, '')) || undefined;
  if (Array.isArray(content)) {
    const text = content.map(rec).find((part) => part?.type === 'text');
    return text ? resultSummary(text.text) : undefined;
  }
  return undefined;
}

function result(line: JsonRecord): AgentEvent[] {
  const usage = rec(line.usage);
  const events: AgentEvent[] = [];
  if (usage !== undefined || line.total_cost_usd !== undefined) {
    const input = [usage?.input_tokens, usage?.cache_creation_input_tokens, usage?.cache_read_input_tokens]
      .map(num).reduce<number | undefined>((sum, n) => (n === undefined ? sum : (sum ?? 0) + n), undefined);
    events.push({ type: 'usage', ...opt('input_tokens', input), ...opt('output_tokens', num(usage?.output_tokens)), ...opt('cost_usd', num(line.total_cost_usd)) });
  }
  const ok = line.is_error !== true && line.subtype === 'success';
  const text = str(line.result);
  if (!ok) {
    const errors = Array.isArray(line.errors) ? line.errors.filter((e): e is string => typeof e === 'string') : [];
    const message = text || errors.join('; ') || `Claude Code reported ${str(line.subtype) ?? 'an error'}.`;
    events.push({ type: 'error', message });
  }
  events.push({ type: 'result', ok, ...opt('text', text), ...opt('session', str(line.session_id)) });
  return events;
}
