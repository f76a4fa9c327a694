// "You asked this before", the pure part: which search hits share enough of a question's words to
// be about the same thing (use-past-notes.ts runs the search).
import type { SearchHit } from '../../../../shared/contract/search';
import type { NoteStatus } from '../../../../shared/model/note';

export interface PastNote {
  id: string;
  title: string;
  repo?: string;
  agent?: string;
  status: NoteStatus;
  created: string;
}

export const PAST_NOTES = 3;
/** Questions with fewer meaningful words than this match too much to be worth showing. */
export const MIN_WORDS = 2;

const STOP_WORDS = new Set(
  'a an and are as at be but by can could do does for from how i in into is it its me my of on or our should so that the their them then there these this to was we what when where which who why will with would you your'.split(' '),
);

/** The words of a question worth searching for: no stop words, no lunr syntax, each once. */
export function questionWords(question: string): string[] {
  return [...new Set(question.toLowerCase().match(/[\p{L}\p{N}_]{2,}/gu) ?? [])].filter((word) => !STOP_WORDS.has(word));
}

/**
 * The hits that share enough of the question's words to be about the same thing, best first, with
 * the older notes of a chain of refreshes left out.
 * Search ranks any note with one shared word; "asked before" wants most of the question in the
 * title or the best passage, judged by what the engine highlighted there.
 */
export function pastNotesAmong(hits: readonly SearchHit[], words: readonly string[]): PastNote[] {
  const needed = Math.max(MIN_WORDS, Math.ceil(words.length * 0.5));
  const matching = hits.filter((hit) => sharedWords(hit, words) >= Math.min(needed, words.length));
  // A note that was refreshed is shown as its newer answer, when that one matches too.
  const shown = new Set(matching.map((hit) => hit.id));
  return matching
    .filter((hit) => hit.supersededBy === undefined || !shown.has(hit.supersededBy))
    .slice(0, PAST_NOTES)
    .map((hit) => ({
      id: hit.id,
      title: hit.title,
      status: hit.status,
      created: hit.created,
      ...(hit.repo ? { repo: hit.repo } : {}),
      ...(hit.agent ? { agent: hit.agent } : {}),
    }));
}

/** How many of the question's words the engine highlighted in a hit (stems count: route ~ routing). */
function sharedWords(hit: SearchHit, words: readonly string[]): number {
  const snippet = hit.snippet ?? { text: '', highlights: [] };
  const marked = [
    ...hit.titleHighlights.map(([start, end]) => hit.title.slice(start, end)),
    ...snippet.highlights.map(([start, end]) => snippet.text.slice(start, end)),
  ].map((text) => text.toLowerCase());
  return words.filter((word) => marked.some((text) => sameStem(text, word))).length;
}

function sameStem(a: string, b: string): boolean {
  const length = Math.min(a.length, b.length, 5);
  return length >= 2 && a.slice(0, length) === b.slice(0, length) && Math.abs(a.length - b.length) <= 4;
}
