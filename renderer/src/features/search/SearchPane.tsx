// The list pane's search: a box that searches as you type, then the results in place of the list,
// with filter chips, a sort order, keyboard navigation, and help when nothing matches.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { SearchFilters, SearchSort } from '../../../../shared/contract/search';
import { selectOnClick } from '../context/NoteCheckbox';
import { useAgentLabels } from '../settings/use-settings';
import { SelectionBar } from '../context/SelectionBar';
import { useCopyShortcuts } from '../context/use-copy-shortcuts';
import { useNoteSelection } from '../context/use-note-selection';
import { FilterChips, type ChipKind } from './FilterChips';
import { IndexingStatus } from './IndexingStatus';
import { NoResults } from './NoResults';
import { SearchBox } from './SearchBox';
import { SearchResultRow } from './SearchResultRow';
import { useLazySnippets } from './use-lazy-snippets';
import { RESULTS_PAGE, useSearchResults, useSearchStatus } from './use-search';
import './Search.css';

interface SearchPaneProps {
  /** Filters the sidebar's choice stands for (a repo, a tag, a status), shown as chips. */
  scope: SearchFilters;
  onClearScope: () => void;
  selectedId: string | null;
  onOpen: (id: string) => void;
  /** What is typed in the search box (the command palette can fill it too). */
  text: string;
  onText: (text: string) => void;
  /** Bumped to put the cursor in the search box (Ctrl/Cmd-K). */
  focusRequest: number;
  /** What the pane shows when nothing is searched: the notes list. */
  children: ReactNode;
}

export function SearchPane({ scope, onClearScope, selectedId, onOpen, text, onText: setText, focusRequest, children }: SearchPaneProps) {
  const [chips, setChips] = useState<SearchFilters>({});
  const [sort, setSort] = useState<SearchSort>('relevance');
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const index = useSearchStatus();
  const agentLabel = useAgentLabels();
  const filters = useMemo(() => mergeFilters(scope, chips), [scope, chips]);
  // How many results to show: a page, and more on request, for this query only.
  const [shown, setShown] = useState({ query: text, filters, sort, limit: RESULTS_PAGE });
  const limit = shown.query === text && shown.filters === filters && shown.sort === sort ? shown.limit : RESULTS_PAGE;
  const results = useSearchResults(text, filters, sort, limit);
  const searching = text.trim() !== '';
  const data = searching ? results.data : undefined;
  const hits = useMemo(() => data?.hits ?? [], [data]);
  const snippets = useLazySnippets(list, { query: data?.query ?? '', filters, sort }, hits);
  // Results are a list of notes like any other: several can be chosen and copied, in rank order.
  const hitIds = useMemo(() => hits.map((hit) => hit.id), [hits]);
  const picked = useNoteSelection(hitIds);
  useCopyShortcuts(picked, selectedId, searching);
  // The highlighted result belongs to one set of results: new results start again from the best.
  const [highlighted, setHighlighted] = useState({ results: data, index: 0 });
  const active = highlighted.results === data ? highlighted.index : 0;
  const setActive = (next: number | ((at: number) => number)): void =>
    setHighlighted({ results: data, index: typeof next === 'function' ? next(active) : next });

  useEffect(() => {
    if (focusRequest === 0) return;
    input.current?.focus();
    input.current?.select();
  }, [focusRequest]);

  useEffect(() => {
    list.current?.querySelector('.search-result.is-active')?.scrollIntoView({ block: 'nearest' });
  }, [active, hits]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (hits.length === 0) return;
      event.preventDefault();
      setActive((at) => Math.max(0, Math.min(hits.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1))));
    } else if (event.key === 'Enter') {
      const hit = hits[active];
      if (!hit) return;
      event.preventDefault();
      onOpen(hit.id);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (text) setText('');
      else input.current?.blur();
    }
  };

  const toggle = (kind: ChipKind, value: string): void => {
    if (valuesOf(scope, kind).includes(value)) return onClearScope();
    setChips((current) => {
      const values = valuesOf(current, kind);
      const next = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
      return { ...current, [kind]: next.length > 0 ? next : undefined };
    });
  };

  const filtered = Object.values(filters).some((values) => Array.isArray(values) && values.length > 0);

  return (
    <>
      <div className="search-bar">
        <SearchBox
          ref={input}
          value={text}
          onChange={setText}
          onKeyDown={onKeyDown}
          activeId={hits[active] ? `search-result-${active}` : undefined}
          expanded={searching && hits.length > 0}
        />
      </div>
      <IndexingStatus key={index?.run ?? 0} status={index?.status} />
      {!searching ? (
        children
      ) : (
        <div className="search-results" aria-busy={results.isFetching}>
          <header className="pane-header search-results-header">
            <h2>Results</h2>
            <span className="pane-count">{data ? data.total.toLocaleString() : ''}</span>
            {data && !data.complete && <span className="search-partial" title="The index is still being built">so far</span>}
            <div className="sort-toggle" role="radiogroup" aria-label="Sort results">
              {(['relevance', 'newest'] as const).map((order) => (
                <button key={order} type="button" role="radio" aria-checked={sort === order} onClick={() => setSort(order)}>
                  {order === 'relevance' ? 'Best' : 'Newest'}
                </button>
              ))}
            </div>
          </header>
          {data?.messages.map((message) => (
            <p key={message.message} className="search-message" role="note">
              {message.message}
            </p>
          ))}
          <FilterChips facets={data?.facets} filters={filters} onToggle={toggle} />
          {results.isError ? (
            <p className="search-message is-error" role="alert">
              {results.error.message}
            </p>
          ) : data && hits.length === 0 && !data.complete ? (
            <p className="search-waiting" role="status">
              Nothing yet among the {data.status.notes.toLocaleString()} notes indexed so far. Results appear here as indexing goes on.
            </p>
          ) : data && hits.length === 0 ? (
            <NoResults
              query={data.query}
              suggestions={data.suggestions}
              filtered={filtered}
              onTry={(suggestion) => {
                if (suggestion.withoutFilters) {
                  setChips({});
                  onClearScope();
                }
                setText(suggestion.query);
              }}
              onClearFilters={() => {
                setChips({});
                onClearScope();
              }}
            />
          ) : (
            <>
            {picked.ids.length > 0 && <SelectionBar ids={picked.ids} onClear={picked.clear} />}
            <ul ref={list} id="search-results" className={`search-result-list${picked.ids.length > 0 ? ' is-selecting' : ''}`} role="listbox" aria-label="Search results">
              {hits.map((hit, index) => (
                <SearchResultRow
                  key={hit.path}
                  id={`search-result-${index}`}
                  hit={hit}
                  agentLabel={hit.agent && agentLabel(hit.agent)}
                  snippet={snippets.snippetOf(hit)}
                  rowRef={snippets.snippetOf(hit) ? undefined : snippets.observe(index)}
                  active={index === active}
                  selected={hit.id === selectedId}
                  selection={picked}
                  onClick={(event) => {
                    if (selectOnClick(picked, hit.id, selectedId, event)) return;
                    setActive(index);
                    onOpen(hit.id);
                  }}
                />
              ))}
              {data && data.total > hits.length && (
                <li className="search-more">
                  <button type="button" className="link-button" onClick={() => setShown({ query: text, filters, sort, limit: limit + RESULTS_PAGE })}>
                    Show {Math.min(RESULTS_PAGE, data.total - hits.length)} more of {data.total.toLocaleString()}
                  </button>
                </li>
              )}
            </ul>
            </>
          )}
        </div>
      )}
    </>
  );
}

function valuesOf(filters: SearchFilters, kind: ChipKind): string[] {
  return (filters[kind] as string[] | undefined) ?? [];
}

function mergeFilters(a: SearchFilters, b: SearchFilters): SearchFilters {
  const merged: SearchFilters = { ...a };
  for (const kind of ['repo', 'agent', 'tag', 'mode', 'status'] as const) {
    const values = [...new Set([...(a[kind] ?? []), ...(b[kind] ?? [])])];
    if (values.length > 0) (merged as Record<string, string[]>)[kind] = values;
  }
  return merged;
}
