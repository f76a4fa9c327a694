import { SearchX } from 'lucide-react';
import type { QuerySuggestion } from '../../../../shared/contract/search';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import './NoResults.css';

interface NoResultsProps {
  query: string;
  suggestions: QuerySuggestion[];
  filtered: boolean;
  onTry: (suggestion: QuerySuggestion) => void;
  onClearFilters: () => void;
}

/** Nothing matched: what to try next, starting with queries the engine knows would find notes. */
export function NoResults({ query, suggestions, filtered, onTry, onClearFilters }: NoResultsProps) {
  return (
    <EmptyState icon={<SearchX />} title="No notes match">
      <p className="no-results-query">“{query}”</p>
      {suggestions.length > 0 && (
        <ul className="no-results-suggestions" aria-label="Try instead">
          {suggestions.map((suggestion) => (
            <li key={`${suggestion.query}:${suggestion.withoutFilters}`}>
              <Button size="sm" onClick={() => onTry(suggestion)}>
                {suggestion.label}: <code>{suggestion.query}</code>
              </Button>
              <span className="no-results-count">
                {suggestion.total} {suggestion.total === 1 ? 'note' : 'notes'}
              </span>
            </li>
          ))}
        </ul>
      )}
      <ul className="no-results-tips">
        {filtered && suggestions.every((suggestion) => !suggestion.withoutFilters) && (
          <li>
            Remove the filters: <button type="button" className="link-button" onClick={onClearFilters}>search all notes</button>
          </li>
        )}
        <li>Use fewer or other words: any word can match, the notes with more rank first.</li>
        <li>
          Match the start of a word with <code>rout*</code>, allow a typo with <code>handlr~1</code>.
        </li>
        <li>
          Search one field with <code>title:router</code>, <code>tags:http</code> or <code>path:index.ts</code>.
        </li>
      </ul>
    </EmptyState>
  );
}
