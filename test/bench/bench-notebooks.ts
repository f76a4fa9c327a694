// Synthetic notebooks for benchmarks, generated once per (count, seed) and kept in the system's
// temp folder, so repeated runs measure instead of regenerating.
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSyntheticNotebook } from './synthetic-notebook';

const ROOT = process.env.FIELDNOTES_BENCH_DIR ?? join(tmpdir(), 'fieldnotes-bench');
const DONE = '.generated';

/** The folder of the synthetic notebook with `count` notes for `seed`, generating it if needed. */
export async function syntheticNotebookDir(count: number, seed = 1): Promise<{ dir: string; generated: boolean }> {
  const dir = join(ROOT, `notes-${count}-seed-${seed}`);
  if (existsSync(join(dir, DONE))) return { dir, generated: false };
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const bytes = await writeSyntheticNotebook(dir, count, seed);
  await writeFile(join(dir, DONE), JSON.stringify({ count, seed, bytes }));
  return { dir, generated: true };
}
