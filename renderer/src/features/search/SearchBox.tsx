import { Search, X } from 'lucide-react';
import { forwardRef, type KeyboardEvent } from 'react';
import { Kbd } from '../../components/Kbd';

interface SearchBoxProps {
  value: string;
  onChange: (value: string) => void;
  /** Arrow keys, Enter and Escape, for the results list. */
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  /** The id of the highlighted result, for screen readers (combobox pattern). */
  activeId: string | undefined;
  expanded: boolean;
}

/** The search box at the top of the list pane: searches as you type; Ctrl/Cmd-K focuses it. */
export const SearchBox = forwardRef<HTMLInputElement, SearchBoxProps>(function SearchBox({ value, onChange, onKeyDown, activeId, expanded }, ref) {
  return (
    <div className="search-box">
      <Search className="search-box-icon" aria-hidden />
      <input
        ref={ref}
        type="search"
        role="combobox"
        aria-label="Search notes"
        aria-controls="search-results"
        aria-expanded={expanded}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        placeholder="Search notes"
        spellCheck={false}
        autoComplete="off"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {value ? (
        <button type="button" className="search-box-clear" aria-label="Clear the search" onClick={() => onChange('')}>
          <X aria-hidden />
        </button>
      ) : (
        <Kbd keys={['mod', 'K']} />
      )}
    </div>
  );
});
