// "You asked this before": while a question is typed, the notes about the same codebase that
// already answer something like it (issue #6 §5), so nobody pays twice for the same answer.
// The search runs in the engine's search worker, debounced, so typing never waits for it.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import { searchKeys, useDebounced } from '../search/use-search';
import { MIN_WORDS, pastNotesAmong, questionWords, type PastNote } from './past-notes';

const DEBOUNCE_MS = 250;
/** Hits fetched before the weak ones are dropped: more than shown, so three good ones survive. */
const CANDIDATES = 10;

export function usePastNotes(question: string, repoName: string | null): PastNote[] {
  const words = questionWords(useDebounced(question, DEBOUNCE_MS));
  const query = words.join(' ');
  const filters = repoName ? { repo: [repoName] } : {};
  const enabled = words.length >= MIN_WORDS;
  const { data } = useQuery({
    queryKey: [...searchKeys.results(query, filters, 'relevance', CANDIDATES), 'past-notes'],
    queryFn: () => api.search.query({ query, filters, limit: CANDIDATES }),
    enabled,
    placeholderData: keepPreviousData,
  });
  return enabled && data ? pastNotesAmong(data.hits, words) : [];
}

