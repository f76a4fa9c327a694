// notes.citations and notes.check over the open notebook (see citation-check.ts).
import type { ApiHandlers } from '../../../shared/contract';
import type { Note } from '../../../shared/model/note';
import type { NotebookSession } from '../notebook/notebook-session';
import { CitationCache } from './citation-cache';
import { checkNotes } from './citation-check';

export interface CitationsDeps {
  session: NotebookSession;
  log: (message: string) => void;
  /** Points notes from another machine at this machine's copy of their codebase (repo-locator.ts). */
  localize?: (notes: readonly Note[]) => Promise<Note[]>;
}

export function citationsHandlers({ session, log, localize = async (notes) => [...notes] }: CitationsDeps): Pick<ApiHandlers, 'notes.citations' | 'notes.check' | 'notes.stale'> {
  const cache = () => CitationCache.of(session.require(), log);
  return {
    'notes.citations': async ({ id }) => {
      const note = await session.require().get(id);
      return (await checkNotes(await localize([note]), cache()))[0]!;
    },
    'notes.check': async ({ ids, repo }) => {
      const notebook = session.require();
      const wanted = ids ?? notebook.list().map((summary) => summary.id);
      const notes = await Promise.all(wanted.map((id) => notebook.get(id)));
      const chosen = repo === undefined ? notes : notes.filter((note: Note) => note.summary.repo === repo || note.frontmatter?.repo?.name === repo);
      const checked = await checkNotes(await localize(chosen), cache());
      // Many notes at once: the cited lines stay out (notes.citations gives them for one note).
      return { notes: checked.map((result) => ({ ...result, citations: result.citations.map(({ excerpt: _excerpt, ...citation }) => citation) })) };
    },
    'notes.stale': async () => {
      const notebook = session.require();
      // Only notes pinned to a repo and a commit can be stale (the others are not even read), and a
      // note that was refreshed already has its newer answer.
      const pinned = notebook.list().filter((summary) => summary.repo !== undefined && summary.commit !== undefined && summary.supersededBy === undefined);
      const notes = (await Promise.all(pinned.map((summary) => notebook.get(summary.id).catch(() => null)))).filter((note): note is Note => note !== null);
      return { ids: (await checkNotes(await localize(notes), cache())).filter((result) => result.stale).map((result) => result.id) };
    },
  };
}
