// What the SearchService (main thread) asks the search worker, and what it answers; worker-rpc
// carries the calls, their replies and the worker's status pushes (a SearchStatus each).
import type { SearchRequest, SearchResults, SearchStatus } from '../../../shared/contract/search';
import type { NoteChanges } from './indexer';

/** Facts about the worker itself, for the benchmark and diagnostics. */
export interface WorkerStats {
  /** Peak resident set size of the process hosting the worker, in bytes. */
  peakRssBytes: number;
  rssBytes: number;
  segments: number;
  /** Bytes of the index on disk. */
  cacheBytes: number;
  /** From the worker being spawned to its code running (runtime and module loading), in ms. */
  bootMs: number;
  /** Loading the persisted index, in ms. */
  loadMs: number;
}

/** Each method: what it takes and what it answers. */
export interface WorkerMethods {
  /** `startedAt`: when the worker was spawned, in epoch ms (`performance.timeOrigin + performance.now()`). */
  open: { input: { root: string; cacheDir: string; rebuild: boolean; noteBodies?: number; startedAt: number }; output: SearchStatus };
  query: { input: SearchRequest; output: SearchResults };
  status: { input: null; output: SearchStatus };
  applyChanges: { input: NoteChanges; output: null };
  reindex: { input: null; output: SearchStatus };
  whenIdle: { input: null; output: SearchStatus };
  whenIndexed: { input: null; output: SearchStatus };
  stats: { input: null; output: WorkerStats };
  close: { input: null; output: null };
}
export type WorkerMethod = keyof WorkerMethods;
