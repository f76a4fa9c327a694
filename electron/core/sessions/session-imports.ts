// One import of sessions into the open notebook, shared by `sessions.import` and "Capture new
// sessions": the files are scanned (the cache spares unchanged ones), the chosen sessions are read
// as streams with their progress told, and each becomes or updates its note.
import type { SessionImportProgress } from '../../../shared/contract/sessions';
import type { Env } from '../agents/agent-adapter';
import { createRedactor, type Redactor } from '../agents/secret-redactor';
import type { Notebook } from '../notebook/notebook';
import { SessionCache, type SessionHeader } from './session-cache';
import { scanSessions, sourceOf, type SessionFilter, type UnreadableSession } from './session-catalog';
import { ImportedNotes, importSession, type SessionImportResult } from './session-import';
import { SessionRepos } from './session-repos';

/** Progress is told at most this many times per file (and at its end). */
const PROGRESS_STEPS = 100;
const MIN_PROGRESS_STEP = 256 * 1024;

export interface SessionImportRun {
  notebook: Notebook;
  env: Env;
  filter: SessionFilter;
  /** The sessions to import among those found (all of them when absent). */
  choose?: (found: SessionHeader[]) => SessionHeader[];
  onProgress?: (progress: SessionImportProgress) => void;
}

export async function importSessions(run: SessionImportRun): Promise<{ results: SessionImportResult[]; unreadable: UnreadableSession[] }> {
  const { notebook } = run;
  const redact = createRedactor(run.env);
  const cache = await SessionCache.load(notebook.root);
  const scan = await scanSessions({ env: run.env, redact, cache, filter: run.filter });
  const wanted = run.choose ? run.choose(scan.sessions) : scan.sessions;
  const imported = new ImportedNotes(notebook);
  const repos = new SessionRepos();
  const results: SessionImportResult[] = [];
  for (const header of wanted) {
    const mark = cache.imported(header.file);
    const path = mark ? notebook.pathOf(mark.noteId) : undefined;
    if (mark && path && mark.bytes === header.bytes) {
      // Nothing new since it was imported: not even the session file is read again.
      results.push({ agent: header.agent, session: header.id, status: 'unchanged', noteId: mark.noteId, path, problems: header.problems });
      continue;
    }
    const result = await importOne({ notebook, imported, redact, repos }, header, run.onProgress);
    if (result.noteId && result.result.status !== 'failed') cache.markImported(header.file, { noteId: result.noteId, bytes: result.bytes ?? header.bytes });
    results.push(result.result);
  }
  await cache.save();
  return { results, unreadable: scan.unreadable };
}

interface ImportContext {
  notebook: Notebook;
  imported: ImportedNotes;
  redact: Redactor;
  repos: SessionRepos;
}

async function importOne(
  { notebook, imported, redact, repos }: ImportContext,
  header: SessionHeader,
  onProgress: SessionImportRun['onProgress'],
): Promise<{ result: SessionImportResult; noteId?: string; bytes?: number }> {
  try {
    const session = await sourceOf(header.agent).read(header.file, progressOf(header, onProgress));
    if (!session) return { result: { agent: header.agent, session: header.id, status: 'failed', message: 'No conversation could be read from it.', problems: header.problems } };
    const result = await importSession(notebook, imported, session, redact, repos);
    return { result, ...(result.noteId ? { noteId: result.noteId } : {}), bytes: session.bytes };
  } catch (error) {
    return { result: { agent: header.agent, session: header.id, status: 'failed', problems: header.problems, message: error instanceof Error ? error.message : String(error) } };
  }
}

/** The reader's byte counts as progress events: a few per file, however big, and always its end. */
function progressOf(header: SessionHeader, onProgress: SessionImportRun['onProgress']): ((bytesRead: number) => void) | undefined {
  if (!onProgress) return undefined;
  const step = Math.max(MIN_PROGRESS_STEP, Math.ceil(header.bytes / PROGRESS_STEPS));
  let told = 0;
  return (bytesRead) => {
    if (bytesRead - told < step && bytesRead < header.bytes) return;
    told = bytesRead;
    onProgress({ agent: header.agent, session: header.id, file: header.file, bytesRead, bytes: Math.max(header.bytes, bytesRead) });
  };
}
