// What a search shows in place of the notes list: the count and sort order, the engine's notes on
// the query, the filter chips, then the hits or why there are none.
import type { ReactNode } from 'react';
import type { QuerySuggestion, SearchFilters, SearchResults, SearchSort } from '../../../../shared/contract/search';
import { FilterChips, type ChipKind } from './FilterChips';
import { NoResults } from './NoResults';
import { hasFilters } from './search-filters';

interface ResultsProps {
  /** The latest results, undefined until the first arrive. */
  data: SearchResults | undefined;
  fetching: boolean;
  error: Error | null;
  sort: SearchSort;
  onSort: (sort: SearchSort) => void;
  filters: SearchFilters;
  onToggle: (kind: ChipKind, value: string) => void;
  onTry: (suggestion: QuerySuggestion) => void;
  onClearFilters: () => void;
  /** The hits (ResultList), shown when there are some. */
  children: ReactNode;
}

export function Results({ data, fetching, error, sort, onSort, filters, onToggle, onTry, onClearFilters, children }: ResultsProps) {
  return (
    <div className="search-results" aria-busy={fetching}>
      <header className="pane-header search-results-header">
        <h2>Results</h2>
        <span className="pane-count">{data ? data.total.toLocaleString() : ''}</span>
        {data && !data.complete && <span className="search-partial" title="The index is still being built">so far</span>}
        <div className="sort-toggle" role="radiogroup" aria-label="Sort results">
          {(['relevance', 'newest'] as const).map((order) => (
            <button key={order} type="button" role="radio" aria-checked={sort === order} onClick={() => onSort(order)}>
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
      <FilterChips facets={data?.facets} filters={filters} onToggle={onToggle} />
      <Outcome data={data} error={error} filtered={hasFilters(filters)} onTry={onTry} onClearFilters={onClearFilters}>
        {children}
      </Outcome>
    </div>
  );
}

type OutcomeProps = Pick<ResultsProps, 'data' | 'error' | 'onTry' | 'onClearFilters' | 'children'> & { filtered: boolean };

/** The search failed, found nothing yet (still indexing), found nothing, or found hits. */
function Outcome({ data, error, filtered, onTry, onClearFilters, children }: OutcomeProps) {
  if (error) {
    return (
      <p className="search-message is-error" role="alert">
        {error.message}
      </p>
    );
  }
  if (data && data.hits.length === 0 && !data.complete) {
    return (
      <p className="search-waiting" role="status">
        Nothing yet among the {data.status.notes.toLocaleString()} notes indexed so far. Results appear here as indexing goes on.
      </p>
    );
  }
  if (data && data.hits.length === 0) {
    return <NoResults query={data.query} suggestions={data.suggestions} filtered={filtered} onTry={onTry} onClearFilters={onClearFilters} />;
  }
  return children;
}
