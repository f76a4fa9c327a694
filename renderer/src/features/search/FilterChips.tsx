// The filter chips under the search box. One row: the filters in force (click to remove), then a
// chip per kind — Repo, Agent, Tag, Mode, Status — that opens a second row with that kind's values
// among the matches, with counts. Compact however many repos and tags a notebook has.
import { Bot, ChevronDown, FlaskConical, FolderGit2, Hash, X } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import type { SearchFacets, SearchFilters } from '../../../../shared/contract/search';
import { useAgentLabels } from '../settings/use-settings';
import './FilterChips.css';

export type ChipKind = 'repo' | 'agent' | 'tag' | 'mode' | 'status';

const KINDS: ChipKind[] = ['repo', 'agent', 'tag', 'mode', 'status'];
const LABELS: Record<ChipKind, string> = { repo: 'Repo', agent: 'Agent', tag: 'Tag', mode: 'Mode', status: 'Status' };
const MAX_VALUES = 16;

function icon(kind: ChipKind, value?: string): ReactNode {
  switch (kind) {
    case 'repo':
      return <FolderGit2 aria-hidden />;
    case 'agent':
      return <Bot aria-hidden />;
    case 'tag':
      return <Hash aria-hidden />;
    case 'mode':
      return <FlaskConical aria-hidden />;
    case 'status':
      return <span className="chip-dot" data-status={value} aria-hidden />;
  }
}

interface FilterChipsProps {
  facets: SearchFacets | undefined;
  filters: SearchFilters;
  onToggle: (kind: ChipKind, value: string) => void;
}

export function FilterChips({ facets, filters, onToggle }: FilterChipsProps) {
  const [open, setOpen] = useState<ChipKind | null>(null);
  const agentLabel = useAgentLabels();
  // Agents go by the names the app gives them (Claude Code); the filter keeps their ids.
  const shown = (kind: ChipKind, value: string): string => (kind === 'agent' ? agentLabel(value) : value);
  const chosen = (kind: ChipKind): string[] => (filters[kind] as string[] | undefined) ?? [];
  const active = KINDS.flatMap((kind) => chosen(kind).map((value) => ({ kind, value })));
  // A kind is worth filtering by when the matches differ in it.
  const offered = KINDS.filter((kind) => (facets?.[kind].length ?? 0) + chosen(kind).length >= 2);
  const values = open && facets ? facets[open].slice(0, MAX_VALUES) : [];
  if (active.length === 0 && offered.length === 0) return null;

  return (
    <div className="filter-chips">
      <div className="filter-row" role="group" aria-label="Filters">
        {active.map(({ kind, value }) => (
          <button key={`${kind}:${value}`} type="button" className="chip is-active" aria-label={`Remove the ${LABELS[kind].toLowerCase()} filter ${shown(kind, value)}`} onClick={() => onToggle(kind, value)}>
            {icon(kind, value)}
            <span className="chip-label">{shown(kind, value)}</span>
            <X className="chip-remove" aria-hidden />
          </button>
        ))}
        {offered.map((kind) => (
          <button key={kind} type="button" className="chip chip-kind" aria-expanded={open === kind} onClick={() => setOpen(open === kind ? null : kind)}>
            {LABELS[kind]}
            <ChevronDown aria-hidden />
          </button>
        ))}
      </div>
      {open && values.length > 0 && (
        <div className="filter-row filter-values" role="group" aria-label={`Filter by ${LABELS[open].toLowerCase()}`}>
          {values.map((facet) => {
            const on = chosen(open).includes(facet.value);
            return (
              <button key={facet.value} type="button" className={`chip${on ? ' is-active' : ''}`} aria-pressed={on} onClick={() => onToggle(open, facet.value)}>
                {icon(open, facet.value)}
                <span className="chip-label">{shown(open, facet.value)}</span>
                <span className="chip-count">{facet.count.toLocaleString()}</span>
              </button>
            );
          })}
        </div>
      )}
    </div>
  );
}
