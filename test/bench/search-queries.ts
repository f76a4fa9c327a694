// The benchmark's queries, by kind, written with words the synthetic notebooks use, and the
// ripgrep command that looks for the same thing in the same folder.

export const QUERY_KINDS = ['term', 'two terms', 'prefix', 'fuzzy', 'field'] as const;
/**
 * What a query asks for. `app`: a page as the app's search pane asks it, as you type (RESULTS_PAGE
 * and SNIPPETS_AT_ONCE in renderer/src/features/search): 30 hits, snippets for the first 10 (the
 * rest are cut as their rows scroll into view). `full`: 20 hits, each with its snippet, as
 * `fieldnotes search` asks, and as this benchmark measured queries before the app's page did.
 */
export const PAGES = { app: { limit: 30, snippets: 10 }, full: { limit: 20 } } as const;
export type Page = keyof typeof PAGES;
export type QueryKind = (typeof QUERY_KINDS)[number];

export const QUERIES: Record<QueryKind, string[]> = {
  term: ['request', 'timeout', 'allocator', 'middleware', 'snapshot', 'tokenizer', 'deadline', 'ownership', 'reducer', 'upstream'],
  'two terms': ['retry backoff', 'socket timeout', 'parser tokenizer', 'session cookie', 'worker thread', 'lock mutex', 'schema migration', 'stream buffer', 'plugin hook', 'heap allocator'],
  prefix: ['rout*', 'sched*', 'serial*', 'disp*', 'buff*', 'migra*', 'alloc*', 'toke*', 'subscr*', 'middle*'],
  fuzzy: ['handlr~1', 'reqest~1', 'timout~1', 'sesion~1', 'socet~1', 'bufer~1', 'cokie~1', 'mutx~1', 'schem~1', 'lexr~1'],
  field: ['title:timeout', 'title:dispatch', 'tags:routing', 'sources:router', 'question:cache', 'title:worker', 'tags:auth', 'sources:middleware', 'title:stream', 'question:plugin'],
};

const FIELD_LINES: Record<string, string> = {
  title: '^title:.*',
  question: '^question:.*',
  tags: '^tags:.*',
  sources: '^  - \\{ path: .*',
};

/**
 * ripgrep's arguments for the same search: case-insensitive, any of the words, a prefix as a
 * substring, a typo as every one-edit variant, a field as its frontmatter line.
 */
export function ripgrepArgs(kind: QueryKind, query: string): string[] {
  switch (kind) {
    case 'term':
      return ['-F', '-e', query];
    case 'two terms':
      return ['-F', ...query.split(' ').flatMap((word) => ['-e', word])];
    case 'prefix':
      return ['-F', '-e', query.replace(/\*$/, '')];
    case 'fuzzy':
      return ['-e', oneEditVariants(query.replace(/~\d$/, ''))];
    case 'field': {
      const [field, word] = query.split(':') as [string, string];
      return ['-e', `${FIELD_LINES[field]}${word}`];
    }
  }
}

/** A regular expression matching every string one insertion, deletion, substitution or transposition away. */
function oneEditVariants(word: string): string {
  const variants = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    variants.add(`${word.slice(0, i)}.${word.slice(i)}`);
    if (i < word.length) {
      variants.add(word.slice(0, i) + word.slice(i + 1));
      variants.add(`${word.slice(0, i)}.${word.slice(i + 1)}`);
    }
    if (i < word.length - 1) variants.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  return [...variants].join('|');
}
