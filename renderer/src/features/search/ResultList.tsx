import type { MouseEvent, RefObject } from 'react';
import type { SearchHit } from '../../../../shared/contract/search';
import { SelectionBar } from '../context/SelectionBar';
import type { NoteSelection } from '../context/use-note-selection';
import { useAgentLabels } from '../settings/use-settings';
import { SearchResultRow } from './SearchResultRow';
import type { LazySnippets } from './use-lazy-snippets';
import { RESULTS_PAGE } from './use-search';

interface ResultListProps {
  listRef: RefObject<HTMLUListElement | null>;
  hits: readonly SearchHit[];
  /** How many notes match in all (more than hits while some are not shown yet). */
  total: number | undefined;
  active: number;
  selectedId: string | null;
  /** Results are a list of notes like any other: several can be chosen and copied, in rank order. */
  picked: NoteSelection;
  snippets: LazySnippets;
  onClickHit: (index: number, hit: SearchHit, event: MouseEvent) => void;
  onShowMore: () => void;
}

/** The hits, best (or newest) first, with "Show more" when there are more than shown. */
export function ResultList({ listRef, hits, total, active, selectedId, picked, snippets, onClickHit, onShowMore }: ResultListProps) {
  const agentLabel = useAgentLabels();
  return (
    <>
      {picked.ids.length > 0 && <SelectionBar ids={picked.ids} onClear={picked.clear} />}
      <ul ref={listRef} id="search-results" className={`search-result-list${picked.ids.length > 0 ? ' is-selecting' : ''}`} role="listbox" aria-label="Search results">
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
            onClick={(event) => onClickHit(index, hit, event)}
          />
        ))}
        {total !== undefined && total > hits.length && (
          <li className="search-more">
            <button type="button" className="link-button" onClick={onShowMore}>
              Show {Math.min(RESULTS_PAGE, total - hits.length)} more of {total.toLocaleString()}
            </button>
          </li>
        )}
      </ul>
    </>
  );
}
