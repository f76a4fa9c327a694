// Timing helpers for benchmarks: run a few times, report the median.
import { performance } from 'node:perf_hooks';

export async function timeOnce(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Collects garbage left by earlier runs, when node runs with --expose-gc (npm run bench does). */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** The median of `runs` timings, after one unmeasured warm-up run; garbage is collected before each. */
export async function medianTime(runs: number, work: () => Promise<unknown>, prepare?: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    await prepare?.();
    collectGarbage();
    const time = await timeOnce(work);
    if (i > 0) times.push(time);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
