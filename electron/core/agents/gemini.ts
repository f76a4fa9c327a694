// Gemini CLI (`gemini -p "" -o stream-json`): argv per mode and its JSONL event stream.
import { homedir } from 'node:os';
import path from 'node:path';
import type { AgentEvent } from '../../../shared/model/agent-event';
import { join } from 'node:path';
import type { AgentAdapter, NotebookServer, ParserContext } from './agent-adapter';
import { detectExecutable } from './detect';
import { createJsonLinesParser, firstLine, num, opt, rec, str, type JsonRecord } from './json-lines';
import { relativeTo, shellCommandPaths } from './tool-paths';
import { verdictFromResult } from './verdict';

const WRITE_TOOLS = new Set(['write_file', 'replace', 'edit']);

const FACTS = { label: 'Gemini CLI', command: 'gemini', installHint: 'npm install -g @google/gemini-cli' };
/** Gemini CLI reaches Google's API, or GOOGLE_GEMINI_BASE_URL. */
const REACH = {
  check: 'the network, a proxy (HTTPS_PROXY), the base URL (GOOGLE_GEMINI_BASE_URL, when set) and the sign-in (GEMINI_API_KEY, or the auth chosen in ~/.gemini/settings.json)',
  test: 'gemini -p "Reply with OK"',
};

export const gemini: AgentAdapter = {
  id: 'gemini',
  ...FACTS,
  reach: REACH,
  capabilities: {
    // `--resume <session>`, from the directory the session ran in.
    resume: true,
    notebookServer: true,
    modes: {
      explain: {
        summary: 'reads and searches files only (plan mode); runs no commands.',
        terms: (where) => `Read-only: may read and search files in ${where} (Gemini's plan mode); cannot change anything or run commands.`,
      },
      poc: {
        summary: 'edits files but cannot run shell commands (nobody is there to confirm them).',
        terms: (where) => `May edit files inside the scratch checkout ${where}; your working tree is never touched; cannot run shell commands (nobody is there to confirm them). `
          + 'Network: no shell, so none beyond Gemini CLI’s own web tools.',
      },
    },
    // Sessions, settings and its plans folder: .gemini in GEMINI_CLI_HOME, or in the home folder.
    sandboxNeeds: (env) => ({ dirs: [path.join(env.GEMINI_CLI_HOME ?? env.HOME ?? homedir(), '.gemini')], files: [] }),
  },

  // `--scope user` writes ~/.gemini/settings.json; `project` writes .gemini/settings.json here.
  mcpRegistration: {
    scopes: ['user', 'project'],
    add: (server, scope) => ['mcp', 'add', '--scope', scope, server.name, server.command, ...server.args],
    remove: (name, scope) => ['mcp', 'remove', '--scope', scope, name],
  },

  detect(input) {
    return detectExecutable(FACTS, input);
  },

  buildRun(request) {
    // explain: plan mode (read and search tools; writes only to Gemini's own plans folder).
    // poc: edit tools are auto-approved inside the workspace; shell commands would need a
    // confirmation nobody can give headless, so they are denied (Gemini's only Linux sandboxes
    // are container runtimes).
    const args = ['-p', '', '-o', 'stream-json', '--approval-mode', request.mode === 'explain' ? 'plan' : 'auto_edit',
      // Headless runs refuse untrusted folders; the user picked this folder (or it is our scratch checkout).
      '--skip-trust'];
    if (request.model) args.push('-m', request.model);
    if (request.resumeSession) args.push('--resume', request.resumeSession);
    const server = request.notebookServer;
    // Gemini CLI has no per-run flag for an MCP server: a system settings file of the run's own
    // (removed with the run's folder) adds it, trusted (nobody is there to confirm its calls).
    const files: Array<{ path: string; text: string }> = [];
    const settings = server ? join(server.runDir, 'gemini-settings.json') : undefined;
    if (server && settings) files.push({ path: settings, text: geminiSettings(server) });
    // Checked on Gemini CLI 0.61.0: a trusted server's tools are allowed in every mode but plan,
    // whose catch-all rule (policies/plan.toml) denies, and so hides from the model, every tool
    // not allowed in plan mode by name; read-only MCP tools are only asked about, interactively.
    // A policy file of the run's own (`--policy`, the user tier) allows the notebook's read-only tools there.
    if (server && request.mode === 'explain') {
      const policy = join(server.runDir, 'gemini-policy.toml');
      files.push({ path: policy, text: planModePolicy(server) });
      args.push('--policy', policy);
    }
    return {
      command: request.executable ?? 'gemini',
      args,
      cwd: request.cwd,
      // Without NO_RELAUNCH the CLI re-spawns itself and the parent ignores SIGTERM.
      env: { ...request.env, GEMINI_CLI_NO_RELAUNCH: 'true', NO_COLOR: '1', ...(settings ? { GEMINI_CLI_SYSTEM_SETTINGS_PATH: settings } : {}) },
      stdin: request.prompt,
      ...(files.length > 0 ? { files } : {}),
    };
  },

  createParser(context) {
    return createJsonLinesParser((line) => translate(line, context));
  },

  verdict(input) {
    return verdictFromResult(FACTS.label, input, { requireResult: true });
  },
};

function geminiSettings(server: NotebookServer): string {
  const entry = { command: server.command, args: server.args, env: server.env, trust: true, includeTools: [...server.tools] };
  return JSON.stringify({ mcpServers: { [server.name]: entry } }, null, 2) + '\n';
}

/** Gemini CLI's policy (TOML) allowing the notebook's read-only tools in plan mode; they are named `mcp_<server>_<tool>` to the model. */
function planModePolicy(server: NotebookServer): string {
  const tools = server.tools.map((tool) => JSON.stringify(`mcp_${server.name}_${tool}`)).join(', ');
  return `# Fieldnotes: this run may consult the notebook in plan mode (read-only tools only).\n[[rule]]\nmcpName = ${JSON.stringify(server.name)}\ntoolName = [${tools}]\ndecision = "allow"\npriority = 100\nmodes = ["plan"]\n`;
}

function translate(line: JsonRecord, context: ParserContext): AgentEvent[] {
  switch (line.type) {
    case 'init': {
      const session = str(line.session_id);
      return session ? [{ type: 'session', session, ...opt('model', str(line.model)) }] : [];
    }
    case 'message': {
      const text = str(line.content);
      return line.role === 'assistant' && text ? [{ type: 'text', text }] : [];
    }
    case 'tool_use':
      return [toolCall(line, context)];
    case 'tool_result': {
      const error = str(rec(line.error)?.message);
      const output = str(line.output);
      return [{ type: 'tool_result', ...opt('id', str(line.tool_id)), ok: line.status === 'success',
        ...opt('summary', firstLine(error ?? output ?? '') || undefined) }];
    }
    case 'error': {
      const message = readableError(str(line.message) ?? 'Gemini CLI reported an error.');
      return [line.severity === 'warning' ? { type: 'diagnostic', message } : { type: 'error', message }];
    }
    case 'result':
      return result(line);
    default:
      return [];
  }
}

function toolCall(line: JsonRecord, context: ParserContext): AgentEvent {
  const name = str(line.tool_name) ?? 'tool';
  const input = rec(line.parameters) ?? {};
  const command = str(input.command);
  const file = str(input.file_path) ?? str(input.absolute_path) ?? str(input.dir_path) ?? str(input.path);
  const many = Array.isArray(input.paths) ? input.paths.filter((p): p is string => typeof p === 'string') : [];
  let paths = [...(file === undefined ? [] : [file]), ...many].map((p) => relativeTo(context.cwd, p));
  let summary = paths.join(', ') || undefined;
  if (name === 'run_shell_command' && command !== undefined) {
    paths = shellCommandPaths(command, context.cwd);
    summary = command;
  }
  const pattern = str(input.pattern) ?? str(input.query);
  if (pattern !== undefined) summary = [pattern, summary].filter(Boolean).join(' in ');
  const writes = WRITE_TOOLS.has(name) || (name === 'run_shell_command' && context.mode === 'poc');
  return { type: 'tool_call', ...opt('id', str(line.tool_id)), name, ...opt('summary', summary), paths, ...(writes ? { writes } : {}) };
}

function result(line: JsonRecord): AgentEvent[] {
  const stats = rec(line.stats);
  const ok = line.status === 'success';
  const events: AgentEvent[] = [];
  if (stats) {
    events.push({ type: 'usage', ...opt('input_tokens', num(stats.input_tokens)), ...opt('output_tokens', num(stats.output_tokens)) });
  }
  const raw = str(rec(line.error)?.message);
  const message = raw === undefined ? undefined : readableError(raw);
  if (!ok) events.push({ type: 'error', message: message ?? 'Gemini CLI reported a failure.' });
  events.push({ type: 'result', ok, ...opt('text', ok ? undefined : message) });
  return events;
}

/** `[API Error: {"error":{"code":500,"message":"..."}}]` becomes `API error 500: ...`. */
function readableError(message: string): string {
  const inner = /^\[API Error: (.*)\]$/s.exec(message.trim())?.[1];
  if (inner === undefined) return message;
  try {
    const error = rec(rec(JSON.parse(inner))?.error);
    const text = str(error?.message);
    const code = num(error?.code);
    if (text !== undefined) return `API error${code === undefined ? '' : ` ${code}`}: ${text}`;
  } catch {
    // Not JSON: keep the text as it came.
  }
  return `API error: ${inner}`;
}
