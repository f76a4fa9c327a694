// The search benchmark: on deterministic synthetic notebooks, a full build, the index's size and
// load time, query latency per kind (for the page the app asks as you type, and for 20 hits with
// snippets), where a query's CPU goes, how soon a new note is found, the worker's peak memory, and
// ripgrep on the same folder for the same queries — all measured in one run, side by side. Then the
// references of issue 15 in the same run: SQLite FTS5 and FlexSearch (reference-*.ts, from the
// bench's own sub-package test/bench/refs), and whole processes (serve's start, the one-shot CLI)
// against ripgrep; the first table printed gives each as a ratio, ours / reference.
// The worker runs as the desktop app runs it (the built search-worker.js), in a child process of
// its own so its memory is its own; first results are also timed with the worker in a thread of
// this process, as the app starts it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, readdir, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SearchInput, type SearchRequest } from '../../shared/contract/search';
import { SearchService } from '../../electron/core/search/service';
import { CpuReference } from './cpu-reference';
import { queryBreakdown, type QueryBreakdown } from './search-breakdown';
import { PAGES, QUERIES, QUERY_KINDS, ripgrepArgs, type Page, type QueryKind } from './search-queries';
import { median } from './stats';
import { writeSyntheticNotebook } from './synthetic-notebook';
import { measureProcesses, type ProcessMeasurement } from './process-bench';
import { readCorpus } from './reference-corpus';
import { referenceEngines, type ReferenceEngines } from './reference-engines';
import { measureFlexSearch, type FlexSearchMeasurement } from './reference-flexsearch';
import { measureFts5, type Fts5Measurement } from './reference-fts5';
import { referenceTable } from './reference-table';

export interface SearchBenchOptions {
  sizes: number[];
  seed: number;
  /** Where synthetic notebooks are written once and reused. */
  notebooksDir: string;
  /** The repository root (for the built worker). */
  root: string;
  log: (line: string) => void;
}

export interface Measurement {
  notes: number;
  corpusBytes: number;
  buildMs: number;
  buildPeakRss: number;
  indexBytes: number;
  loadMs: number;
  firstResults: Record<Isolation, FirstResults>;
  query: Record<Page, Record<QueryKind, number[]>>;
  /** The app's page's time inside the worker (`tookMs`): the rest is the reply crossing. */
  queryInWorker: Record<QueryKind, number[]>;
  /** Requests costing exactly REFERENCE_CPU_MS of CPU in another process, timed between the queries. */
  reference: number[];
  breakdown: QueryBreakdown;
  newNoteMs: number[];
  searchPeakRss: number;
  ripgrep: Record<QueryKind, number[]>;
  /** Whole processes: serve's start, the one-shot CLI, ripgrep. */
  processes: ProcessMeasurement;
  fts5: Fts5Measurement | null;
  flexsearch: FlexSearchMeasurement | null;
}

/** Timed rounds of each query: 100 samples per kind, so a p95 is not one unlucky sample of 30. */
const ROUNDS = 10;
/** ripgrep is the slow reference: fewer rounds of it. */
const RIPGREP_ROUNDS = 3;
const NEW_NOTES = 10;
/** The yardstick's work per request: about what the app's page costs the worker at 1,000 notes. */
const REFERENCE_CPU_MS = 1;
/** Starts timed per isolation, alternating, for a median: one start is at the mercy of the load. */
const STARTS = 5;

type Isolation = 'process' | 'thread';

/** Medians over STARTS starts, in ms. */
interface FirstResults {
  /** From starting the worker to the first query's answer. */
  total: number;
  /** From the spawn to the worker's code running (runtime and module loading). */
  boot: number;
  /** Reading the persisted index. */
  load: number;
  /** The first query, inside the worker. */
  query: number;
  /** Every start's load time. */
  loads: number[];
}

/** Runs the benchmark for each size and prints one Markdown table comparing them. */
export async function runSearchBench(options: SearchBenchOptions): Promise<void> {
  const worker = await builtWorker(options.root, options.log);
  const engines = referenceEngines(options.log);
  for (const line of engines.missing) options.log(`  ${line}`);
  const results: Measurement[] = [];
  for (const size of options.sizes) {
    const notebook = await syntheticNotebook(options.notebooksDir, size, options.seed, options.log);
    options.log(`search: ${size.toLocaleString('en')} notes…`);
    results.push(await measure(notebook, size, { worker, root: options.root, engines }, options.log));
  }
  options.log('');
  options.log(machine());
  options.log('');
  for (const line of referenceTable(results)) options.log(line);
  options.log('');
  for (const line of table(results)) options.log(line);
}

interface Tools {
  worker: string;
  root: string;
  engines: ReferenceEngines;
}

async function measure(notebook: string, notes: number, { worker, root, engines }: Tools, log: (line: string) => void): Promise<Measurement> {
  const cacheDir = join(notebook, '.fieldnotes', 'cache', 'search');
  await rm(cacheDir, { recursive: true, force: true });
  // No note bodies kept between queries: every snippet is cut from its file, the worst case.
  const start = (rebuild = false) => SearchService.start({ root: notebook, cacheDir, entry: worker, isolation: 'process', rebuild, noteBodies: 0 });

  const started = performance.now();
  const builder = start(true);
  await builder.whenIdle();
  const buildMs = performance.now() - started;
  const built = await builder.stats();
  await builder.close();
  log(`  built in ${(buildMs / 1000).toFixed(1)} s`);

  const firstResults = await timeFirstResults(notebook, cacheDir, worker);

  // The load time of every start above, not of one: a single sample is at the mercy of the load.
  const loadMs = median([...firstResults.process.loads, ...firstResults.thread.loads]);
  const service = start();
  await service.whenIdle();
  const query: Measurement['query'] = { app: {} as Record<QueryKind, number[]>, full: {} as Record<QueryKind, number[]> };
  const queryInWorker = {} as Record<QueryKind, number[]>;
  const yardstick = await CpuReference.start();
  const reference: number[] = [];
  for (const kind of QUERY_KINDS) {
    for (const text of QUERIES[kind]) for (const page of ['app', 'full'] as const) await service.query(request(text, page));
    query.app[kind] = [];
    query.full[kind] = [];
    queryInWorker[kind] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const text of QUERIES[kind]) {
        // Both pages of the same query one after the other, so they see the same load.
        for (const page of ['app', 'full'] as const) {
          const before = performance.now();
          const results = await service.query(request(text, page));
          query[page][kind].push(performance.now() - before);
          if (page === 'app') queryInWorker[kind].push(results.tookMs);
        }
        reference.push(await yardstick.time(REFERENCE_CPU_MS));
      }
    }
  }
  yardstick.stop();
  const newNoteMs = await timeNewNotes(notebook, service);
  const searchPeakRss = (await service.stats()).peakRssBytes;
  await service.close();
  const breakdown = await queryBreakdown(notebook, cacheDir);

  const ripgrep = {} as Record<QueryKind, number[]>;
  for (const kind of QUERY_KINDS) {
    ripgrep[kind] = [];
    for (let round = 0; round < RIPGREP_ROUNDS; round++) for (const text of QUERIES[kind]) ripgrep[kind].push(await timeRipgrep(notebook, ripgrepArgs(kind, text)));
  }

  log('  whole processes: serve, fieldnotes search and list, ripgrep…');
  const processes = await measureProcesses(root, notebook);
  const corpus = engines.sqlite || engines.flexsearchDir ? await readCorpus(notebook) : [];
  const referenceDir = join(notebook, '.fieldnotes', 'cache', 'bench-references');
  await mkdir(referenceDir, { recursive: true });
  if (engines.sqlite) log('  SQLite FTS5…');
  const fts5 = engines.sqlite ? await measureFts5(engines.sqlite, corpus, referenceDir, QUERIES, ROUNDS) : null;
  if (engines.flexsearchDir) log('  FlexSearch (worker)…');
  const flexsearch = engines.flexsearchDir ? await measureFlexSearch(engines.flexsearchDir, corpus, QUERIES, ROUNDS) : null;
  return {
    notes,
    corpusBytes: await corpusBytes(notebook),
    buildMs,
    buildPeakRss: built.peakRssBytes,
    indexBytes: built.cacheBytes,
    loadMs,
    firstResults,
    query,
    queryInWorker,
    reference,
    breakdown,
    newNoteMs,
    searchPeakRss,
    ripgrep,
    processes,
    fts5,
    flexsearch,
  };
}


function request(query: string, page: Page = 'app'): SearchRequest {
  return SearchInput.parse({ query, ...PAGES[page] });
}

/**
 * From starting a worker on the persisted index to the first query's answer, with the worker in a
 * child process and in a thread of this process (the app's way: no process to start), alternating.
 */
async function timeFirstResults(notebook: string, cacheDir: string, worker: string): Promise<Record<Isolation, FirstResults>> {
  const runs: Record<Isolation, FirstResults[]> = { process: [], thread: [] };
  for (let run = 0; run < STARTS; run++) {
    for (const isolation of ['process', 'thread'] as const) {
      const started = performance.now();
      const service = SearchService.start({ root: notebook, cacheDir, entry: worker, isolation, noteBodies: 0 });
      const results = await service.query(request('request'));
      const total = performance.now() - started;
      const { bootMs, loadMs } = await service.stats();
      await service.whenIdle();
      await service.close();
      runs[isolation].push({ total, boot: bootMs, load: loadMs, query: results.tookMs, loads: [] });
    }
  }
  const medianOf = (list: FirstResults[]): FirstResults => ({
    total: median(list.map((run) => run.total)),
    boot: median(list.map((run) => run.boot)),
    load: median(list.map((run) => run.load)),
    query: median(list.map((run) => run.query)),
    loads: list.map((run) => run.load),
  });
  return { process: medianOf(runs.process), thread: medianOf(runs.thread) };
}

/** Writes notes one at a time and times each from the change notice to the first query that finds it. */
async function timeNewNotes(notebook: string, service: SearchService): Promise<number[]> {
  const dir = join(notebook, 'bench-new');
  await mkdir(dir, { recursive: true });
  const times: number[] = [];
  const added: string[] = [];
  for (let i = 0; i < NEW_NOTES; i++) {
    const word = `benchprobe${Date.now().toString(36)}${i}`;
    const path = `bench-new/probe-${i}.md`;
    await writeFile(join(notebook, path), `---\nid: 01JD0000000000000000BENCH${String(i).padStart(1, '0')}\ntitle: Probe ${i}\ncreated: 2026-01-01T00:00:00.000Z\n---\nThe ${word} appears here.\n`);
    added.push(path);
    const started = performance.now();
    await service.applyChanges({ upserted: [path], removed: [] });
    while ((await service.query(request(word))).total === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    times.push(performance.now() - started);
  }
  for (const path of added) await unlink(join(notebook, path));
  await service.applyChanges({ upserted: [], removed: added });
  return times;
}

function timeRipgrep(notebook: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('rg', ['--files-with-matches', '--ignore-case', '--no-messages', '--glob', '*.md', ...args, notebook], { stdio: ['ignore', 'ignore', 'ignore'] });
    child.on('error', reject);
    child.on('exit', () => resolve(performance.now() - started));
  });
}

async function syntheticNotebook(dir: string, count: number, seed: number, log: (line: string) => void): Promise<string> {
  const notebook = join(dir, `notebook-${count}-seed${seed}`);
  const marker = join(notebook, '.complete');
  if (!existsSync(marker)) {
    log(`writing a synthetic notebook of ${count.toLocaleString('en')} notes to ${notebook}…`);
    await rm(notebook, { recursive: true, force: true });
    await writeSyntheticNotebook(notebook, count, seed);
    await writeFile(marker, '');
  }
  return notebook;
}

async function corpusBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += await corpusBytes(path);
    else if (entry.name.endsWith('.md')) total += (await stat(path)).size;
  }
  return total;
}

/**
 * The worker as the app ships it: built by electron-vite (built again when a source is newer), and
 * so is the command line the process rows run (`fieldnotes.mjs` runs the sources through tsx, far
 * slower to start, when its build is older than any source).
 */
async function builtWorker(root: string, log: (line: string) => void): Promise<string> {
  const worker = join(root, 'out', 'main', 'search-worker.js');
  const sources = join(root, 'electron', 'core', 'search');
  const newest = Math.max(...spawnSync('ls', [sources]).stdout.toString().trim().split('\n').map((name) => statSync(join(sources, name)).mtimeMs));
  const { currentBuild } = (await import(pathToFileURL(join(root, 'electron', 'cli', 'built-cli.mjs')).href)) as { currentBuild: (root: string) => string | null };
  if (!existsSync(worker) || statSync(worker).mtimeMs < newest || !currentBuild(root)) {
    log('building the search worker (electron-vite build)…');
    const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('electron-vite build failed');
  }
  return worker;
}

function machine(): string {
  const rg = spawnSync('rg', ['--version']).stdout?.toString().split('\n')[0] ?? 'ripgrep not found';
  return `Machine: ${cpus()[0]?.model.trim()} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${rg}; load average at the end ${loadavg().map((load) => load.toFixed(1)).join(' ')}${cpuPressure()}`;
}

/** Linux's CPU pressure: the share of time some runnable task waited for a core (10 s, 60 s, 300 s). */
function cpuPressure(): string {
  try {
    const some = /^some avg10=([\d.]+) avg60=([\d.]+) avg300=([\d.]+)/m.exec(readFileSync('/proc/pressure/cpu', 'utf8'));
    return some ? `; CPU pressure (time something waited for a core) ${some[1]}% / ${some[2]}% / ${some[3]}%` : '';
  } catch {
    return '';
  }
}

function table(results: Measurement[]): string[] {
  const ms = (value: number): string => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`);
  const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;
  const p = (values: number[], q: number): number => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!;
  const spread = (values: number[]): string => `${ms(p(values, 0.5))} / ${ms(p(values, 0.95))}`;
  const first = (run: FirstResults): string => `${ms(run.total)} (boot ${ms(run.boot)}, load ${ms(run.load)}, query ${ms(run.query)})`;
  const rows: Array<[string, (m: Measurement) => string]> = [
    ['Corpus (note files)', (m) => mb(m.corpusBytes)],
    ['Full build (rebuild, off the UI thread)', (m) => ms(m.buildMs)],
    ['Index size on disk', (m) => `${mb(m.indexBytes)} (${(m.indexBytes / m.corpusBytes).toFixed(2)}× corpus)`],
    ['Load time (persisted index, median of the starts below)', (m) => ms(m.loadMs)],
    ['First results after start (child process)', (m) => first(m.firstResults.process)],
    ['First results after start (worker thread, as in the app)', (m) => first(m.firstResults.thread)],
    ...QUERY_KINDS.map((kind): [string, (m: Measurement) => string] => [`Query p50 / p95, app's page: ${kind}`, (m) => spread(m.query.app[kind])]),
    ["Query p50 / p95, app's page, inside the worker (all kinds)", (m) => spread(QUERY_KINDS.flatMap((kind) => m.queryInWorker[kind]))],
    [`Yardstick: ${REFERENCE_CPU_MS} ms of CPU in a child process, p50 / p95`, (m) => spread(m.reference)],
    ...QUERY_KINDS.map((kind): [string, (m: Measurement) => string] => [`Query p50 / p95, 20 hits with snippets: ${kind}`, (m) => spread(m.query.full[kind])]),
    ['New note searchable (p50 / max)', (m) => `${ms(p(m.newNoteMs, 0.5))} / ${ms(Math.max(...m.newNoteMs))}`],
    ['Worker peak RSS: build / search', (m) => `${mb(m.buildPeakRss)} / ${mb(m.searchPeakRss)}`],
    ...QUERY_KINDS.map((kind): [string, (m: Measurement) => string] => [`ripgrep p50 / p95: ${kind}`, (m) => spread(m.ripgrep[kind])]),
  ];
  return [
    `| Search | ${results.map((m) => `${m.notes.toLocaleString('en')} notes`).join(' | ')} |`,
    `| --- | ${results.map(() => '---').join(' | ')} |`,
    ...rows.map(([label, value]) => `| ${label} | ${results.map(value).join(' | ')} |`),
    '',
    ...results.flatMap((m) => [...breakdownTable(m.notes, m.breakdown), '']),
  ];
}

/** Where a query's time goes: CPU per query and phase, in the worker's code run in this process. */
function breakdownTable(notes: number, breakdown: QueryBreakdown): string[] {
  const cell = (value: number): string => value.toFixed(2);
  return [
    `| CPU ms per query, ${notes.toLocaleString('en')} notes, app's page (${PAGES.app.limit} hits, ${PAGES.app.snippets} snippets) | ${QUERY_KINDS.join(' | ')} |`,
    `| --- | ${QUERY_KINDS.map(() => '---:').join(' | ')} |`,
    ...breakdown.phases.map((phase) => `| ${phase} | ${QUERY_KINDS.map((kind) => cell(breakdown.cpuMs[kind][phase]!)).join(' | ')} |`),
  ];
}
