// The sessions.* handlers: list the agents' sessions on this machine, and import them as notes.
import { basename } from 'node:path';
import type { ApiHandlers } from '../../../shared/contract';
import { ApiError } from '../../../shared/contract/errors';
import type { SessionListing } from '../../../shared/contract/sessions';
import type { Env } from '../agents/agent-adapter';
import type { EventBus } from '../../../shared/event-bus';
import { createRedactor } from '../agents/secret-redactor';
import type { EngineEvents } from '../engine-events';
import type { Notebook } from '../notebook/notebook';
import type { NotebookSession } from '../notebook/notebook-session';
import { SessionCache, type ImportMark, type SessionHeader } from './session-cache';
import { scanSessions, type SessionFilter } from './session-catalog';
import { ImportedNotes } from './session-import';
import { importSessions } from './session-imports';

export interface SessionsDeps {
  session: NotebookSession;
  /** The environment the agents read their folders from (CLAUDE_CONFIG_DIR, CODEX_HOME, GEMINI_CLI_HOME, HOME). */
  env: () => Env;
  /** Where import progress is told (`sessions.progress`). */
  events?: EventBus<EngineEvents>;
}

export function sessionsHandlers(deps: SessionsDeps): Pick<ApiHandlers, 'sessions.list' | 'sessions.import'> {
  return {
    'sessions.list': async (input) => {
      const notebook = deps.session.require();
      const env = deps.env();
      const cache = await SessionCache.load(notebook.root);
      const scan = await scanSessions({ env, redact: createRedactor(env), cache, filter: filterOf(input) });
      const imported = new ImportedNotes(notebook);
      const sessions: SessionListing[] = [];
      for (const header of scan.sessions) {
        const mark = await importMark(notebook, cache, imported, header);
        sessions.push({ ...listing(header), imported: mark ? { noteId: mark.noteId, path: notebook.pathOf(mark.noteId)!, current: mark.bytes === header.bytes } : null });
      }
      await cache.save(input.agent || input.repo || input.since ? undefined : scan.files);
      return { sessions, unreadable: scan.unreadable };
    },
    'sessions.import': async (input) => {
      if (input.ids.length === 0 && !input.all) {
        throw new ApiError('BAD_INPUT', 'Name the sessions to import (their ids), or ask for all of them.');
      }
      return importSessions({
        notebook: deps.session.require(),
        env: deps.env(),
        filter: filterOf(input),
        ...(input.all ? {} : { choose: (found: SessionHeader[]) => pick(found, input.ids) }),
        onProgress: (progress) => deps.events?.emit('sessions.progress', progress),
      });
    },
  };
}

/** The note a session went into: the cache's word when that note still exists, else found by its `imported_from`. */
async function importMark(notebook: Notebook, cache: SessionCache, imported: ImportedNotes, header: SessionHeader): Promise<ImportMark | undefined> {
  const mark = cache.imported(header.file);
  if (mark && notebook.pathOf(mark.noteId) !== undefined) return mark;
  const note = await imported.find(header);
  const from = note?.frontmatter?.imported_from;
  if (!note || !from) return undefined;
  const found = { noteId: note.summary.id, bytes: from.bytes ?? 0 };
  cache.markImported(header.file, found);
  return found;
}

export function filterOf(input: SessionFilter): SessionFilter {
  return { ...(input.agent ? { agent: input.agent } : {}), ...(input.repo ? { repo: input.repo } : {}), ...(input.since ? { since: input.since } : {}) };
}

/** The sessions named by id (a unique start of an id is enough); an id matching none is an error. */
function pick(sessions: SessionHeader[], ids: string[]): SessionHeader[] {
  return ids.map((id) => {
    const exact = sessions.find((session) => session.id === id);
    if (exact) return exact;
    const matches = sessions.filter((session) => session.id.startsWith(id));
    if (matches.length === 0) throw new ApiError('NOT_FOUND', `No session ${id} among the agents’ sessions on this machine.`);
    if (matches.length > 1) throw new ApiError('BAD_INPUT', `${id} is the start of ${matches.length} sessions' ids; give more of it.`);
    return matches[0]!;
  });
}

function listing(header: SessionHeader): Omit<SessionListing, 'imported'> {
  return {
    agent: header.agent,
    id: header.id,
    file: header.file,
    ...(header.version ? { version: header.version } : {}),
    ...(header.project ? { project: header.project, repo: basename(header.project) } : {}),
    firstPrompt: header.firstPrompt,
    preview: header.preview,
    turns: header.turns,
    ...(header.started ? { started: header.started } : {}),
    ...(header.ended ? { ended: header.ended } : {}),
    problems: header.problems,
  };
}
