// `npm run bench`: runs every area's benchmark on deterministic synthetic notebooks and prints one
// table. An area is a module exporting `(context) => Promise<BenchRow[]>`; add yours to AREAS.
// Options: --sizes 1000,10000  --large (adds 50,000)  --runs 5  --seed 1  --only notebook|search|context|tasks|sessions|citations|ui
// The search area prints its own table (the rows the search issue asks for); the others add rows
// to the table printed at the end. FIELDNOTES_BENCH_DIR says where search keeps its notebooks.
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/paths';
import { citationsBench } from './citations-bench';
import { contextBench } from './context-bench';
import { notebookBench } from './notebook-bench';
import { runSearchBench } from './search-bench';
import { sessionsBench } from './sessions-bench';
import { tasksBench } from './tasks-bench';
import { uiBench } from './ui-bench';

export interface BenchContext {
  /** Notebook sizes (note counts) to measure. */
  sizes: number[];
  seed: number;
  /** Timed runs per measurement (the median is reported). */
  runs: number;
  log: (message: string) => void;
}

export interface BenchRow {
  area: string;
  case: string;
  notes: number;
  ms: number;
  note?: string;
}

const AREAS: Record<string, (context: BenchContext) => Promise<BenchRow[]>> = {
  notebook: notebookBench,
  search: async ({ sizes, seed }) => {
    const notebooksDir = process.env.FIELDNOTES_BENCH_DIR ?? join(tmpdir(), 'fieldnotes-bench');
    await runSearchBench({ sizes, seed, notebooksDir, root: ROOT, log: (line) => console.log(line) });
    return [];
  },
  context: contextBench,
  tasks: tasksBench,
  sessions: sessionsBench,
  citations: citationsBench,
  ui: uiBench,
};

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

const context: BenchContext = {
  sizes: [...option('sizes', '1000,10000').split(',').map(Number), ...(process.argv.includes('--large') ? [50_000] : [])],
  seed: Number(option('seed', '1')),
  runs: Number(option('runs', '5')),
  log: (message) => console.error(`· ${message}`),
};
const only = option('only', '');

console.log(`Machine: ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${process.platform}`);
const rows: BenchRow[] = [];
for (const [name, bench] of Object.entries(AREAS)) {
  if (only && only !== name) continue;
  context.log(`running ${name}…`);
  rows.push(...(await bench(context)));
}

if (rows.length === 0) process.exit(0);
const header = ['area', 'case', 'notes', 'median ms', ''];
const cells = rows.map((row) => [row.area, row.case, row.notes.toLocaleString('en-US'), row.ms.toFixed(1), row.note ?? '']);
const widths = header.map((title, column) => Math.max(title.length, ...cells.map((cell) => cell[column]!.length)));
const line = (values: string[]) => `| ${values.map((value, column) => (column === 2 || column === 3 ? value.padStart(widths[column]!) : value.padEnd(widths[column]!))).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((width, column) => (column === 2 || column === 3 ? '-'.repeat(width + 1) + ':' : '-'.repeat(width + 2))).join('|')}|`);
for (const row of cells) console.log(line(row));
