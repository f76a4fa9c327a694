// What the search index holds: the fields a query can name, their boosts, and the note facts that
// filter results rather than rank them.
import type { SearchField } from '../../../shared/contract/search';

/** Indexed fields, in the order their numbers are stored in segment files. Never reorder. */
export const FIELDS: readonly SearchField[] = ['title', 'question', 'tags', 'sources', 'body'];
export const FIELD_COUNT = FIELDS.length;

/**
 * How much a match in each field weighs against the same match in the body: a word in the title
 * says far more about a note than a passing mention among two thousand words of explanation.
 */
export const FIELD_BOOSTS: Readonly<Record<SearchField, number>> = {
  title: 10,
  question: 4,
  tags: 5,
  sources: 3,
  body: 1,
};

/** Other names people type for a field: `tag:http`, `path:router.ts`, `file:index.ts`. */
export const FIELD_ALIASES: Readonly<Record<string, SearchField>> = {
  title: 'title',
  question: 'question',
  tags: 'tags',
  tag: 'tags',
  sources: 'sources',
  source: 'sources',
  path: 'sources',
  file: 'sources',
  body: 'body',
  text: 'body',
};

/** BM25 parameters, lunr's defaults. */
export const BM25 = { k1: 1.2, b: 0.75 } as const;

/** The note facts a query filters on (`repo:ky` in the query, or the filter chips). */
export const FILTER_NAMES = ['repo', 'agent', 'mode', 'status'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];
