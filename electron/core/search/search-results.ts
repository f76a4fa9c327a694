// Answers one search request: parse, run over the segments, cut snippets for the page of hits
// (reading just those note files), and, when nothing matched, work out what to try next.
import type { QuerySuggestion, SearchHit, SearchRequest, SearchResults, SearchStatus } from '../../../shared/contract/search';
import { FILTER_NAMES } from './fields';
import { compileFilter, isUnfiltered } from './filters';
import { runQuery, type ScoredNote } from './query-executor';
import { parseQuery } from './query-parser';
import type { Segment } from './segment';
import { NoteBodies } from './note-bodies';
import { highlighterFor, type Highlighter } from './snippets';

export interface Answer {
  results: SearchResults;
  /** Hits whose file is gone: the caller drops them from the index. */
  vanished: string[];
}

export function answer(segments: readonly Segment[], root: string, request: SearchRequest, status: SearchStatus, bodies = new NoteBodies(0)): Answer {
  const started = performance.now();
  const parsed = parseQuery(request.query);
  const filter = compileFilter(request.filters, parsed.filters);
  const outcome = runQuery(segments, parsed, filter, request.sort, request.offset + request.limit, request.facets);
  const page = outcome.top.slice(request.offset);
  const vanished: string[] = [];
  const highlighter = highlighterFor(parsed, outcome.matched);
  const withSnippets = request.snippets ?? page.length;
  const hits = page
    .map((match, i) => {
      const hit = hitOf(match, root, highlighter, i < withSnippets ? bodies : null);
      if (!hit) vanished.push(match.segment.notes[match.note]!.path);
      return hit;
    })
    .filter((hit) => hit !== null);
  const suggestions = outcome.total === 0 && request.query.trim() !== '' ? suggest(segments, request, isUnfiltered(filter)) : [];
  return {
    results: {
      query: request.query,
      total: outcome.total - vanished.length,
      hits,
      facets: outcome.facets,
      messages: parsed.messages,
      suggestions,
      complete: status.state === 'ready',
      status,
      tookMs: Math.round((performance.now() - started) * 100) / 100,
    },
    vanished,
  };
}

/**
 * One hit, with its snippet cut from the note file unless `bodies` is null (no snippet asked for:
 * the file is not read). The file is read synchronously: a page of hits is a few small files, and
 * this runs in the worker, where nothing else waits on it. Null when the file is gone.
 */
function hitOf({ segment, note, score }: ScoredNote, root: string, highlighter: Highlighter, bodies: NoteBodies | null): SearchHit | null {
  const facts = segment.notes[note]!;
  const body = bodies ? bodies.get(root, facts) : undefined;
  if (body === null) return null;
  const hit: SearchHit = {
    id: facts.id,
    path: facts.path,
    title: facts.title,
    titleHighlights: highlighter.ranges(facts.title),
    score: Math.round(score * 1000) / 1000,
    snippet: body === undefined ? null : highlighter.snippet(body),
    mode: facts.mode,
    status: facts.status,
    created: facts.created,
    tags: facts.tags,
  };
  if (facts.repo !== undefined) hit.repo = facts.repo;
  if (facts.agent !== undefined) hit.agent = facts.agent;
  return hit;
}

const PLAIN_WORD = /^[\p{L}\p{N}_]{3,}$/u;
const FILTER_WORD = new RegExp(`^\\+?(?:${FILTER_NAMES.join('|')}):`, 'i');

/** Nothing matched: try looser versions of the query, and offer those that find something. */
function suggest(segments: readonly Segment[], request: SearchRequest, unfiltered: boolean): QuerySuggestion[] {
  const words = request.query.trim().split(/\s+/);
  const candidates: Array<{ query: string; label: string; withoutFilters?: boolean }> = [];
  if (!unfiltered) {
    const unfilteredWords = words.filter((word) => !FILTER_WORD.test(word)).join(' ');
    candidates.push({ query: unfilteredWords, label: 'Search all notes, without the filters', withoutFilters: true });
  }
  if (words.some((word) => word.startsWith('+'))) {
    candidates.push({ query: words.map((word) => word.replace(/^\+/, '')).join(' '), label: 'Any of the words, not all of them' });
  }
  if (words.some((word) => PLAIN_WORD.test(word))) {
    const loosen = (suffix: (word: string) => string) => words.map((word) => (PLAIN_WORD.test(word) ? word + suffix(word) : word)).join(' ');
    // Words are stemmed (retry -> retri), so a typo often needs two edits to reach the stem.
    candidates.push({ query: loosen((word) => (word.length >= 5 ? '~2' : '~1')), label: 'Allow a typo' });
    candidates.push({ query: loosen(() => '*'), label: 'Words that start with these letters' });
  }
  const suggestions: QuerySuggestion[] = [];
  for (const candidate of candidates) {
    const parsed = parseQuery(candidate.query);
    const withoutFilters = candidate.withoutFilters ?? false;
    const filter = compileFilter(withoutFilters ? {} : request.filters, parsed.filters);
    const total = runQuery(segments, parsed, filter, request.sort, 0, false).total;
    if (total > 0) suggestions.push({ query: candidate.query, label: candidate.label, withoutFilters, total });
  }
  return suggestions;
}
