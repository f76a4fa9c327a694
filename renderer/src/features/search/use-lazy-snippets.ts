// Snippets for the results below the first screenful. A page of results comes with snippets for
// its first SNIPPETS_AT_ONCE hits only (each snippet is cut from its note file, and that is most of
// a query's work); the rows below ask the engine for theirs when they come within a screen of the
// view, together, in one request.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { SearchFilters, SearchHit, SearchSort, Snippet } from '../../../../shared/contract/search';
import { api } from '../../api';

/** Hits that come with their snippet at once: a screenful on a tall window. */
export const SNIPPETS_AT_ONCE = 10;

interface SearchAsked {
  query: string;
  filters: SearchFilters;
  sort: SearchSort;
}

export interface LazySnippets {
  /** The hit's snippet: the one it came with, else one cut since, else null (not yet). */
  snippetOf(hit: SearchHit): Snippet | null;
  /** A ref for the row of the hit at `index` while it has no snippet: it is asked for near the view. */
  observe(index: number): (row: HTMLElement | null) => void;
}

const NONE: ReadonlyMap<string, Snippet> = new Map();

/**
 * @param list the scrolling list of results (the observer's root)
 * @param asked what the shown results answer: the rows below are asked for in the same order
 * @param hits the results shown
 */
export function useLazySnippets(list: RefObject<HTMLElement | null>, asked: SearchAsked, hits: readonly SearchHit[]): LazySnippets {
  // Snippets depend on the query's words and the notes' text only: kept per query text, and
  // dropped when a note changes (its snippet may have).
  const [cut, setCut] = useState<{ query: string; snippets: ReadonlyMap<string, Snippet> }>({ query: asked.query, snippets: NONE });
  const snippets = cut.query === asked.query ? cut.snippets : NONE;
  useEffect(() => api.on('notes.changed', () => setCut((previous) => ({ query: previous.query, snippets: NONE }))), []);

  // What the observer reads when rows come into view: the latest results, not its first render's.
  const latest = useRef({ asked, hits, snippets });
  useEffect(() => {
    latest.current = { asked, hits, snippets };
  });
  const asking = useRef(new Set<string>());
  const wanted = useRef(new Set<number>());
  const rows = useRef(new Set<HTMLElement>());
  const observer = useRef<IntersectionObserver | null>(null);

  const askForWanted = useCallback(() => {
    const { asked: now, hits: shown, snippets: have } = latest.current;
    const indexes = [...wanted.current].filter((index) => {
      const hit = shown[index];
      return hit !== undefined && hit.snippet === null && !have.has(hit.path) && !asking.current.has(hit.path);
    });
    wanted.current.clear();
    if (indexes.length === 0) return;
    const from = Math.min(...indexes);
    const to = Math.max(...indexes);
    const paths = shown.slice(from, to + 1).map((hit) => hit.path);
    for (const path of paths) asking.current.add(path);
    api.search
      // Only the snippets are wanted: no facet count over every match.
      .query({ query: now.query, filters: now.filters, sort: now.sort, offset: from, limit: to - from + 1, facets: false })
      .then((results) => {
        // Typed on since: these snippets are for words no longer searched.
        if (latest.current.asked.query !== now.query) return;
        setCut((previous) => {
          const next = new Map(previous.query === now.query ? previous.snippets : NONE);
          for (const hit of results.hits) if (hit.snippet) next.set(hit.path, hit.snippet);
          return { query: now.query, snippets: next };
        });
      })
      // A failed request leaves the rows without a snippet; they ask again when they next come into view.
      .catch(() => undefined)
      .finally(() => {
        for (const path of paths) asking.current.delete(path);
      });
  }, []);

  const hasRows = hits.length > 0;
  useEffect(() => {
    const root = list.current;
    if (!hasRows || !root || typeof IntersectionObserver === 'undefined') return;
    let scheduled = false;
    const watching = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) wanted.current.add(Number((entry.target as HTMLElement).dataset.resultIndex));
        }
        if (wanted.current.size === 0 || scheduled) return;
        // Rows that come into view together are asked for in one request.
        scheduled = true;
        queueMicrotask(() => {
          scheduled = false;
          askForWanted();
        });
      },
      // A screen ahead, so the snippet is usually there before its row is.
      { root, rootMargin: '100% 0px' },
    );
    for (const row of rows.current) watching.observe(row);
    observer.current = watching;
    return () => {
      watching.disconnect();
      observer.current = null;
    };
  }, [list, hasRows, askForWanted]);

  const snippetOf = useCallback((hit: SearchHit) => hit.snippet ?? snippets.get(hit.path) ?? null, [snippets]);
  const observe = useCallback((index: number) => {
    let observed: HTMLElement | null = null;
    return (row: HTMLElement | null) => {
      if (observed) {
        rows.current.delete(observed);
        observer.current?.unobserve(observed);
      }
      observed = row;
      if (!row) return;
      row.dataset.resultIndex = String(index);
      rows.current.add(row);
      // Observing reports at once whether the row is near the view.
      observer.current?.observe(row);
    };
  }, []);
  return { snippetOf, observe };
}
