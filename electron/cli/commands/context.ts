// `fieldnotes context <note>...` or `fieldnotes context --query "<search>"`: notes as context for a
// prompt, on stdout, ready for a pipe (`fieldnotes context --query routing | claude -p "…"`). The
// token count and warnings go to stderr, so stdout is exactly the bundle.
import { Option, type Command } from 'commander';
import { CONTEXT_FORMATS, type ContextFormat } from '../../../shared/context/context-bundle';
import { CONTEXT_TRIMS, type ContextBudget, type ContextTrim, type TrimReport } from '../../../shared/contract/context';
import type { SearchRequest } from '../../../shared/contract/search';
import type { InProcessApi } from '../../core/api-client';
import { CliError, type GlobalOptions } from '../cli-error';
import { withApi } from '../engine-command';
import { noteIdsOf } from '../note-refs';
import { requireNotebookFolder, waitForIndex } from '../search-session';
import { searchRequest, shellWord } from './search';

interface ContextOptions {
  format: ContextFormat;
  query?: string;
  limit?: string;
  repo?: string[];
  maxTokens?: string;
  trim: ContextTrim;
}

/** How many notes `--query` bundles when `--limit` is not given: the best few, not a flood. */
const DEFAULT_LIMIT = 5;

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function registerContext(program: Command, globals: () => Promise<GlobalOptions>): void {
  program
    .command('context')
    .description('Print notes as context for a prompt, named or the best matches of --query (the token count goes to stderr): fieldnotes context --query routing | claude -p "…"')
    .argument('[notes...]', 'the notes’ ids or paths, in the order they go into the bundle')
    .option('-q, --query <search>', 'bundle the notes that best match this search instead, best first (same syntax as fieldnotes search)')
    .option('-n, --limit <n>', `with --query: bundle at most this many notes (default ${DEFAULT_LIMIT})`)
    .option('--repo <repo>', 'with --query: only notes about this repo, by name or folder path (repeatable)', collect)
    .addOption(new Option('--format <format>', 'how the bundle is written').choices(CONTEXT_FORMATS).default('xml'))
    .option('--max-tokens <n>', 'trim the bundle to at most this many tokens (the target’s context window): notes that do not fit are left out, last first')
    .addOption(new Option('--trim <how>', 'with --max-tokens: leave notes out, or first keep only the summary and citations of notes, last first').choices(CONTEXT_TRIMS).default('leave-out'))
    .addHelpText(
      'after',
      '\nExamples:\n  fieldnotes context 01JDZ8Q6X7M3N4P5R6S7T8V9W0 ky/2026-11-27-why-do-retries-stop.md\n  fieldnotes context --query "retry backoff" --repo ky --limit 3 | claude -p "…"\n  fieldnotes context --query routing --limit 20 --max-tokens 200000 --trim summaries',
    )
    .action(async (refs: string[], commandOptions: ContextOptions, command: Command) => {
      const usage = (message: string): never => command.error(`error: ${message}`);
      if (commandOptions.query !== undefined && refs.length > 0) usage('give note ids or paths, or --query, not both');
      if (commandOptions.query === undefined && refs.length === 0) usage('give the notes to bundle (ids or paths), or --query "<search>" to bundle the best matches');
      if (commandOptions.query === undefined && (commandOptions.limit !== undefined || commandOptions.repo !== undefined)) usage('--limit and --repo go with --query');
      const search = commandOptions.query === undefined ? null : await searchInput(commandOptions.query, commandOptions, usage);
      const budget = budgetOf(commandOptions, command, usage);

      const options = await globals();
      if (search) await requireNotebookFolder(options.notebook);
      await withApi(options, { notebook: 'existing' }, async (api) => {
        const matched = search ? await bestMatches(api, search) : null;
        const ids = matched ? matched.ids : await noteIdsOf(api, refs, 'printed');
        const bundle = await api.context.build({ ids, format: commandOptions.format, ...(budget ? { budget } : {}) });
        if (options.json) {
          console.log(JSON.stringify(bundle, null, 2));
          return;
        }
        process.stdout.write(bundle.text);
        console.error(`≈ ${bundle.tokens.toLocaleString('en-US')} tokens (${bundle.tokenizer} tokenizer)`);
        if (matched && matched.total > ids.length) {
          console.error(`fieldnotes: bundled the best ${ids.length} of ${matched.total.toLocaleString('en-US')} matching notes (--limit for more)`);
        }
        if (bundle.trimmed) for (const line of trimLines(bundle.trimmed, bundle.notes)) console.error(line);
        for (const note of bundle.notes) {
          for (const warning of note.warnings) console.error(`fieldnotes: ${note.path}: ${warning.replace(/^Warning: /, '')}`);
        }
      });
    });
}

/** The budget of `--max-tokens` and `--trim`; null without --max-tokens. */
function budgetOf(options: ContextOptions, command: Command, usage: (message: string) => never): ContextBudget | null {
  if (options.maxTokens === undefined) {
    if (command.getOptionValueSource('trim') === 'cli') usage('--trim goes with --max-tokens');
    return null;
  }
  const maxTokens = Number(options.maxTokens.replace(/[_,]/g, '').replace(/k$/i, '000'));
  if (!Number.isInteger(maxTokens) || maxTokens < 100) usage(`--max-tokens wants a whole number of tokens, at least 100 (got ${shellWord(options.maxTokens)}); 200000 is a common window`);
  return { maxTokens, trim: options.trim };
}

/** What trimming did, for stderr: which notes were cut to summaries and which were left out. */
function trimLines(trimmed: TrimReport, notes: ReadonlyArray<{ id: string; path: string }>): string[] {
  const paths = new Map(notes.map((note) => [note.id, note.path]));
  const budget = trimmed.maxTokens.toLocaleString('en-US');
  return [
    ...trimmed.summarized.map((id) => `fieldnotes: ${paths.get(id) ?? id}: only its summary and citations, to stay within ${budget} tokens`),
    ...trimmed.leftOut.map((note) => `fieldnotes: left out ${note.title} (${note.id}, ${note.tokens.toLocaleString('en-US')} tokens), to stay within ${budget} tokens`),
  ];
}

/** The search behind `--query`, checked as `fieldnotes search` checks its own. */
async function searchInput(query: string, options: ContextOptions, usage: (message: string) => never): Promise<SearchRequest> {
  const input = await searchRequest(query, { repo: options.repo, sort: 'relevance', limit: options.limit ?? String(DEFAULT_LIMIT) });
  return 'problem' in input ? usage(input.problem) : input.request;
}

/** The ids of the best matches, in rank order, and how many notes matched in all. */
async function bestMatches(api: InProcessApi, input: SearchRequest): Promise<{ ids: string[]; total: number }> {
  await waitForIndex(api);
  const results = await api.search.query(input);
  for (const message of results.messages) console.error(`fieldnotes: ${message.message}`);
  if (results.hits.length === 0) {
    const repos = input.filters.repo ?? [];
    const search = ['fieldnotes search', ...repos.map((repo) => `--repo ${shellWord(repo)}`), shellWord(input.query)].join(' ');
    throw new CliError(`No notes match “${input.query}”${repos.length > 0 ? ` in ${repos.join(', ')}` : ''}, so nothing was printed. \`${search}\` shows what the notebook has.`);
  }
  return { ids: results.hits.map((hit) => hit.id), total: results.total };
}
