import { FlaskConical } from 'lucide-react';
import type { SearchHit } from '../../../../shared/contract/search';
import { StatusBadge } from '../../components/StatusBadge';
import { formatWhen } from '../../lib/format';
import { HighlightedText } from './HighlightedText';

interface SearchResultRowProps {
  hit: SearchHit;
  id: string;
  active: boolean;
  selected: boolean;
  onOpen: (id: string) => void;
}

/** One hit: its title and snippet with the matched words marked, and where it came from. */
export function SearchResultRow({ hit, id, active, selected, onOpen }: SearchResultRowProps) {
  const meta = [hit.repo, hit.agent].filter(Boolean).join(' · ');
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      className={`search-result${active ? ' is-active' : ''}${selected ? ' is-open' : ''}`}
      data-note-id={hit.id}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => onOpen(hit.id)}
    >
      <div className="search-result-top">
        {hit.status !== 'done' && <StatusBadge status={hit.status} compact />}
        <span className="search-result-title">
          <HighlightedText text={hit.title} ranges={hit.titleHighlights} />
        </span>
        <time className="search-result-when" dateTime={hit.created}>
          {formatWhen(hit.created)}
        </time>
      </div>
      {(meta || hit.mode === 'poc') && (
        <div className="search-result-meta">
          {hit.mode === 'poc' && (
            <span className="search-result-mode">
              <FlaskConical aria-hidden /> PoC
            </span>
          )}
          {meta && <span>{meta}</span>}
        </div>
      )}
      <p className="search-result-snippet">
        <HighlightedText text={hit.snippet.text} ranges={hit.snippet.highlights} />
      </p>
    </li>
  );
}
