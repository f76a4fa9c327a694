// Filters (repo, agent, tag, mode, status, date) and the facet counts behind the filter chips.
// Facets are disjunctive: a kind's counts ignore that kind's own filter, so picking one repo still
// shows the other repos' chips with their counts.
import type { FacetCount, SearchFacets, SearchFilters } from '../../../shared/contract/search';
import { FACET_KINDS, type FacetKind, type FactColumns } from './fact-columns';
import type { FilterName } from './fields';
import type { Segment } from './segment';

const MAX_FACET_VALUES = 30;

export interface NoteFilter {
  /** Wanted values per kind, lowercased (matching ignores case). */
  values: Partial<Record<FacetKind, Set<string>>>;
  fromMs: number;
  toMs: number;
  /** Only notes with these ids, when set. */
  ids?: Set<string>;
}

/** Combines the request's filters with those written in the query (`repo:ky`). */
export function compileFilter(filters: SearchFilters, fromQuery: Partial<Record<FilterName, string[]>>): NoteFilter {
  const values: NoteFilter['values'] = {};
  for (const kind of FACET_KINDS) {
    const wanted = [...(filters[kind] ?? []), ...(kind === 'tag' ? [] : (fromQuery[kind] ?? []))];
    if (wanted.length > 0) values[kind] = new Set(wanted.map((value) => value.toLowerCase()));
  }
  return {
    values,
    fromMs: filters.from ? Date.parse(filters.from) : -Infinity,
    toMs: filters.to ? endOf(filters.to) : Infinity,
    ...(filters.ids ? { ids: new Set(filters.ids) } : {}),
  };
}

/** A bare date means the whole day. */
function endOf(bound: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(bound) ? Date.parse(bound) + 86_400_000 - 1 : Date.parse(bound);
}

export function isUnfiltered(filter: NoteFilter): boolean {
  return Object.keys(filter.values).length === 0 && filter.fromMs === -Infinity && filter.toMs === Infinity && filter.ids === undefined;
}

/** Filters notes and counts their facets, segment by segment; `facets()` adds the segments up. */
export class FacetCounter {
  private readonly totals = new Map<FacetKind, Map<string, number>>(FACET_KINDS.map((kind) => [kind, new Map()]));
  private current: SegmentCounts | null = null;
  /** No filter at all: every note passes and counts in every kind (the common case, made cheap). */
  private readonly open: boolean;

  constructor(
    private readonly filter: NoteFilter,
    /** False: filter only, count nothing (`facets()` is empty). */
    private readonly counting = true,
  ) {
    this.open = isUnfiltered(filter);
  }

  /** Starts on a segment: its value ids get masks (wanted or not) and counters. */
  begin(segment: Segment): void {
    this.flush();
    const columns = segment.facts;
    const masks: Partial<Record<FacetKind, Uint8Array>> = {};
    for (const kind of FACET_KINDS) {
      const wanted = this.filter.values[kind];
      if (wanted) masks[kind] = Uint8Array.from(columns.values[kind], (value) => (wanted.has(value.toLowerCase()) ? 1 : 0));
    }
    const counts = Object.fromEntries(FACET_KINDS.map((kind) => [kind, new Int32Array(columns.values[kind].length)])) as Record<FacetKind, Int32Array>;
    this.current = { segment, columns, masks, counts };
  }

  /** True when no filter applies: every note passes, and `countAll` counts a segment's matches at once. */
  get unfiltered(): boolean {
    return this.open;
  }

  /** Without filters: counts the facets of the first `count` notes of `notes` (of the current segment). */
  countAll(notes: Int32Array, count: number): void {
    const { columns, counts } = this.current!;
    const { repo, agent, mode, status } = columns.ids;
    const { tagStart, tagIds } = columns;
    for (let i = 0; i < count; i++) {
      const note = notes[i]!;
      counts.repo[repo[note]!]!++;
      counts.agent[agent[note]!]!++;
      counts.mode[mode[note]!]!++;
      counts.status[status[note]!]!++;
      for (let t = tagStart[note]!; t < tagStart[note + 1]!; t++) counts.tag[tagIds[t]!]!++;
    }
  }

  /** Whether the note passes every filter; counts it in the facets it should show in. */
  accept(note: number): boolean {
    const { segment, columns, masks, counts } = this.current!;
    if (this.open) {
      counts.repo[columns.ids.repo[note]!]!++;
      counts.agent[columns.ids.agent[note]!]!++;
      counts.mode[columns.ids.mode[note]!]!++;
      counts.status[columns.ids.status[note]!]!++;
      for (let t = columns.tagStart[note]!; t < columns.tagStart[note + 1]!; t++) counts.tag[columns.tagIds[t]!]!++;
      return true;
    }
    if (this.filter.ids && !this.filter.ids.has(segment.notes[note]!.id)) return false;
    const created = segment.createdMs[note]!;
    if (created < this.filter.fromMs || created > this.filter.toMs) return false;
    let failed: FacetKind | null = null;
    for (const kind of FACET_KINDS) {
      const mask = masks[kind];
      if (mask && !passes(columns, kind, note, mask)) {
        if (failed !== null) return false;
        failed = kind;
      }
    }
    if (!this.counting) return failed === null;
    if (failed !== null) {
      tally(columns, counts, failed, note);
      return false;
    }
    for (const kind of FACET_KINDS) tally(columns, counts, kind, note);
    return true;
  }

  facets(): SearchFacets {
    this.flush();
    // Ties in code unit order: localeCompare would be the only use of ICU's collator in the worker,
    // and building it costs the first query ~10 ms; the values are names (repos, agents, tags).
    const list = (kind: FacetKind): FacetCount[] =>
      [...this.totals.get(kind)!]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
        .slice(0, MAX_FACET_VALUES)
        .map(([value, count]) => ({ value, count }));
    return { repo: list('repo'), agent: list('agent'), tag: list('tag'), mode: list('mode'), status: list('status') };
  }

  private flush(): void {
    if (!this.current) return;
    const { columns, counts } = this.current;
    for (const kind of FACET_KINDS) {
      const totals = this.totals.get(kind)!;
      counts[kind].forEach((count, id) => {
        if (count > 0) totals.set(columns.values[kind][id]!, (totals.get(columns.values[kind][id]!) ?? 0) + count);
      });
    }
    this.current = null;
  }
}

interface SegmentCounts {
  segment: Segment;
  columns: FactColumns;
  masks: Partial<Record<FacetKind, Uint8Array>>;
  counts: Record<FacetKind, Int32Array>;
}

function passes(columns: FactColumns, kind: FacetKind, note: number, mask: Uint8Array): boolean {
  if (kind !== 'tag') {
    const id = columns.ids[kind][note]!;
    return id >= 0 && mask[id] === 1;
  }
  for (let t = columns.tagStart[note]!; t < columns.tagStart[note + 1]!; t++) if (mask[columns.tagIds[t]!] === 1) return true;
  return false;
}

function tally(columns: FactColumns, counts: Record<FacetKind, Int32Array>, kind: FacetKind, note: number): void {
  if (kind !== 'tag') {
    const id = columns.ids[kind][note]!;
    if (id >= 0) counts[kind][id]!++;
    return;
  }
  for (let t = columns.tagStart[note]!; t < columns.tagStart[note + 1]!; t++) counts.tag[columns.tagIds[t]!]!++;
}
