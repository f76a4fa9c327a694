// Brings sessions into the notebook, idempotently: a session's note is found again by its
// `imported_from`, a session that grew gets its new turns, an unchanged one is left alone, and a
// note the user edited keeps the edits (new turns are added at its end).
import { createHash } from 'node:crypto';
import type { Note, NoteSummary } from '../../../shared/model/note';
import type { Redactor } from '../agents/secret-redactor';
import type { Notebook } from '../notebook/notebook';
import type { AgentSession } from './agent-session';
import type { SessionRepos } from './session-repos';
import { sessionBody, sessionEvents, sessionNoteFields, turnSection } from './session-note';

export type ImportStatus = 'created' | 'updated' | 'unchanged' | 'conflict' | 'failed';

export interface SessionImportResult {
  agent: string;
  session: string;
  status: ImportStatus;
  noteId?: string;
  path?: string;
  /** What happened, in words for the user, when more than the status. */
  message?: string;
  problems: string[];
}

/**
 * The notes of imported sessions, found by their `imported_from` (the session's id, or its file),
 * built once per import or listing. The note created at the session's start time is looked at
 * first; when it is not there (the cache is gone and the note's `created` was edited, or the
 * session's start reads differently now), every note marked imported is.
 */
export class ImportedNotes {
  private byStart: Map<string, NoteSummary[]> | null = null;
  private bySession: Map<string, Note> | null = null;

  constructor(private readonly notebook: Notebook) {}

  /** The note holding this session, if any. */
  async find(session: Pick<AgentSession, 'agent' | 'id' | 'started' | 'file'>): Promise<Note | undefined> {
    this.byStart ??= group(this.notebook.list());
    for (const summary of this.byStart.get(key(session.agent, session.started)) ?? []) {
      const note = await this.notebook.get(summary.id).catch(() => undefined);
      if (note && holds(note, session)) return note;
    }
    this.bySession ??= await this.allImported();
    return this.bySession.get(`${session.agent}|${session.id}`) ?? this.bySession.get(`file|${session.file}`);
  }

  /** Every note with an `imported_from`, by agent and session id and by session file; read once. */
  private async allImported(): Promise<Map<string, Note>> {
    const found = new Map<string, Note>();
    for (const summary of this.notebook.list()) {
      // Fieldnotes tags what it imports; the frontmatter is read only for those notes and notes without tags.
      if (!summary.tags.includes('imported') && summary.tags.length > 0) continue;
      const note = await this.notebook.get(summary.id).catch(() => undefined);
      const from = note?.frontmatter?.imported_from;
      if (!note || !from) continue;
      if (from.agent && from.session) found.set(`${from.agent}|${from.session}`, note);
      if (from.path) found.set(`file|${from.path}`, note);
    }
    return found;
  }
}

function holds(note: Note, session: Pick<AgentSession, 'agent' | 'id' | 'file'>): boolean {
  const from = note.frontmatter?.imported_from;
  return !!from && from.agent === session.agent && (from.session === session.id || from.path === session.file);
}

export async function importSession(notebook: Notebook, imported: ImportedNotes, session: AgentSession, redact: Redactor, repos?: SessionRepos): Promise<SessionImportResult> {
  const base = { agent: session.agent, session: session.id };
  if (session.turns.length === 0) return { ...base, status: 'failed', message: 'No conversation could be read from it.', problems: session.problems };
  const { fields, problems } = await sessionNoteFields(session, redact, repos);
  const allProblems = [...session.problems, ...problems];
  const existing = await imported.find(session);
  const body = sessionBody(session.turns, redact);

  if (!existing) {
    const note = await notebook.create({ ...fields, imported_from: { ...fields.imported_from!, digest: digest(body) }, body });
    await notebook.appendTranscript(note.frontmatter!.id, sessionEvents(session, session.turns, true, redact));
    return { ...base, status: 'created', noteId: note.summary.id, path: note.summary.path, problems: allProblems };
  }

  const id = existing.summary.id;
  const from = existing.frontmatter!.imported_from!;
  const held = from.turns ?? 0;
  if (from.bytes === session.bytes && held === session.turns.length) {
    return { ...base, status: 'unchanged', noteId: id, path: existing.summary.path, problems: allProblems };
  }
  const edited = typeof from.digest === 'string' && from.digest !== digest(existing.body);
  const newTurns = session.turns.slice(held);
  const { title: _title, question: _question, tags: _tags, created: _created, status: _status, ...changed } = fields;
  let nextBody = body;
  let message: string | undefined;
  if (edited) {
    if (newTurns.length === 0) {
      return { ...base, status: 'conflict', noteId: id, path: existing.summary.path, problems: allProblems,
        message: 'The note was edited in the notebook and the session changed its last turn: the note was left as it is.' };
    }
    nextBody = `${existing.body.trimEnd()}\n\n${newTurns.map((turn, i) => turnSection(turn, held + i, redact)).join('\n')}`;
    message = `The note was edited in the notebook: the edits were kept and ${newTurns.length} new turn${newTurns.length === 1 ? ' was' : 's were'} added at its end.`;
  }
  const note = await notebook.update(id, { frontmatter: { ...changed, imported_from: { ...fields.imported_from!, digest: digest(nextBody) } }, body: nextBody });
  if (newTurns.length > 0) await notebook.appendTranscript(id, sessionEvents(session, newTurns, false, redact));
  return { ...base, status: 'updated', noteId: id, path: note.summary.path, ...(message ? { message } : {}), problems: allProblems };
}

function group(summaries: NoteSummary[]): Map<string, NoteSummary[]> {
  const map = new Map<string, NoteSummary[]>();
  for (const summary of summaries) {
    if (!summary.agent) continue;
    const k = key(summary.agent, summary.created);
    map.set(k, [...(map.get(k) ?? []), summary]);
  }
  return map;
}

function key(agent: string, created: string | undefined): string {
  const time = created ? Date.parse(created) : NaN;
  return `${agent}|${Number.isNaN(time) ? '' : new Date(time).toISOString()}`;
}

/** A short fingerprint of the body Fieldnotes wrote: a different body means the user edited it. */
function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
