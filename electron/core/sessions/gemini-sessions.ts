// Gemini CLI's session logs: `~/.gemini/tmp/<project-slug>/chats/session-<time>-<id8>.jsonl`
// (`GEMINI_CLI_HOME` moves `~/.gemini`; slugs are mapped to folders in `~/.gemini/projects.json`).
//
// Facts checked on Gemini CLI 0.61.0:
// - Line 1 is metadata: `sessionId`, `projectHash` (sha256 of the project folder), `startTime`,
//   `lastUpdated`, `kind`. Then messages `{id, timestamp, type: user|gemini|info|error, content}`,
//   and `{"$set": …}` / `{"$rewindTo": id}` records, applied in order. `$set.messages` replaces
//   the whole list; a message id can repeat (the last one wins, in the first one's place).
// - `content` is a string or a list of parts (`text`, `functionCall`, `functionResponse`); tool
//   calls with their args and status are in `toolCalls` on gemini messages. The first user message
//   is Gemini's own `<session_context>` (not a prompt), and tool results come back as user
//   messages holding `functionResponse` parts only.
// - Each chat folder has a `.project_root` file naming the project folder.
// - `--resume` appends the new turns to the first file and also leaves a second file with the same
//   `sessionId` holding only the context: such a file has no turns and is not a session.
// - A sub-agent (`invoke_agent`) logs to `chats/<parent sessionId>/<its own id>.jsonl` in the same
//   format (`kind: "subagent"`); its first user message is the task it was given.
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { addAnswer, newTurn, type AgentSession, type SessionSource, type SessionToolCall, type SessionTurn } from './agent-session';
import { readJsonLinesFile } from './json-lines-file';

type Json = Record<string, unknown>;

const WRITE_TOOLS = new Set(['write_file', 'replace', 'edit']);
const READ_TOOLS = new Set(['read_file', 'read_many_files']);

export const geminiSessions: SessionSource = {
  agent: 'gemini',
  roots(env) {
    return [join(env.GEMINI_CLI_HOME ?? env.HOME ?? homedir(), '.gemini', 'tmp')];
  },
  async files(root) {
    const projects = await readdir(root, { withFileTypes: true }).catch(() => []);
    const found: string[] = [];
    for (const project of projects) {
      if (!project.isDirectory()) continue;
      const chats = join(root, project.name, 'chats');
      const entries = await readdir(chats, { withFileTypes: true }).catch(() => []);
      for (const entry of entries) if (entry.isFile() && /^session-.*\.jsonl$/.test(entry.name)) found.push(join(chats, entry.name));
    }
    return found;
  },
  async read(file, onProgress) {
    const session = await readGeminiFile(file, onProgress);
    if (!session) return null;
    // Sub-agents' reads and writes belong to the session that started them.
    const subagents = join(dirname(file), session.id);
    const names = await readdir(subagents).catch(() => [] as string[]);
    for (const name of names.filter((entry) => entry.endsWith('.jsonl')).sort()) {
      const sub = await readGeminiFile(join(subagents, name), undefined, true);
      const last = session.turns.at(-1);
      if (!sub || !last) continue;
      for (const turn of sub.turns) last.tools.push(...turn.tools.map((tool) => ({ ...tool, name: `${tool.name} (sub-agent)` })));
      session.problems.push(...sub.problems.map((problem) => `Sub-agent ${name}: ${problem}`));
    }
    return session;
  },
};

async function readGeminiFile(file: string, onProgress?: (bytes: number) => void, subagent = false): Promise<AgentSession | null> {
  const session: AgentSession = { agent: 'gemini', id: '', file, bytes: 0, turns: [], usage: {}, problems: [] };
  const messages = new Map<string, Json>();
  let projectHash: string | undefined;
  let first = true;

  const read = await readJsonLinesFile(file, (line) => {
    if (first) {
      first = false;
      if (typeof line.sessionId === 'string' && !('type' in line)) {
        session.id = line.sessionId;
        if (typeof line.projectHash === 'string') projectHash = line.projectHash;
        if (typeof line.startTime === 'string') session.started = line.startTime;
        if (typeof line.lastUpdated === 'string') session.ended = line.lastUpdated;
        return;
      }
    }
    if ('$set' in line) {
      const set = (line.$set ?? {}) as Json;
      if (Array.isArray(set.messages)) {
        messages.clear();
        for (const message of set.messages as Json[]) if (typeof message?.id === 'string') messages.set(message.id, message);
      }
      if (typeof set.lastUpdated === 'string') session.ended = set.lastUpdated;
      if (typeof set.sessionId === 'string') session.id = set.sessionId;
      return;
    }
    if (typeof line.$rewindTo === 'string') {
      let dropping = false;
      for (const id of [...messages.keys()]) {
        if (id === line.$rewindTo) dropping = true;
        if (dropping) messages.delete(id);
      }
      return;
    }
    if (typeof line.id === 'string' && typeof line.type === 'string') messages.set(line.id, line);
  }, { onProgress });

  session.bytes = read.bytes;
  session.problems.push(...read.problems);
  if (!session.id) session.id = file.replace(/^.*\//, '').replace(/\.jsonl$/, '');
  buildTurns(session, [...messages.values()]);
  if (subagent) return session;
  session.project = await projectFolder(file, projectHash);
  if (!session.project) session.problems.push('Its project folder is not recorded (no .project_root, nothing in projects.json matches its projectHash).');
  if (session.turns.length === 0 && read.problems.length === 0) return null;
  return session;
}

function buildTurns(session: AgentSession, messages: Json[]): void {
  let turn: SessionTurn | undefined;
  let input = 0;
  let output = 0;
  for (const message of messages) {
    const at = typeof message.timestamp === 'string' ? message.timestamp : undefined;
    if (message.type === 'user') {
      const prompt = partsText(message.content);
      if (prompt === '' || prompt.trimStart().startsWith('<session_context>')) continue;
      session.turns.push((turn = newTurn(prompt, at)));
      continue;
    }
    if (message.type !== 'gemini' || !turn) continue;
    if (typeof message.model === 'string') session.model = message.model;
    const tokens = (message.tokens ?? {}) as Json;
    input += typeof tokens.input === 'number' ? tokens.input : 0;
    output += typeof tokens.output === 'number' ? tokens.output : 0;
    addAnswer(turn, partsText(message.content));
    const calls = Array.isArray(message.toolCalls) ? (message.toolCalls as Json[]) : [];
    for (const call of calls) turn.tools.push(toolCall(call));
  }
  if (input) session.usage.input_tokens = input;
  if (output) session.usage.output_tokens = output;
}

function toolCall(call: Json): SessionToolCall {
  const name = typeof call.name === 'string' ? call.name : 'tool';
  const args = (call.args ?? {}) as Json;
  const path = [args.file_path, args.absolute_path, args.path].find((value): value is string => typeof value === 'string');
  const paths = Array.isArray(args.paths) ? args.paths.filter((value): value is string => typeof value === 'string') : [];
  const summary = path ?? (typeof args.command === 'string' ? args.command : typeof args.pattern === 'string' ? args.pattern : undefined);
  return {
    ...(typeof call.id === 'string' ? { id: call.id } : {}),
    name,
    ...(summary ? { summary: summary.slice(0, 200) } : {}),
    reads: READ_TOOLS.has(name) ? [...(path ? [path] : []), ...paths] : [],
    writes: WRITE_TOOLS.has(name) && path ? [path] : [],
    ...(typeof call.status === 'string' ? { ok: call.status === 'success' } : {}),
  };
}

/** The text parts of a message (functionCall and functionResponse parts are not text). */
function partsText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) => (typeof part === 'object' && part !== null && typeof (part as Json).text === 'string' ? ((part as Json).text as string) : ''))
    .filter(Boolean)
    .join('');
}

/** The chat folder's `.project_root`, else the projects.json entry whose path hashes to `projectHash`. */
async function projectFolder(file: string, projectHash: string | undefined): Promise<string | undefined> {
  const slugDir = dirname(dirname(file));
  const root = (await readFile(join(slugDir, '.project_root'), 'utf8').catch(() => '')).trim();
  if (root) return root;
  if (!projectHash) return undefined;
  const listing = await readFile(join(dirname(dirname(slugDir)), 'projects.json'), 'utf8').catch(() => '');
  try {
    const projects = ((JSON.parse(listing) as Json).projects ?? {}) as Json;
    return Object.keys(projects).find((path) => createHash('sha256').update(path).digest('hex') === projectHash);
  } catch {
    return undefined;
  }
}
