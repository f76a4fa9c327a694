// Opening a notebook: cold (no summary cache: every file read and parsed), warm (the cache), and
// the floor any open pays — a bare readdir + stat of the same folder.
import { readdirSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Notebook } from '../../electron/core/notebook/notebook';
import { syntheticNotebookDir } from './bench-notebooks';
import type { BenchContext, BenchRow } from './run';
import { collectGarbage, medianTime, timeOnce } from './stats';

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

    const floor = await medianTime(context.runs, async () => readdirStat(dir));
    await rm(cache, { recursive: true, force: true });
    let cold: Notebook | null = null;
    collectGarbage();
    const coldMs = await timeOnce(async () => {
      cold = await openAndList(dir);
    });
    await cold!.close(); // writes the cache the warm opens use
    const warmMs = await medianTime(context.runs, async () => {
      const notebook = await openAndList(dir);
      // Closing would rewrite an unchanged cache; leave that out of the measurement.
      await notebook.close();
    });

    rows.push(
      { area: 'notebook', case: 'readdir + stat (floor)', notes: count, ms: floor },
      { area: 'notebook', case: 'open, cold (no cache)', notes: count, ms: coldMs },
      { area: 'notebook', case: 'open, warm (cache)', notes: count, ms: warmMs, note: `${(warmMs / floor).toFixed(2)}× floor (goal ≤ 3×)` },
    );
  }
  return rows;
}
