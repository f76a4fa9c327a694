// The list pane's search: a box that searches as you type, then the results in place of the list
// (Results.tsx), with filter chips, a sort order, keyboard navigation, and help when nothing matches.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { SearchFilters, SearchSort } from '../../../../shared/contract/search';
import { selectOnClick } from '../context/NoteCheckbox';
import { useCopyShortcuts } from '../context/use-copy-shortcuts';
import { useNoteSelection } from '../context/use-note-selection';
import type { ChipKind } from './FilterChips';
import { IndexingStatus } from './IndexingStatus';
import { Results } from './Results';
import { ResultList } from './ResultList';
import { SearchBox } from './SearchBox';
import { mergeFilters, toggleChip, valuesOf } from './search-filters';
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

  // A chip of the sidebar's scope is cleared there; the others come and go here.
  const toggle = (kind: ChipKind, value: string): void => {
    if (valuesOf(scope, kind).includes(value)) return onClearScope();
    setChips((current) => toggleChip(current, kind, value));
  };
  const clearFilters = (): void => {
    setChips({});
    onClearScope();
  };

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
        <Results
          data={data}
          fetching={results.isFetching}
          error={results.isError ? results.error : null}
          sort={sort}
          onSort={setSort}
          filters={filters}
          onToggle={toggle}
          onTry={(suggestion) => {
            if (suggestion.withoutFilters) clearFilters();
            setText(suggestion.query);
          }}
          onClearFilters={clearFilters}
        >
          <ResultList
            listRef={list}
            hits={hits}
            total={data?.total}
            active={active}
            selectedId={selectedId}
            picked={picked}
            snippets={snippets}
            onClickHit={(at, hit, event) => {
              if (selectOnClick(picked, hit.id, selectedId, event)) return;
              setActive(at);
              onOpen(hit.id);
            }}
            onShowMore={() => setShown({ query: text, filters, sort, limit: limit + RESULTS_PAGE })}
          />
        </Results>
      )}
    </>
  );
}
