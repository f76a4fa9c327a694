// What a session becomes in the notebook: the note's fields (title and question from the first
// prompt, mode by whether files changed, the repo at the session's commit, the files it read with
// their blob hashes), its body (a section per turn) and its transcript in our event format.
import { basename, isAbsolute, relative, sep } from 'node:path';
import type { AgentEvent } from '../../../shared/model/agent-event';
import type { NewNote, RepoRef, Source } from '../../../shared/model/note';
import type { Redactor } from '../agents/secret-redactor';
import { blobHashes } from '../repos/blob-hashes';
import { firstLine, type AgentSession, type SessionTurn } from './agent-session';
import { SessionRepos } from './session-repos';

/** A note's fields for a session, without the body. */
export type SessionNoteFields = Omit<NewNote, 'body'>;

/** The note of a session: its fields, and what could not be found out (a vanished project folder). */
export interface SessionNote {
  fields: SessionNoteFields;
  problems: string[];
}

export async function sessionNoteFields(session: AgentSession, redact: Redactor, repos = new SessionRepos()): Promise<SessionNote> {
  const problems: string[] = [];
  const prompt = redact.text(session.turns.find((turn) => turn.prompt.trim() !== '')?.prompt ?? '');
  const title = cleanTitle(firstLine(prompt, 100)) || `${session.agent} session ${session.id.slice(0, 8)}`;
  const writes = session.turns.some((turn) => turn.tools.some((tool) => tool.writes.length > 0));
  const { repo, root } = await repoOf(session, problems, repos);
  const sources = await sourcesOf(session, repo, root);
  const started = session.started ?? session.ended;
  const duration = started && session.ended ? Date.parse(session.ended) - Date.parse(started) : undefined;
  const fields: SessionNoteFields = {
    title,
    ...(prompt ? { question: prompt } : {}),
    mode: writes ? 'poc' : 'explain',
    status: 'done',
    ...(repo ? { repo } : {}),
    agent: {
      id: session.agent,
      ...(session.version ? { version: session.version } : {}),
      ...(session.model ? { model: session.model } : {}),
      session: session.id,
    },
    ...(started ? { created: started } : {}),
    ...(session.ended ? { finished: session.ended } : {}),
    ...(duration !== undefined && duration >= 0 ? { duration_ms: duration } : {}),
    ...(Object.keys(session.usage).length > 0 ? { usage: { ...session.usage } } : {}),
    sources,
    tags: ['imported', session.agent],
    imported_from: { agent: session.agent, path: session.file, session: session.id, turns: session.turns.length, bytes: session.bytes },
  };
  return { fields, problems };
}

/** The body for the first `count` turns: the answer alone for a one-turn session, else a section per turn. */
export function sessionBody(turns: readonly SessionTurn[], redact: Redactor): string {
  if (turns.length === 1) return `${redact.text(turns[0]!.answer).trim()}\n`;
  return turns.map((turn, i) => turnSection(turn, i, redact)).join('\n');
}

/** One turn as a section of the body: the prompt as its heading and quote, then the answer. */
export function turnSection(turn: SessionTurn, index: number, redact: Redactor): string {
  const prompt = redact.text(turn.prompt).trim();
  const heading = cleanTitle(firstLine(prompt, 80)) || `Turn ${index + 1}`;
  const quote = prompt.split('\n').map((line) => `> ${line}`.trimEnd()).join('\n');
  return `## ${index + 1}. ${heading}\n\n${quote}\n\n${redact.text(turn.answer).trim() || '_(no answer in this turn)_'}\n`;
}

/** The turns as agent events (our transcript format), redacted. */
export function sessionEvents(session: AgentSession, turns: readonly SessionTurn[], first: boolean, redact: Redactor): AgentEvent[] {
  const events: AgentEvent[] = first ? [{ type: 'session', session: session.id, ...(session.model ? { model: session.model } : {}) }] : [];
  for (const turn of turns) {
    if (turn.prompt) events.push({ type: 'diagnostic', message: `prompt: ${turn.prompt}` });
    for (const tool of turn.tools) {
      events.push({
        type: 'tool_call', ...(tool.id ? { id: tool.id } : {}), name: tool.name, ...(tool.summary ? { summary: tool.summary } : {}),
        paths: [...tool.reads, ...tool.writes], ...(tool.writes.length > 0 ? { writes: true } : {}),
      });
      if (tool.ok !== undefined) events.push({ type: 'tool_result', ...(tool.id ? { id: tool.id } : {}), ok: tool.ok });
    }
    if (turn.answer) events.push({ type: 'text', text: turn.answer });
  }
  if (Object.keys(session.usage).length > 0) events.push({ type: 'usage', ...session.usage });
  return events.map((event) => redact.event(event));
}

/** The repo of the session's folder, at the commit the session ran at (left out rather than guessed). */
async function repoOf(session: AgentSession, problems: string[], repos: SessionRepos): Promise<{ repo?: RepoRef; root?: string }> {
  if (!session.project) return {};
  const facts = await repos.factsOf(session.project);
  if (!facts) {
    problems.push(`Its project folder ${session.project} no longer exists: the note has no commit and no source hashes.`);
    return { repo: { name: basename(session.project), path: session.project, ...(session.branch ? { branch: session.branch } : {}) } };
  }
  const repo: RepoRef = { name: facts.name, path: session.project };
  if (facts.remote) repo.remote = facts.remote;
  const branch = session.branch ?? facts.branch;
  if (branch) repo.branch = branch;
  if (!facts.isGit || !facts.root) return { repo };
  // Git's log, not HEAD now: the commit that was HEAD when the session started, as near as history tells.
  const commit = session.commit ?? (await repos.commitAt(facts.root, session.started ?? session.ended));
  if (commit) repo.commit = commit;
  return { repo, root: facts.root };
}

/** The files the session read, relative to the repo, with their blob hashes at the commit. */
async function sourcesOf(session: AgentSession, repo: RepoRef | undefined, root: string | undefined): Promise<Source[]> {
  const base = root ?? session.project;
  const paths = new Set<string>();
  for (const turn of session.turns) {
    for (const tool of turn.tools) {
      for (const path of tool.reads) {
        const rel = inside(base, session.project, path);
        if (rel) paths.add(rel);
      }
    }
  }
  const list = [...paths];
  const hashes = root && repo?.commit ? await blobHashes(root, repo.commit, list) : new Map<string, string>();
  return list.map((path) => ({ path, ...(hashes.has(path) ? { blob: hashes.get(path) } : {}) }));
}

/** A path made relative to the repo root (relative paths are the project folder's), or null when outside it. */
function inside(base: string | undefined, project: string | undefined, path: string): string | null {
  if (!base) return isAbsolute(path) ? null : path;
  const absolute = isAbsolute(path) ? path : `${project ?? base}${sep}${path}`;
  const rel = relative(base, absolute);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  return rel.split(sep).join('/');
}

/** A title without control or invisible characters (titles must be one line of visible text). */
function cleanTitle(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, '').replace(/^#+\s*/, '').trim();
}
