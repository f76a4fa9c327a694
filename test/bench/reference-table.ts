// The table issue 15 asks for: each measure of ours beside the reference measured in the same run,
// and the ratio (ours / reference) that the targets are written in.
import type { Measurement } from './search-bench';
import { QUERY_KINDS, type QueryKind } from './search-queries';

const ms = (value: number): string => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`);
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;
const quantile = (values: number[], q: number): number => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!;
const ratio = (ours: number, reference: number): string => `${(ours / reference).toFixed(2)}×`;

type Row = [string, (m: Measurement) => string];

export function referenceTable(results: Measurement[]): string[] {
  const fts5Kinds = (m: Measurement): QueryKind[] => QUERY_KINDS.filter((kind) => m.fts5?.query[kind]);
  const ours = (m: Measurement, kinds: readonly QueryKind[]): number[] => kinds.flatMap((kind) => m.query.app[kind]);
  const fts5 = (m: Measurement, kinds: readonly QueryKind[]): number[] => kinds.flatMap((kind) => m.fts5?.query[kind] ?? []);
  const versus = (label: string, value: (m: Measurement) => [number, number | null], show = ms): Row => [
    label,
    (m) => {
      const [our, reference] = value(m);
      return reference === null ? `${show(our)} (no reference)` : `${show(our)} vs ${show(reference)}: **${ratio(our, reference)}**`;
    },
  ];
  const rows: Row[] = [
    versus('`serve` start → first search results, vs FTS5 (new process, open, first query)', (m) => [m.processes.serve.searchMs, m.fts5?.firstResultsMs ?? null]),
    ['`serve` start → URL printed / notes list answered', (m) => `${ms(m.processes.serve.urlMs)} / ${ms(m.processes.serve.listMs)}`],
    versus('Query p50, all kinds FTS5 asks (app\'s page vs FTS5\'s 30 hits with snippets)', (m) => [quantile(ours(m, fts5Kinds(m)), 0.5), m.fts5 ? quantile(fts5(m, fts5Kinds(m)), 0.5) : null]),
    versus('Query p95, same', (m) => [quantile(ours(m, fts5Kinds(m)), 0.95), m.fts5 ? quantile(fts5(m, fts5Kinds(m)), 0.95) : null]),
    ...QUERY_KINDS.map((kind): Row => [`Query p50 / p95 vs FTS5: ${kind}`, (m) => spreadVersus(m.query.app[kind], m.fts5?.query[kind] ?? null)]),
    ...(['term', 'field'] as const).map((kind): Row => [`Query p50 / p95 vs FlexSearch (worker): ${kind}`, (m) => spreadVersus(m.query.app[kind], m.flexsearch?.query[kind] ?? null)]),
    versus('`fieldnotes search request` (whole process) vs `rg` on the folder', (m) => [m.processes.searchMs, m.processes.ripgrepMs]),
    versus('`fieldnotes list` (whole process) vs `rg --files`', (m) => [m.processes.listMs, m.processes.ripgrepFilesMs]),
    versus('A new note searchable (p50) vs FTS5 (insert + query)', (m) => [quantile(m.newNoteMs, 0.5), m.fts5 ? quantile(m.fts5.newNoteMs, 0.5) : null]),
    ['`serve` RSS once search is ready', (m) => mb(m.processes.serveRssBytes)],
    versus('Full build vs FTS5 (one transaction + optimize)', (m) => [m.buildMs, m.fts5?.buildMs ?? null]),
    versus('Full build vs FlexSearch (worker)', (m) => [m.buildMs, m.flexsearch?.buildMs ?? null]),
    versus('Index on disk vs FTS5\'s database', (m) => [m.indexBytes, m.fts5?.bytes ?? null], mb),
  ];
  return [
    `| Ours vs references (ratio = ours / reference) | ${results.map((m) => `${m.notes.toLocaleString('en')} notes`).join(' | ')} |`,
    `| --- | ${results.map(() => '---').join(' | ')} |`,
    ...rows.map(([label, value]) => `| ${label} | ${results.map(value).join(' | ')} |`),
  ];
}

function spreadVersus(our: number[], reference: number[] | null): string {
  const spread = (values: number[]): string => `${ms(quantile(values, 0.5))} / ${ms(quantile(values, 0.95))}`;
  if (!reference) return `${spread(our)} (no reference)`;
  return `${spread(our)} vs ${spread(reference)}: **${ratio(quantile(our, 0.5), quantile(reference, 0.5))} / ${ratio(quantile(our, 0.95), quantile(reference, 0.95))}**`;
}
