// `fieldnotes search <query>`: full-text search from the terminal, with lunr's query syntax.
import type { Command } from 'commander';
import type { SearchHit, SearchRequest, SearchResults, TextRange } from '../../../shared/contract/search';
import { CliError, type GlobalOptions } from '../cli-error';
import { repoName } from '../repo-option';
import { withApi } from '../engine-command';
import { requireNotebookFolder, waitForIndex } from '../search-session';

/** The search options as typed (`fieldnotes search`, and `fieldnotes context --query`). */
export interface SearchOptions {
  repo?: string[];
  agent?: string[];
  tag?: string[];
  mode?: string[];
  status?: string[];
  limit: string;
  sort: string;
  since?: string;
  until?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function registerSearch(program: Command, globals: () => Promise<GlobalOptions>): void {
  program
    .command('search')
    .description('Search the notes (lunr syntax: +must -not title:word prefix* fuzzy~1)')
    .argument('<query...>', 'what to look for')
    .option('--repo <repo>', 'only notes about this repo, by name or folder path (repeatable)', collect, [])
    .option('--agent <agent>', 'only notes by this agent (repeatable)', collect, [])
    .option('--tag <tag>', 'only notes with this tag (repeatable)', collect, [])
    .option('--mode <mode>', 'only explain or poc notes', collect, [])
    .option('--status <status>', 'only notes with this status (repeatable)', collect, [])
    .option('--since <date>', 'only notes created on or after this date (YYYY-MM-DD)')
    .option('--until <date>', 'only notes created on or before this date (YYYY-MM-DD)')
    .option('--sort <order>', 'relevance or newest', 'relevance')
    .option('-n, --limit <n>', 'show at most this many hits', '10')
    .action(async (words: string[], options: SearchOptions) => {
      const globalOptions = await globals();
      const input = await readInput(words.join(' '), options);
      await requireNotebookFolder(globalOptions.notebook);
      const results = await withApi(globalOptions, { notebook: 'existing' }, async (api) => {
        await waitForIndex(api);
        return api.search.query(input);
      });
      if (globalOptions.json) console.log(JSON.stringify(jsonOf(results), null, 2));
      else printResults(results, process.stdout.isTTY === true && !process.env.NO_COLOR);
    });
}

async function readInput(query: string, options: SearchOptions): Promise<SearchRequest> {
  const input = await searchRequest(query, options);
  if ('problem' in input) throw new CliError(input.problem);
  return input.request;
}

/** The search the options ask for, or what is wrong with one of them ("--limit: … (a whole number …)"). */
export async function searchRequest(query: string, options: SearchOptions): Promise<{ request: SearchRequest } | { problem: string }> {
  // The schemas (and zod) load when a search runs, not for `--help`.
  const { SearchInput } = await import('../../../shared/contract/search');
  const parsed = SearchInput.safeParse({
    query,
    filters: {
      ...(options.repo?.length ? { repo: options.repo.map(repoName) } : {}),
      ...(options.agent?.length ? { agent: options.agent } : {}),
      ...(options.tag?.length ? { tag: options.tag } : {}),
      ...(options.mode?.length ? { mode: options.mode } : {}),
      ...(options.status?.length ? { status: options.status } : {}),
      ...(options.since ? { from: options.since } : {}),
      ...(options.until ? { to: options.until } : {}),
    },
    sort: options.sort,
    limit: Number(options.limit),
    // The command line shows no filter chips: the count over every match is skipped.
    facets: false,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path.filter((part) => part !== 'filters')[0]);
    const option = field === 'from' ? 'since' : field === 'to' ? 'until' : field;
    return { problem: `--${option}: ${issue.message}${hintFor(option)}` };
  }
  return { request: parsed.data };
}

function hintFor(option: string): string {
  if (option === 'limit') return ' (a whole number from 1 to 200)';
  if (option === 'sort') return ' (relevance or newest)';
  if (option === 'mode') return ' (explain or poc)';
  if (option === 'status') return ' (queued, running, done, failed, cancelled or interrupted)';
  if (option === 'since' || option === 'until') return ' (a date like 2026-11-28)';
  return '';
}

/** What --json prints: the id, path, title, score and snippet of each hit. */
function jsonOf(results: SearchResults) {
  return {
    query: results.query,
    total: results.total,
    hits: results.hits.map((hit) => ({
      id: hit.id,
      path: hit.path,
      title: hit.title,
      score: hit.score,
      snippet: hit.snippet?.text ?? '',
      highlights: hit.snippet?.highlights ?? [],
    })),
    messages: results.messages.map((message) => message.message),
    suggestions: results.suggestions.map(({ query, total }) => ({ query, total })),
  };
}

function printResults(results: SearchResults, color: boolean): void {
  for (const message of results.messages) console.error(`fieldnotes: ${message.message}`);
  if (results.total === 0) {
    console.log(`No notes match “${results.query}”.`);
    for (const suggestion of results.suggestions) console.log(`  Try: fieldnotes search ${shellWord(suggestion.query)}   (${suggestion.label}: ${count(suggestion.total)})`);
    return;
  }
  const shown = results.hits.length < results.total ? `, showing ${results.hits.length}` : '';
  console.log(`${count(results.total)} match “${results.query}”${shown}.\n`);
  for (const hit of results.hits) printHit(hit, color);
}

function printHit(hit: SearchHit, color: boolean): void {
  const mark = (text: string, ranges: TextRange[]): string => (color ? marked(text, ranges, '\x1b[1;33m', '\x1b[0m') : text);
  const meta = [hit.repo, hit.agent, hit.created.slice(0, 10), hit.status === 'done' ? '' : hit.status].filter(Boolean).join(' · ');
  console.log(`${color ? '\x1b[1m' : ''}${mark(hit.title, hit.titleHighlights)}${color ? '\x1b[0m' : ''}  ${meta}`);
  console.log(`  ${hit.path}`);
  if (hit.snippet?.text) console.log(`  ${mark(hit.snippet.text, hit.snippet.highlights)}`);
  console.log('');
}

function marked(text: string, ranges: TextRange[], on: string, off: string): string {
  let out = '';
  let at = 0;
  for (const [from, to] of ranges) {
    out += text.slice(at, from) + on + text.slice(from, to) + off;
    at = to;
  }
  return out + text.slice(at);
}

function count(total: number): string {
  return `${total.toLocaleString('en')} note${total === 1 ? '' : 's'}`;
}

/** The query as one shell word, quoted only when it has to be (for the commands we suggest). */
export function shellWord(query: string): string {
  return /^[\w*~^.:/+-]+$/.test(query) ? query : `'${query.replace(/'/g, `'\\''`)}'`;
}
