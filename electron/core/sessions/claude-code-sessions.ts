// Claude Code's session logs: `$CLAUDE_CONFIG_DIR/projects/<slug>/<session-id>.jsonl` (default
// `~/.claude`, `~/.config/claude` also seen), sub-agents under `<session-id>/subagents/`.
//
// Facts checked on Claude Code 2.1.332:
// - One JSON object per line. `user` and `assistant` lines carry the conversation; `summary` a
//   title; everything else is bookkeeping (`queue-operation`, `attachment`, `cost-state`,
//   `api-request`, `api-request-shape`, `api-request-blob`, `last-prompt`, `tools-used`, `mode`,
//   `atis-latch`, …) and is skipped, except `cost-state`, whose last line holds the session's
//   total cost and tokens per model.
// - A prompt is a `user` line whose `message.content` is a string (or text blocks); a tool result
//   comes back in a `user` line as a `tool_result` block, with a structured `toolUseResult`
//   (for Read: `file.filePath`; for Write: `type: "create"`, `filePath`).
// - An assistant line holds one content block (`text`, `tool_use`, `thinking`); the lines of one
//   reply share `message.id` and repeat its `usage`, so usage is counted once per message id.
// - `cwd`, `sessionId`, `gitBranch`, `version` are on most lines (not on bookkeeping ones). The
//   project slug is lossy (`/`, `.`, `_` all become `-`): the project is taken from `cwd`.
// - `isSidechain: true` marks side branches; `isMeta: true` marks prompts Claude Code wrote itself,
//   `isCompactSummary: true` (not seen in these runs; older logs have it) the summary `/compact`
//   leaves in place of the turns before it; so do string prompts starting with a tag
//   (`<task-notification>` when a background sub-agent finishes, `<command-name>` for slash commands).
// - A sub-agent (the `Agent` tool) logs to `<session-id>/subagents/agent-<id>.jsonl`, every line
//   `isSidechain: true` with an `agentId`; its first user line is the task it was given.
import { readdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { addAnswer, newTurn, type AgentSession, type SessionSource, type SessionToolCall, type SessionTurn } from './agent-session';
import { readJsonLinesFile } from './json-lines-file';

const WRITE_TOOLS = new Set(['Write', 'Edit', 'MultiEdit', 'NotebookEdit']);
/** Prompts Claude Code writes into the log itself (slash commands' output, caveats). */
const NOT_A_PROMPT = /^<(command-name|command-message|local-command-stdout|local-command-caveat|system-reminder|task-notification)>/;

type Json = Record<string, unknown>;

export const claudeCodeSessions: SessionSource = {
  agent: 'claude-code',
  roots(env) {
    if (env.CLAUDE_CONFIG_DIR) return [join(env.CLAUDE_CONFIG_DIR, 'projects')];
    const home = env.HOME ?? homedir();
    return [join(home, '.claude', 'projects'), join(home, '.config', 'claude', 'projects')];
  },
  async files(root) {
    const projects = await readdir(root, { withFileTypes: true }).catch(() => []);
    const found: string[] = [];
    for (const project of projects) {
      if (!project.isDirectory()) continue;
      const entries = await readdir(join(root, project.name), { withFileTypes: true }).catch(() => []);
      for (const entry of entries) if (entry.isFile() && entry.name.endsWith('.jsonl')) found.push(join(root, project.name, entry.name));
    }
    return found;
  },
  async read(file, onProgress) {
    const session = await readClaudeFile(file, onProgress);
    if (!session) return null;
    // Sub-agents' reads and writes belong to the session that started them.
    const subagents = join(file.replace(/\.jsonl$/, ''), 'subagents');
    const names = await readdir(subagents).catch(() => [] as string[]);
    for (const name of names.filter((entry) => entry.endsWith('.jsonl')).sort()) {
      const sub = await readClaudeFile(join(subagents, name), undefined, true);
      const last = session.turns.at(-1);
      if (!sub || !last) continue;
      for (const turn of sub.turns) last.tools.push(...turn.tools.map((tool) => ({ ...tool, name: `${tool.name} (sub-agent)` })));
      session.problems.push(...sub.problems.map((problem) => `Sub-agent ${name}: ${problem}`));
    }
    return session;
  },
};

async function readClaudeFile(file: string, onProgress?: (bytes: number) => void, sidechain = false): Promise<AgentSession | null> {
  const session: AgentSession = { agent: 'claude-code', id: '', file, bytes: 0, turns: [], usage: {}, problems: [] };
  const toolsById = new Map<string, SessionToolCall>();
  const counted = new Set<string>();
  let turn: SessionTurn | undefined;
  let summed = { input: 0, output: 0 };
  let totals: { input?: number; output?: number; cost?: number } | undefined;

  const read = await readJsonLinesFile(file, (line) => {
    const type = line.type;
    if (typeof line.sessionId === 'string' && !session.id) session.id = line.sessionId;
    if (type === 'cost-state') {
      totals = costState(line);
      return;
    }
    if (type !== 'user' && type !== 'assistant') return;
    if (line.isSidechain === true && !sidechain) return;
    if (typeof line.cwd === 'string' && !session.project) session.project = line.cwd;
    if (typeof line.gitBranch === 'string' && line.gitBranch && line.gitBranch !== 'HEAD') session.branch = line.gitBranch;
    if (typeof line.version === 'string') session.version = line.version;
    const at = typeof line.timestamp === 'string' ? line.timestamp : undefined;
    if (at) {
      session.started ??= at;
      session.ended = at;
    }
    const message = (line.message ?? {}) as Json;
    if (type === 'user') {
      const prompt = promptText(message.content);
      if (prompt !== null && line.isMeta !== true && line.isCompactSummary !== true) {
        turn = newTurn(prompt, at);
        session.turns.push(turn);
        return;
      }
      for (const block of blocks(message.content)) {
        if (block.type !== 'tool_result' || typeof block.tool_use_id !== 'string') continue;
        const tool = toolsById.get(block.tool_use_id);
        if (!tool) continue;
        tool.ok = block.is_error !== true;
        const result = (line.toolUseResult ?? {}) as Json;
        const readPath = ((result.file ?? {}) as Json).filePath;
        if (typeof readPath === 'string' && !tool.reads.includes(readPath) && !tool.writes.includes(readPath)) tool.reads.push(readPath);
      }
      return;
    }
    if (typeof message.model === 'string' && message.model !== '<synthetic>') session.model = message.model;
    countUsage(message);
    if (!turn) {
      // A sub-agent's log starts with the task it was given as its prompt; without one, answers still count.
      turn = newTurn('', at);
      session.turns.push(turn);
    }
    for (const block of blocks(message.content)) {
      if (block.type === 'text' && typeof block.text === 'string') addAnswer(turn, block.text);
      if (block.type === 'tool_use' && typeof block.name === 'string') {
        const tool = toolCall(block);
        turn.tools.push(tool);
        if (tool.id) toolsById.set(tool.id, tool);
      }
    }
  }, { onProgress });

  function countUsage(message: Json) {
    const usage = message.usage as Json | undefined;
    const id = typeof message.id === 'string' ? message.id : undefined;
    if (!usage || (id && counted.has(id))) return;
    if (id) counted.add(id);
    summed = {
      input: summed.input + num(usage.input_tokens) + num(usage.cache_creation_input_tokens) + num(usage.cache_read_input_tokens),
      output: summed.output + num(usage.output_tokens),
    };
  }

  session.bytes = read.bytes;
  session.problems.push(...read.problems);
  if (!session.id) session.id = file.replace(/^.*\//, '').replace(/\.jsonl$/, '');
  if (session.turns.length === 0 && read.problems.length === 0 && !sidechain) return null;
  if (!session.project && !sidechain) session.problems.push('No line says which folder the session ran in (no cwd).');
  const final = totals ?? { input: summed.input, output: summed.output };
  session.usage = {
    ...(final.input ? { input_tokens: final.input } : {}),
    ...(final.output ? { output_tokens: final.output } : {}),
    ...(final.cost !== undefined ? { cost_usd: final.cost } : {}),
  };
  return session;
}

/** The prompt of a user line, or null when it carries tool results only. */
function promptText(content: unknown): string | null {
  if (typeof content === 'string') return NOT_A_PROMPT.test(content.trim()) ? null : content;
  const texts = blocks(content).filter((block) => block.type === 'text' && typeof block.text === 'string').map((block) => block.text as string);
  if (texts.length === 0 || blocks(content).some((block) => block.type === 'tool_result')) return null;
  const text = texts.join('\n\n');
  return NOT_A_PROMPT.test(text.trim()) ? null : text;
}

function toolCall(block: Json): SessionToolCall {
  const name = block.name as string;
  const input = (block.input ?? {}) as Json;
  const path = [input.file_path, input.notebook_path, input.path].find((value): value is string => typeof value === 'string');
  const summary = path ?? (typeof input.command === 'string' ? input.command : typeof input.pattern === 'string' ? input.pattern : undefined);
  const writes = WRITE_TOOLS.has(name) && path ? [path] : [];
  const reads = !WRITE_TOOLS.has(name) && path && name === 'Read' ? [path] : [];
  return { ...(typeof block.id === 'string' ? { id: block.id } : {}), name, ...(summary ? { summary: summary.slice(0, 200) } : {}), reads, writes };
}

/** The totals of a `cost-state` line: the session's cost, and its tokens summed over models. */
function costState(line: Json): { input?: number; output?: number; cost?: number } {
  const models = Object.values((line.modelUsage ?? {}) as Record<string, Json>);
  const input = models.reduce((sum, model) => sum + num(model.inputTokens) + num(model.cacheReadInputTokens) + num(model.cacheCreationInputTokens), 0);
  const output = models.reduce((sum, model) => sum + num(model.outputTokens), 0);
  return { input, output, ...(typeof line.totalCostUSD === 'number' ? { cost: line.totalCostUSD } : {}) };
}

function blocks(content: unknown): Json[] {
  return Array.isArray(content) ? content.filter((block): block is Json => typeof block === 'object' && block !== null) : [];
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
