// The sessions.* handlers: list the agents' sessions on this machine, and import them as notes.
import { basename } from 'node:path';
import type { ApiHandlers } from '../../../shared/contract';
import { ApiError } from '../../../shared/contract/errors';
import type { SessionListing } from '../../../shared/contract/sessions';
import type { Env } from '../agents/agent-adapter';
import { createRedactor, type Redactor } from '../agents/secret-redactor';
import type { NotebookSession } from '../notebook/notebook-session';
import { firstLine, type AgentSession } from './agent-session';
import { scanSessions, type SessionFilter } from './session-catalog';
import { ImportedNotes, importSession, type SessionImportResult } from './session-import';

export interface SessionsDeps {
  session: NotebookSession;
  /** The environment the agents read their folders from (CLAUDE_CONFIG_DIR, CODEX_HOME, GEMINI_CLI_HOME, HOME). */
  env: () => Env;
}

export function sessionsHandlers(deps: SessionsDeps): Pick<ApiHandlers, 'sessions.list' | 'sessions.import'> {
  return {
    'sessions.list': async (input) => {
      const notebook = deps.session.require();
      const env = deps.env();
      const scan = await scanSessions({ env, filter: filterOf(input) });
      const redact = createRedactor(env);
      const imported = new ImportedNotes(notebook);
      const sessions: SessionListing[] = [];
      for (const session of scan.sessions) {
        const note = await imported.find(session);
        const from = note?.frontmatter?.imported_from;
        sessions.push({
          ...listing(session, redact),
          imported: note ? { noteId: note.summary.id, path: note.summary.path, current: from?.bytes === session.bytes } : null,
        });
      }
      return { sessions, unreadable: scan.unreadable };
    },
    'sessions.import': async (input) => {
      if (input.ids.length === 0 && !input.all) {
        throw new ApiError('BAD_INPUT', 'Name the sessions to import (their ids), or ask for all of them.');
      }
      const notebook = deps.session.require();
      const env = deps.env();
      const scan = await scanSessions({ env, filter: filterOf(input) });
      const wanted = input.all ? scan.sessions : pick(scan.sessions, input.ids);
      const redact = createRedactor(env);
      const imported = new ImportedNotes(notebook);
      const results: SessionImportResult[] = [];
      for (const session of wanted) {
        results.push(await importSession(notebook, imported, session, redact).catch((error: unknown) => ({
          agent: session.agent, session: session.id, status: 'failed' as const, problems: session.problems,
          message: error instanceof Error ? error.message : String(error),
        })));
      }
      return { results, unreadable: scan.unreadable };
    },
  };
}

function filterOf(input: SessionFilter): SessionFilter {
  return { ...(input.agent ? { agent: input.agent } : {}), ...(input.repo ? { repo: input.repo } : {}), ...(input.since ? { since: input.since } : {}) };
}

/** The sessions named by id (a unique start of an id is enough); an id matching none is an error. */
function pick(sessions: AgentSession[], ids: string[]): AgentSession[] {
  return ids.map((id) => {
    const matches = sessions.filter((session) => session.id === id || session.id.startsWith(id));
    if (matches.length === 0) throw new ApiError('NOT_FOUND', `No session ${id} among the agents’ sessions on this machine.`);
    if (matches.length > 1 && !matches.some((session) => session.id === id)) {
      throw new ApiError('BAD_INPUT', `${id} is the start of ${matches.length} sessions' ids; give more of it.`);
    }
    return matches.find((session) => session.id === id) ?? matches[0]!;
  });
}

function listing(session: AgentSession, redact: Redactor): Omit<SessionListing, 'imported'> {
  const first = session.turns.find((turn) => turn.prompt.trim() !== '');
  return {
    agent: session.agent,
    id: session.id,
    file: session.file,
    ...(session.version ? { version: session.version } : {}),
    ...(session.project ? { project: session.project, repo: basename(session.project) } : {}),
    firstPrompt: firstLine(redact.text(first?.prompt ?? ''), 200),
    preview: firstLine(redact.text(session.turns.find((turn) => turn.answer)?.answer ?? ''), 200),
    turns: session.turns.length,
    ...(session.started ? { started: session.started } : {}),
    ...(session.ended ? { ended: session.ended } : {}),
    problems: session.problems,
  };
}
