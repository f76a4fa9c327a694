// Whether a note may be stale, in the words "Copy as context" and the MCP tools use. It is what
// the citation check finds (citation-check.ts): files the note's agent read, or that the note
// cites, changed between its commit and HEAD. One definition, so the note view, the Stale filter,
// `fieldnotes check` and a copied bundle never disagree. A repo that is gone, not a git
// repository, or a note without a commit gives no verdict: the note is simply not called stale.
import type { NoteCitations } from '../../../shared/contract/citations';
import type { NoteStaleness } from '../../../shared/contract/notes';
import type { Note } from '../../../shared/model/note';
import type { CitationCache } from './citation-cache';
import { checkNotes } from './citation-check';

const NOT_STALE: NoteStaleness = { stale: false, changed: [] };

/** Staleness of each note, by note id (notes of one repo are checked together). */
export async function noteStaleness(notes: readonly Note[], cache: CitationCache | null): Promise<Map<string, NoteStaleness>> {
  const checked = await checkNotes(notes, cache);
  return new Map(checked.map((result, i) => [result.id, stalenessOf(result, notes[i]!)]));
}

/** A check's verdict as staleness: which files changed, and why in one line. */
export function stalenessOf(check: NoteCitations, note: Note): NoteStaleness {
  if (!check.stale || !check.commit) return NOT_STALE;
  const changed = check.changed.map((change) => change.path);
  const sources = new Set((note.frontmatter?.sources ?? []).map((source) => source.path));
  const since = `since ${short(check.commit)}${check.head ? ` (now ${short(check.head)})` : ''}`;
  const reason = changed.every((path) => sources.has(path))
    ? `${changed.length} of ${sources.size} ${sources.size === 1 ? 'source file' : 'source files'} changed ${since}`
    : `${changed.length} ${changed.length === 1 ? 'file' : 'files'} the note read or cites changed ${since}`;
  return { stale: true, reason, changed };
}

function short(commit: string): string {
  return commit.slice(0, 7);
}
