// A segment's note facts as columns of small numbers (repo 3, agent 1, …) with a dictionary per
// kind, so filtering and counting facets over ten thousand matches is array lookups.
import type { NoteFacts } from './indexed-note';

export const FACET_KINDS = ['repo', 'agent', 'tag', 'mode', 'status'] as const;
export type FacetKind = (typeof FACET_KINDS)[number];
export type SingleKind = Exclude<FacetKind, 'tag'>;

export class FactColumns {
  /** Per kind, the distinct values in this segment; ids index into it. */
  readonly values: Record<FacetKind, string[]> = { repo: [], agent: [], tag: [], mode: [], status: [] };
  /** Per note, the id of its repo, agent, mode and status (-1: none). */
  readonly ids: Record<SingleKind, Int32Array>;
  /** The tags of note i are tagIds[tagStart[i] .. tagStart[i + 1]). */
  readonly tagStart: Int32Array;
  readonly tagIds: Int32Array;

  constructor(notes: readonly NoteFacts[]) {
    const dictionaries = new Map<FacetKind, Map<string, number>>();
    const idOf = (kind: FacetKind, value: string | undefined): number => {
      if (value === undefined) return -1;
      let dictionary = dictionaries.get(kind);
      if (!dictionary) dictionaries.set(kind, (dictionary = new Map()));
      let id = dictionary.get(value);
      if (id === undefined) {
        id = this.values[kind].length;
        dictionary.set(value, id);
        this.values[kind].push(value);
      }
      return id;
    };
    this.ids = {
      repo: Int32Array.from(notes, (note) => idOf('repo', note.repo)),
      agent: Int32Array.from(notes, (note) => idOf('agent', note.agent)),
      mode: Int32Array.from(notes, (note) => idOf('mode', note.mode)),
      status: Int32Array.from(notes, (note) => idOf('status', note.status)),
    };
    this.tagStart = new Int32Array(notes.length + 1);
    const tags: number[] = [];
    notes.forEach((note, i) => {
      this.tagStart[i] = tags.length;
      for (const tag of note.tags) tags.push(idOf('tag', tag));
    });
    this.tagStart[notes.length] = tags.length;
    this.tagIds = Int32Array.from(tags);
  }
}
