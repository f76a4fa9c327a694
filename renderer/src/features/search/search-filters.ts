// The filters a search runs with: the sidebar's scope and the chips the user added, as one set.
import type { SearchFilters } from '../../../../shared/contract/search';
import type { ChipKind } from './FilterChips';

export function valuesOf(filters: SearchFilters, kind: ChipKind): string[] {
  return (filters[kind] as string[] | undefined) ?? [];
}

export function mergeFilters(a: SearchFilters, b: SearchFilters): SearchFilters {
  const merged: SearchFilters = { ...a };
  for (const kind of ['repo', 'agent', 'tag', 'mode', 'status'] as const) {
    const values = [...new Set([...(a[kind] ?? []), ...(b[kind] ?? [])])];
    if (values.length > 0) (merged as Record<string, string[]>)[kind] = values;
  }
  return merged;
}

/** The chips with `value` of `kind` added, or removed when it was there. */
export function toggleChip(chips: SearchFilters, kind: ChipKind, value: string): SearchFilters {
  const values = valuesOf(chips, kind);
  const next = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
  return { ...chips, [kind]: next.length > 0 ? next : undefined };
}

export function hasFilters(filters: SearchFilters): boolean {
  return Object.values(filters).some((values) => Array.isArray(values) && values.length > 0);
}
