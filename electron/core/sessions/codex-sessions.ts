// Codex CLI's session logs ("rollouts"): `$CODEX_HOME/sessions/YYYY/MM/DD/rollout-<time>-<thread-id>.jsonl`
// (default `~/.codex`).
//
// Facts checked on Codex 0.171.0:
// - Lines are `{timestamp, type, payload}` (0.171 adds `ordinal`). `session_meta` comes first: `id`,
//   `cwd`, `cli_version`, `git: {commit_hash, branch}`, and a `history_mode` field (the format is
//   moving; a `migrate-rollouts` command exists). `turn_context` names the model.
// - The conversation is told twice: as `response_item`s (what the model saw, developer and
//   environment messages included) and as `event_msg`s. The reader follows the events:
//   `item_completed` with `UserMessage` (the prompt, exactly as typed), `AgentMessage` (answer
//   text), `CommandExecution` (its `parsed_cmd` already classifies reads: `{type: "read", path}`),
//   `FileChange` (`changes` keyed by absolute path); `token_count` carries running totals in
//   `info.total_token_usage`; `task_complete` the turn's `last_agent_message`.
// - Older versions wrote `event_msg` `user_message` / `agent_message` with a `message` string;
//   they are read the same way. Other line types (`world_state`, `token_usage_record`, …) are skipped.
// - A sub-agent (`spawn_agent`, feature multi_agent_v2) writes a rollout of its own beside its
//   parent's, whose session_meta has `parent_thread_id` (and `thread_source: "subagent"`): it is
//   no session of its own; its tool calls count for the parent's.
import { open, readdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { addAnswer, newTurn, type AgentSession, type SessionSource, type SessionTurn } from './agent-session';
import { readJsonLinesFile } from './json-lines-file';

type Json = Record<string, unknown>;

export const codexSessions: SessionSource = {
  agent: 'codex',
  roots(env) {
    return [join(env.CODEX_HOME ?? join(env.HOME ?? homedir(), '.codex'), 'sessions')];
  },
  async files(root) {
    const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries
      .filter((entry) => entry.isFile() && entry.name.startsWith('rollout-') && entry.name.endsWith('.jsonl'))
      .map((entry) => join(entry.parentPath, entry.name));
  },
  async read(file, onProgress) {
    const read = await readCodexFile(file, onProgress);
    // A sub-agent's rollout is part of the session that spawned it, not a session of its own.
    if (!read || read.parent) return null;
    const { session } = read;
    for (const child of await childRollouts(file, session.id)) {
      const sub = await readCodexFile(child);
      const last = session.turns.at(-1);
      if (!sub || !last) continue;
      for (const turn of sub.session.turns) last.tools.push(...turn.tools.map((tool) => ({ ...tool, name: `${tool.name} (sub-agent)` })));
      session.problems.push(...sub.session.problems.map((problem) => `Sub-agent ${basename(child)}: ${problem}`));
    }
    return session;
  },
};

/** The rollouts beside `file` (same day folder, where Codex writes them as it spawns) whose session_meta names `parent` as their parent thread. */
async function childRollouts(file: string, parent: string): Promise<string[]> {
  const folder = dirname(file);
  const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.startsWith('rollout-') && name.endsWith('.jsonl') && name !== basename(file));
  const children: string[] = [];
  for (const name of names.sort()) {
    const meta = await firstLine(join(folder, name));
    if (meta?.type === 'session_meta' && ((meta.payload ?? {}) as Json).parent_thread_id === parent) children.push(join(folder, name));
  }
  return children;
}

/** The first line of a file as JSON (a session_meta line is tens of KB), or null. */
async function firstLine(file: string, max = 1024 * 1024): Promise<Json | null> {
  const handle = await open(file, 'r').catch(() => null);
  if (!handle) return null;
  try {
    const buffer = Buffer.alloc(max);
    const { bytesRead } = await handle.read(buffer, 0, max, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    const end = text.indexOf('\n');
    const value: unknown = JSON.parse(end === -1 ? text : text.slice(0, end));
    return typeof value === 'object' && value !== null ? (value as Json) : null;
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

async function readCodexFile(file: string, onProgress?: (bytes: number) => void): Promise<{ session: AgentSession; parent?: string } | null> {
  const session: AgentSession = { agent: 'codex', id: '', file, bytes: 0, turns: [], usage: {}, problems: [] };
  let turn: SessionTurn | undefined;
  let sawMeta = false;
  let parent: string | undefined;

  const read = await readJsonLinesFile(file, (line) => {
    const payload = (line.payload ?? {}) as Json;
    const at = typeof line.timestamp === 'string' ? line.timestamp : undefined;
    if (at) {
      session.started ??= at;
      session.ended = at;
    }
    if (line.type === 'session_meta') {
      sawMeta = true;
      if (typeof payload.id === 'string') session.id = payload.id;
      if (typeof payload.cwd === 'string') session.project = payload.cwd;
      if (typeof payload.cli_version === 'string') session.version = payload.cli_version;
      if (typeof payload.parent_thread_id === 'string') parent = payload.parent_thread_id;
      const git = (payload.git ?? {}) as Json;
      if (typeof git.commit_hash === 'string' && git.commit_hash) session.commit = git.commit_hash;
      if (typeof git.branch === 'string' && git.branch) session.branch = git.branch;
      return;
    }
    if (line.type === 'turn_context') {
      if (typeof payload.model === 'string') session.model = payload.model;
      return;
    }
    if (line.type !== 'event_msg') return;
    const current = (): SessionTurn => {
      if (!turn) {
        turn = newTurn('', at);
        session.turns.push(turn);
      }
      return turn;
    };
    switch (payload.type) {
      case 'user_message':
        if (typeof payload.message === 'string') session.turns.push((turn = newTurn(payload.message, at)));
        return;
      case 'agent_message':
        if (typeof payload.message === 'string') addAnswer(current(), payload.message);
        return;
      case 'token_count': {
        const total = ((payload.info ?? {}) as Json).total_token_usage as Json | undefined;
        if (total && typeof total.input_tokens === 'number') session.usage.input_tokens = total.input_tokens;
        if (total && typeof total.output_tokens === 'number') session.usage.output_tokens = total.output_tokens;
        return;
      }
      case 'task_complete':
        if (turn && turn.answer === '' && typeof payload.last_agent_message === 'string') addAnswer(turn, payload.last_agent_message);
        return;
      case 'item_completed':
        readItem((payload.item ?? {}) as Json, at);
        return;
      default:
    }

    function readItem(item: Json, when: string | undefined) {
      if (item.type === 'UserMessage') {
        const text = texts(item.content);
        if (text !== '') session.turns.push((turn = newTurn(text, when)));
      } else if (item.type === 'AgentMessage') {
        addAnswer(current(), texts(item.content));
      } else if (item.type === 'CommandExecution') {
        const parsed = Array.isArray(item.parsed_cmd) ? (item.parsed_cmd as Json[]) : [];
        const command = Array.isArray(item.command) ? String(item.command.at(-1) ?? '') : '';
        current().tools.push({
          ...(typeof item.id === 'string' ? { id: item.id } : {}),
          name: 'exec_command',
          summary: command.slice(0, 200),
          reads: parsed.filter((cmd) => cmd.type === 'read' && typeof cmd.path === 'string').map((cmd) => cmd.path as string),
          writes: [],
          ok: item.exit_code === 0,
        });
      } else if (item.type === 'FileChange') {
        const paths = Object.keys((item.changes ?? {}) as Json);
        current().tools.push({
          ...(typeof item.id === 'string' ? { id: item.id } : {}),
          name: 'apply_patch',
          summary: paths.join(', ').slice(0, 200),
          reads: [],
          writes: paths,
          ok: item.status === 'completed',
        });
      }
    }
  }, { onProgress });

  session.bytes = read.bytes;
  session.problems.push(...read.problems);
  if (!sawMeta) session.problems.push('It has no session_meta line: its folder and commit are unknown (a format this reader does not know?).');
  if (!session.id) session.id = /([0-9a-f]{8}-[0-9a-f-]{27})\.jsonl$/.exec(file)?.[1] ?? file.replace(/^.*\//, '');
  if (!session.project && sawMeta) session.problems.push('Its session_meta does not say which folder it ran in (no cwd).');
  if (session.turns.length === 0 && read.problems.length === 0 && !parent) return null;
  return { session, ...(parent ? { parent } : {}) };
}

function texts(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) => (typeof part === 'object' && part !== null && typeof (part as Json).text === 'string' ? ((part as Json).text as string) : ''))
    .filter(Boolean)
    .join('\n\n');
}
