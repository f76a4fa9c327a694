// Finds the agents' sessions on this machine: every session file of every known agent, read in
// turn (one at a time, so memory stays bounded by one file's turns), a file that cannot be read
// listed with its problem, and a session left in two files (Gemini's resume) counted once.
import { stat } from 'node:fs/promises';
import { basename, resolve, sep } from 'node:path';
import type { AgentSession, SessionAgent, SessionSource } from './agent-session';
import { claudeCodeSessions } from './claude-code-sessions';
import { codexSessions } from './codex-sessions';
import { geminiSessions } from './gemini-sessions';

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
  sessions: AgentSession[];
  unreadable: UnreadableSession[];
}

export interface ScanOptions {
  env: Record<string, string | undefined>;
  filter?: SessionFilter;
  sources?: readonly SessionSource[];
  /** Called after each file, for a progress display. */
  onFile?: (done: number, total: number) => void;
}

export async function scanSessions(options: ScanOptions): Promise<SessionScan> {
  const filter = options.filter ?? {};
  const since = filter.since ? Date.parse(filter.since) : undefined;
  const files: Array<{ source: SessionSource; file: string }> = [];
  for (const source of options.sources ?? SESSION_SOURCES) {
    if (filter.agent && source.agent !== filter.agent) continue;
    for (const root of new Set(source.roots(options.env))) {
      for (const file of await source.files(root)) files.push({ source, file });
    }
  }
  const byId = new Map<string, AgentSession>();
  const unreadable: UnreadableSession[] = [];
  let done = 0;
  for (const { source, file } of files) {
    try {
      if (since !== undefined && (await stat(file)).mtimeMs < since) continue;
      const session = await source.read(file);
      if (!session || !matchesRepo(session, filter.repo)) continue;
      const key = `${session.agent}:${session.id}`;
      const seen = byId.get(key);
      if (!seen || session.turns.length > seen.turns.length) byId.set(key, session);
    } catch (error) {
      unreadable.push({ agent: source.agent, file, message: `It could not be read: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      options.onFile?.(++done, files.length);
    }
  }
  const sessions = [...byId.values()].sort((a, b) => (b.ended ?? b.started ?? '').localeCompare(a.ended ?? a.started ?? ''));
  return { sessions, unreadable };
}

function matchesRepo(session: AgentSession, repo: string | undefined): boolean {
  if (!repo) return true;
  if (!session.project) return false;
  if (!repo.includes('/') && !repo.includes(sep)) return basename(session.project) === repo;
  const folder = resolve(repo);
  return session.project === folder || session.project.startsWith(folder + sep);
}
