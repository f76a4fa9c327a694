// Opening a notebook: cold (no summary cache: every file read and parsed), warm (the cache), and
// the floor any open pays — a bare readdir + stat of the same folder. Also how long the watcher
// takes to be ready (chokidar's own scan), which happens after the open, in the background.
import { readdirSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Notebook } from '../../electron/core/notebook/notebook';
import { syntheticNotebookDir } from './bench-notebooks';
import type { BenchContext, BenchRow } from './run';
import { collectGarbage, median, timeOnce } from './stats';

/**
 * The floor: every file under `dir` (dot folders left out) listed and stat-ed, nothing else — with
 * synchronous calls, the fastest way for metadata the OS has cached (fs/promises is 2–3× slower).
 */
export function readdirStat(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) count += readdirStat(path);
    else {
      statSync(path);
      count += 1;
    }
  }
  return count;
}

async function openAndList(dir: string): Promise<Notebook> {
  const notebook = await Notebook.open(dir, { watch: false, log: () => undefined });
  if (notebook.list().length === 0) throw new Error(`no notes listed in ${dir}`);
  return notebook;
}

export async function notebookBench(context: BenchContext): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const count of context.sizes) {
    const { dir, generated } = await syntheticNotebookDir(count, context.seed);
    if (generated) context.log(`generated ${count} synthetic notes in ${dir}`);
    const cache = join(dir, '.fieldnotes', 'cache');

    await rm(cache, { recursive: true, force: true });
    let cold: Notebook | null = null;
    collectGarbage();
    const coldMs = await timeOnce(async () => {
      cold = await openAndList(dir);
    });
    await cold!.close(); // writes the cache the warm opens use

    // Floor and warm open alternate, so both see the same load on a shared machine; the ratio is
    // the median of the per-pair ratios.
    const floors: number[] = [];
    const warms: number[] = [];
    await openAndList(dir).then((notebook) => notebook.close()); // warm-up, unmeasured
    for (let run = 0; run < context.runs; run++) {
      collectGarbage();
      floors.push(await timeOnce(async () => readdirStat(dir)));
      collectGarbage();
      // Closing an unchanged notebook writes nothing; it is timed along with the open.
      warms.push(await timeOnce(async () => (await openAndList(dir)).close()));
    }
    const floor = median(floors);
    const warmMs = median(warms);
    const ratio = median(warms.map((warm, run) => warm / floors[run]!));

    // Not part of the open: the watcher starts after it, and the notebook is usable meanwhile.
    const watched = await Notebook.open(dir, { watch: true, log: () => undefined });
    const watchMs = await timeOnce(() => watched.whenWatching());
    await watched.close();

    rows.push(
      { area: 'notebook', case: 'readdir + stat (floor)', notes: count, ms: floor },
      { area: 'notebook', case: 'open, cold (no cache)', notes: count, ms: coldMs },
      { area: 'notebook', case: 'open, warm (cache)', notes: count, ms: warmMs, note: `${ratio.toFixed(2)}× floor (goal ≤ 3×)` },
      { area: 'notebook', case: 'live folder ready (watcher)', notes: count, ms: watchMs, note: 'in the background, after the open' },
    );
  }
  return rows;
}
