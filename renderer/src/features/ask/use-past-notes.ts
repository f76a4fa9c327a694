// "You asked this before": while a question is typed, the notes about the same codebase that
// already answer something like it (issue #6 §5), so nobody pays twice for the same answer.
//
// The interface is what the composer relies on: usePastNotes(question, repoName) → up to three
// PastNote, debounced. The implementation is TEMPORARY: it matches words of the question against
// the titles and excerpts of notes.list, because full-text search (search.query) lands with the
// search branch. At that merge, replace `findInNoteList` with a search.query call —
//   api.search.query({ query: words.join(' '), filters: repoName ? { repo: [repoName] } : {}, limit: PAST_NOTES })
// mapping each SearchHit to a PastNote — and delete the fallback below.
import { useEffect, useMemo, useState } from 'react';
import type { NoteStatus, NoteSummary } from '../../../../shared/model/note';
import { useNoteList } from '../notes/use-notes';

export interface PastNote {
  id: string;
  title: string;
  repo?: string;
  agent?: string;
  status: NoteStatus;
  created: string;
}

export const PAST_NOTES = 3;
const DEBOUNCE_MS = 250;
/** Questions shorter than this many meaningful words match too much to be worth showing. */
const MIN_WORDS = 2;

export function usePastNotes(question: string, repoName: string | null): PastNote[] {
  const debounced = useDebounced(question, DEBOUNCE_MS);
  const { data: notes } = useNoteList();
  return useMemo(() => findInNoteList(notes ?? [], debounced, repoName), [notes, debounced, repoName]);
}

function useDebounced<T>(value: T, delay: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

// ---- TEMPORARY fallback until search.query: word overlap with titles and excerpts. ----

const STOP_WORDS = new Set(
  'a an and are as at be but by can could do does for from how i in into is it its me my of on or our should so that the their them then there these this to was we what when where which who why will with would you your'.split(' '),
);

function words(text: string): string[] {
  return [...new Set(text.toLowerCase().match(/[\p{L}\p{N}_]{2,}/gu) ?? [])].filter((word) => !STOP_WORDS.has(word));
}

function findInNoteList(notes: readonly NoteSummary[], question: string, repoName: string | null): PastNote[] {
  const wanted = words(question);
  if (wanted.length < MIN_WORDS) return [];
  const scored = notes
    .filter((note) => !note.problem && (repoName === null || note.repo === repoName))
    .map((note) => {
      const title = new Set(words(note.title));
      const excerpt = new Set(words(note.excerpt));
      // A word in the title counts double: titles are the questions, or their answers' first lines.
      const score = wanted.reduce((sum, word) => sum + (title.has(word) ? 2 : excerpt.has(word) ? 1 : 0), 0);
      return { note, score };
    })
    .filter(({ score }) => score >= Math.max(2, wanted.length * 0.6))
    .sort((a, b) => b.score - a.score || (a.note.created < b.note.created ? 1 : -1));
  return scored.slice(0, PAST_NOTES).map(({ note }) => ({
    id: note.id,
    title: note.title,
    status: note.status,
    created: note.created,
    ...(note.repo ? { repo: note.repo } : {}),
    ...(note.agent ? { agent: note.agent } : {}),
  }));
}
