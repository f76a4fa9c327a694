// Where a search query's time goes: the worker's own code, run in this process over the persisted
// index, one phase at a time over the benchmark's queries, timed as CPU (process.cpuUsage, so the
// figures hold on a busy machine where wall-clock tails are mostly waiting for a core). GC and
// JIT threads count too: they are work the query causes.
import { serialize } from 'node:v8';
import { SearchInput, type SearchRequest, type SearchStatus } from '../../shared/contract/search';
import { compileFilter } from '../../electron/core/search/filters';
import { IndexCache } from '../../electron/core/search/index-cache';
import { runQuery, type QueryOutcome } from '../../electron/core/search/query-executor';
import { parseQuery, type ParsedQuery } from '../../electron/core/search/query-parser';
import { SearchIndex } from '../../electron/core/search/search-index';
import { NoteBodies } from '../../electron/core/search/note-bodies';
import { answer } from '../../electron/core/search/search-results';
import { highlighterFor } from '../../electron/core/search/snippets';
import { PAGES, QUERIES, QUERY_KINDS, type QueryKind } from './search-queries';

const PASSES = 20;
/** The app's page: every hit scored and listed, the first ones read and cut into snippets. */
const { limit: LIMIT, snippets: SNIPPETS } = PAGES.app;
const PHASES = ['parse + score', 'read the snippets’ note files', 'cut snippets, highlight titles', 'answer() in all', 'serialize the reply'] as const;
type Phase = (typeof PHASES)[number];

export interface QueryBreakdown {
  phases: readonly Phase[];
  /** CPU ms per query, by kind and phase. */
  cpuMs: Record<QueryKind, Record<Phase, number>>;
}

interface Prepared {
  request: SearchRequest;
  parsed: ParsedQuery;
  outcome: QueryOutcome;
}

/** Measures each phase for each kind of query on the index in `cacheDir` (read, never written). */
export async function queryBreakdown(root: string, cacheDir: string): Promise<QueryBreakdown> {
  const index = new SearchIndex((await new IndexCache(cacheDir).load()).segments);
  const segments = index.segments();
  const status: SearchStatus = { state: 'ready', notes: index.noteCount, progress: null, reason: null };
  const cpuMs = {} as QueryBreakdown['cpuMs'];
  // Twice over, keeping the second: the first kinds measured would otherwise pay for compiling the code.
  for (const kind of [...QUERY_KINDS, ...QUERY_KINDS]) {
    const prepared: Prepared[] = QUERIES[kind].map((query) => {
      const request = SearchInput.parse({ query, ...PAGES.app });
      const parsed = parseQuery(request.query);
      return { request, parsed, outcome: runQuery(segments, parsed, compileFilter(request.filters, parsed.filters), request.sort, LIMIT) };
    });
    const bodies = new NoteBodies(0);
    const withSnippets = (outcome: QueryOutcome) => outcome.top.slice(0, SNIPPETS);
    const texts = prepared.map(({ outcome }) => withSnippets(outcome).map(({ segment, note }) => bodies.get(root, segment.notes[note]!) ?? ''));
    const replies = prepared.map(({ request }) => answer(segments, root, request, status).results);
    const perQuery = (work: () => void): number => cpu(work) / (PASSES * prepared.length);
    cpuMs[kind] = {
      'parse + score': perQuery(() => {
        for (const { request } of prepared) {
          const parsed = parseQuery(request.query);
          runQuery(segments, parsed, compileFilter(request.filters, parsed.filters), request.sort, LIMIT);
        }
      }),
      'read the snippets’ note files': perQuery(() => {
        for (const { outcome } of prepared) for (const { segment, note } of withSnippets(outcome)) bodies.get(root, segment.notes[note]!);
      }),
      'cut snippets, highlight titles': perQuery(() => {
        prepared.forEach(({ parsed, outcome }, q) => {
          const highlighter = highlighterFor(parsed, outcome.matched);
          outcome.top.forEach(({ segment, note }, i) => {
            highlighter.ranges(segment.notes[note]!.title);
            if (i < SNIPPETS) highlighter.snippet(texts[q]![i]!);
          });
        });
      }),
      'answer() in all': perQuery(() => {
        for (const { request } of prepared) answer(segments, root, request, status);
      }),
      'serialize the reply': perQuery(() => {
        for (const reply of replies) serialize(reply);
      }),
    };
  }
  return { phases: PHASES, cpuMs };
}

/** CPU ms `work` takes, PASSES times over (after one pass to warm up). */
function cpu(work: () => void): number {
  work();
  const before = process.cpuUsage();
  for (let pass = 0; pass < PASSES; pass++) work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}
