// Which notes the list shows: all, one status, the stale ones, one repo or one tag, chosen in the sidebar.
import type { NoteStatus, NoteSummary } from '../../../../shared/model/note';

export type NoteFilter =
  | { kind: 'all' }
  | { kind: 'status'; status: NoteStatus }
  | { kind: 'problems' }
  /** Notes whose code changed since their commit (the engine says which: `notes.stale`). */
  | { kind: 'stale' }
  | { kind: 'repo'; repo: string }
  | { kind: 'tag'; tag: string }
  /** Not a filter of the notes list: the trash, shown in its place. */
  | { kind: 'trash' };

export const ALL_NOTES: NoteFilter = { kind: 'all' };

export function matchesFilter(note: NoteSummary, filter: NoteFilter, stale: ReadonlySet<string>): boolean {
  switch (filter.kind) {
    case 'all':
      return true;
    case 'status':
      return note.status === filter.status;
    case 'problems':
      return note.problem !== undefined;
    case 'stale':
      return stale.has(note.id);
    case 'repo':
      return note.repo === filter.repo;
    case 'tag':
      return note.tags.includes(filter.tag);
    case 'trash':
      return false;
  }
}

export function sameFilter(a: NoteFilter, b: NoteFilter): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function filterLabel(filter: NoteFilter): string {
  switch (filter.kind) {
    case 'all':
      return 'All notes';
    case 'status':
      return filter.status[0]!.toUpperCase() + filter.status.slice(1);
    case 'problems':
      return 'Notes with problems';
    case 'stale':
      return 'Stale notes';
    case 'repo':
      return filter.repo;
    case 'tag':
      return `#${filter.tag}`;
    case 'trash':
      return 'Trash';
  }
}

/** Counts per value, most frequent first, then alphabetical. */
export function countBy(values: Iterable<string>): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
