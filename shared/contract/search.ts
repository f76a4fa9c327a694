// search.*: full-text search over the notebook's notes (lunr query syntax, code-aware words).
import { z } from 'zod';
import { method } from './method';
import { NoteMode, NoteStatus } from '../model/note';

/** The indexed fields a query can name, as in `title:router`. */
export const SearchField = z.enum(['title', 'question', 'tags', 'sources', 'body']);
export type SearchField = z.infer<typeof SearchField>;

const FilterValues = z.array(z.string().min(1).max(200)).max(50);
const DateBound = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** Narrows results to notes with these facts. Values of one kind are alternatives (OR); kinds combine (AND). */
export const SearchFilters = z.object({
  repo: FilterValues.optional(),
  agent: FilterValues.optional(),
  tag: FilterValues.optional(),
  mode: z.array(NoteMode).max(2).optional(),
  status: z.array(NoteStatus).max(6).optional(),
  /** Notes created on or after this date (YYYY-MM-DD or a full timestamp). */
  from: DateBound.optional(),
  /** Notes created on or before this date (a bare date includes that whole day). */
  to: DateBound.optional(),
  /** Only these notes (the Stale filter passes the ids `notes.stale` gives). */
  ids: z.array(z.string().min(1).max(200)).max(100_000).optional(),
});
export type SearchFilters = z.infer<typeof SearchFilters>;

export const SearchSort = z.enum(['relevance', 'newest']);
export type SearchSort = z.infer<typeof SearchSort>;

export const SearchInput = z.object({
  /** Plain words, or lunr syntax: `+must -not title:word prefix* fuzzy~1 word^2`. */
  query: z.string().max(1000),
  filters: SearchFilters.default({}),
  sort: SearchSort.default('relevance'),
  limit: z.number().int().min(1).max(200).default(20),
  offset: z.number().int().min(0).max(100_000).default(0),
  /**
   * How many of the returned hits, from the first, come with a snippet (default: all of them).
   * The others have `snippet: null` and their note files are not read: a list shows the first
   * screenful at once and asks for the rest (the same query, with `offset`) as they scroll into view.
   */
  snippets: z.number().int().min(0).max(200).optional(),
  /**
   * Count the values behind the filter chips (default true). False leaves `facets` empty and spares
   * the count over every matching note: the command line, and pages after the first, never show them.
   */
  facets: z.boolean().default(true),
});
export type SearchInput = z.input<typeof SearchInput>;
export type SearchRequest = z.output<typeof SearchInput>;

/**
 * A highlighted stretch of a text: [start, end) in UTF-16 code units. Highlights are ranges, not
 * markup, so nothing from a note is ever rendered as HTML.
 */
export const TextRange = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
export type TextRange = z.infer<typeof TextRange>;

export const Snippet = z.object({
  /** Plain text around the best match, with "…" where it was cut. */
  text: z.string(),
  highlights: z.array(TextRange),
});
export type Snippet = z.infer<typeof Snippet>;

export const SearchHit = z.object({
  id: z.string(),
  /** Path relative to the notebook folder, with forward slashes. */
  path: z.string(),
  title: z.string(),
  titleHighlights: z.array(TextRange),
  /** lunr's relevance score (BM25 with field boosts); 0 for a query of only `-not` terms. */
  score: z.number(),
  /** The best stretch of the body for the query; null when not asked for (`snippets`). */
  snippet: Snippet.nullable(),
  repo: z.string().optional(),
  agent: z.string().optional(),
  mode: NoteMode,
  status: NoteStatus,
  created: z.string(),
  tags: z.array(z.string()),
  /** The newer note that refreshed this one; hits of one chain come newest first. */
  supersededBy: z.string().optional(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const FacetCount = z.object({ value: z.string(), count: z.number().int().nonnegative() });
export type FacetCount = z.infer<typeof FacetCount>;

/** How many matching notes have each repo, agent, tag, mode and status, most first (for filter chips). */
export const SearchFacets = z.object({
  repo: z.array(FacetCount),
  agent: z.array(FacetCount),
  tag: z.array(FacetCount),
  mode: z.array(FacetCount),
  status: z.array(FacetCount),
});
export type SearchFacets = z.infer<typeof SearchFacets>;

/** Something about the query the user should know: a syntax mistake and what was searched instead. */
export const QueryMessage = z.object({
  code: z.enum(['SYNTAX', 'UNKNOWN_FIELD', 'IGNORED']),
  message: z.string(),
});
export type QueryMessage = z.infer<typeof QueryMessage>;

/** Another query worth trying when nothing matched, with how many notes it finds. */
export const QuerySuggestion = z.object({
  query: z.string(),
  label: z.string(),
  /** Run it without the current filters. */
  withoutFilters: z.boolean(),
  total: z.number().int().nonnegative(),
});
export type QuerySuggestion = z.infer<typeof QuerySuggestion>;

export const IndexProgress = z.object({
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type IndexProgress = z.infer<typeof IndexProgress>;

/** The index's state: what the "indexing N of M" line shows. */
export const SearchStatus = z.object({
  state: z.enum(['starting', 'indexing', 'ready', 'failed']),
  /** Notes the index holds now. */
  notes: z.number().int().nonnegative(),
  /** Notes indexed so far out of those waiting, while indexing. */
  progress: IndexProgress.nullable(),
  /** Why it is indexing: no index yet, a damaged or outdated one, a reindex asked for, or changed notes. */
  reason: z.enum(['missing', 'corrupt', 'outdated', 'reindex', 'changes']).nullable(),
  /** What went wrong, when the state is `failed`. */
  error: z.string().optional(),
});
export type SearchStatus = z.infer<typeof SearchStatus>;

export const SearchResults = z.object({
  query: z.string(),
  /** Matching notes in all (hits holds at most `limit` of them, from `offset`). */
  total: z.number().int().nonnegative(),
  hits: z.array(SearchHit),
  facets: SearchFacets,
  messages: z.array(QueryMessage),
  /** Queries to try next; filled when nothing matched. */
  suggestions: z.array(QuerySuggestion),
  /** False while the index is still being built: more notes may match once it is done. */
  complete: z.boolean(),
  status: SearchStatus,
  tookMs: z.number().nonnegative(),
});
export type SearchResults = z.infer<typeof SearchResults>;

export const searchMethods = {
  'search.query': method({
    description: 'Full-text search of the notes: ranked hits with highlighted snippets, facet counts and query messages.',
    input: SearchInput,
    output: SearchResults,
  }),
  'search.status': method({
    description:
      'The search index: how many notes it holds and whether it is indexing; with `wait`, once every change so far is indexed and written; with `wait: "indexed"`, once every note of the folder is searchable (background checks may still run).',
    input: z.object({ wait: z.union([z.boolean(), z.literal('indexed')]).optional() }).default({}),
    output: SearchStatus,
  }),
  'search.reindex': method({
    description: 'Rebuild the search index from the note files, in the background (search keeps answering meanwhile); with `wait`, answer when it is done, with the index’s size.',
    input: z.object({ wait: z.boolean().optional() }).default({}),
    output: SearchStatus.extend({
      /** Bytes of the index on disk, when `wait` was given. */
      indexBytes: z.number().int().nonnegative().optional(),
    }),
  }),
};

export const searchEvents = {
  /** The index's state changed: indexing started, moved on ("indexing N of M"), or finished. */
  'search.progress': SearchStatus,
};
