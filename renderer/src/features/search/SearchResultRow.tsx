import { FlaskConical } from 'lucide-react';
import type { MouseEvent } from 'react';
import type { SearchHit, Snippet } from '../../../../shared/contract/search';
import { StatusBadge } from '../../components/StatusBadge';
import { formatWhen } from '../../lib/format';
import { NoteCheckbox } from '../context/NoteCheckbox';
import type { NoteSelection } from '../context/use-note-selection';
import { HighlightedText } from './HighlightedText';

interface SearchResultRowProps {
  hit: SearchHit;
  /** The note's agent as the app names it ("Claude Code"). */
  agentLabel: string | undefined;
  /** Its snippet, null while it is being cut (rows below the first screenful). */
  snippet: Snippet | null;
  /** Set on a row still waiting for its snippet. */
  rowRef?: (row: HTMLElement | null) => void;
  id: string;
  active: boolean;
  selected: boolean;
  /** Plain clicks open the note; Ctrl/Cmd and Shift clicks go to the selection. */
  onClick: (event: MouseEvent) => void;
  selection: NoteSelection;
}

/** One hit: its title and snippet with the matched words marked, and where it came from. */
export function SearchResultRow({ hit, agentLabel, snippet, rowRef, id, active, selected, onClick, selection }: SearchResultRowProps) {
  const checked = selection.has(hit.id);
  const meta = [hit.repo, agentLabel].filter(Boolean).join(' · ');
  return (
    <li
      ref={rowRef}
      id={id}
      role="option"
      aria-selected={active}
      className={`search-result${active ? ' is-active' : ''}${selected ? ' is-open' : ''}${checked ? ' is-checked' : ''}`}
      data-note-id={hit.id}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      <div className="search-result-top">
        <NoteCheckbox id={hit.id} title={hit.title} selection={selection} />
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
      {snippet ? (
        <p className="search-result-snippet">
          <HighlightedText text={snippet.text} ranges={snippet.highlights} />
        </p>
      ) : (
        <p className="search-result-snippet is-pending" aria-hidden="true" />
      )}
    </li>
  );
}
