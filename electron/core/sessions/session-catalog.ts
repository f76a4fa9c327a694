// Finds the agents' sessions on this machine: every session file of every known agent, read one
// at a time (memory stays bounded by one file's turns) unless the cache knows it unchanged, a
// file that cannot be read listed with its problem, and a session left in two files (Gemini's
// resume) counted once.
import { stat } from 'node:fs/promises';
import { basename, resolve, sep } from 'node:path';
import type { Redactor } from '../agents/secret-redactor';
import { firstLine, type AgentSession, type SessionAgent, type SessionSource } from './agent-session';
import { claudeCodeSessions } from './claude-code-sessions';
import { codexSessions } from './codex-sessions';
import { geminiSessions } from './gemini-sessions';
import type { SessionCache, SessionHeader } from './session-cache';

export const SESSION_SOURCES: readonly SessionSource[] = [claudeCodeSessions, codexSessions, geminiSessions];

export interface SessionFilter {
  agent?: SessionAgent;
  /** A codebase: its folder name, or a folder (sessions that ran in it or below it). */
  repo?: string;
  /** Only sessions whose file changed at or after this time (ISO). */
  since?: string;
}

export interface UnreadableSession {
  agent: SessionAgent;
  file: string;
  message: string;
}

export interface SessionScan {
  /** Newest first. */
  sessions: SessionHeader[];
  unreadable: UnreadableSession[];
  /** Every session file seen, filtered or not (the cache keeps these). */
  files: Set<string>;
}

export interface ScanOptions {
  env: Record<string, string | undefined>;
  redact: Redactor;
  cache: SessionCache;
  filter?: SessionFilter;
  sources?: readonly SessionSource[];
}

export function sourceOf(agent: SessionAgent, sources: readonly SessionSource[] = SESSION_SOURCES): SessionSource {
  return sources.find((source) => source.agent === agent)!;
}

export async function scanSessions(options: ScanOptions): Promise<SessionScan> {
  const filter = options.filter ?? {};
  const since = filter.since ? Date.parse(filter.since) : undefined;
  const byId = new Map<string, SessionHeader>();
  const unreadable: UnreadableSession[] = [];
  const files = new Set<string>();
  for (const source of options.sources ?? SESSION_SOURCES) {
    if (filter.agent && source.agent !== filter.agent) continue;
    for (const root of new Set(source.roots(options.env))) {
      for (const file of await source.files(root)) {
        files.add(file);
        try {
          const info = await stat(file);
          if (since !== undefined && info.mtimeMs < since) continue;
          // Whole milliseconds: file systems and utimes keep mtimes at different precisions.
          const mtimeMs = Math.round(info.mtimeMs);
          if (options.cache.holdsNone(file, info.size, mtimeMs)) continue;
          const header = options.cache.header(file, info.size, mtimeMs) ?? (await readHeader(source, file, info.size, mtimeMs, options));
          if (!header || !matchesRepo(header, filter.repo)) continue;
          const key = `${header.agent}:${header.id}`;
          const seen = byId.get(key);
          if (!seen || header.turns > seen.turns) byId.set(key, header);
        } catch (error) {
          unreadable.push({ agent: source.agent, file, message: `It could not be read: ${error instanceof Error ? error.message : String(error)}` });
        }
      }
    }
  }
  const sessions = [...byId.values()].sort((a, b) => (b.ended ?? b.started ?? '').localeCompare(a.ended ?? a.started ?? ''));
  return { sessions, unreadable, files };
}

async function readHeader(source: SessionSource, file: string, bytes: number, mtimeMs: number, options: ScanOptions): Promise<SessionHeader | null> {
  const session = await source.read(file);
  if (!session) {
    options.cache.setNone(file, bytes, mtimeMs);
    return null;
  }
  const header = headerOf(session, mtimeMs, options.redact);
  options.cache.setHeader(header);
  return header;
}

export function headerOf(session: AgentSession, mtimeMs: number, redact: Redactor): SessionHeader {
  const first = session.turns.find((turn) => turn.prompt.trim() !== '');
  return {
    agent: session.agent,
    id: session.id,
    file: session.file,
    bytes: session.bytes,
    mtimeMs,
    ...(session.version ? { version: session.version } : {}),
    ...(session.project ? { project: session.project } : {}),
    ...(session.started ? { started: session.started } : {}),
    ...(session.ended ? { ended: session.ended } : {}),
    turns: session.turns.length,
    firstPrompt: firstLine(redact.text(first?.prompt ?? ''), 200),
    preview: firstLine(redact.text(session.turns.find((turn) => turn.answer)?.answer ?? ''), 200),
    problems: session.problems.map((problem) => redact.text(problem)),
  };
}

function matchesRepo(session: SessionHeader, repo: string | undefined): boolean {
  if (!repo) return true;
  if (!session.project) return false;
  if (!repo.includes('/') && !repo.includes(sep)) return basename(session.project) === repo;
  const folder = resolve(repo);
  return session.project === folder || session.project.startsWith(folder + sep);
}
