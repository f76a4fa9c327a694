// The search worker: owns the index and answers the SearchService's requests, so neither the UI
// nor the main process ever waits on indexing or querying. It runs as a worker thread (the app,
// the CLI) or as a child process (the benchmark, which measures its memory on its own). Started
// with the segment-builder role, the same script is a helper thread that builds segments.
import { constants, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '../../../shared/contract/errors';
import { processPort, serveRpc, threadPort, type RpcHandlers } from '../workers/worker-rpc';
import { IndexCache } from './index-cache';
import { Indexer } from './indexer';
import type { WorkerMethods } from './protocol';
import { BUILDER_ROLE, runSegmentBuilder } from './segment-build-pool';

/** When this script started running (epoch ms): booting took from the spawn (`startedAt`) until now. */
const runningAt = performance.timeOrigin + performance.now();
const helper = (workerData as { role?: string } | null)?.role === BUILDER_ROLE;
// Only the helper threads that build segments in bulk yield the CPU. The search worker keeps the
// normal priority: it answers the queries someone is waiting for (a lowered thread waits for a core
// behind every busy process, which is what widened the tail), and its own indexing runs in slices.
if (helper) {
  lowerThreadPriority(constants.priority.PRIORITY_LOW);
  runSegmentBuilder();
}
let opened: Promise<{ indexer: Indexer; cache: IndexCache; loadMs: number; bootMs: number }> | null = null;

async function session() {
  if (!opened) throw new ApiError('UNAVAILABLE', 'The search index is not open yet.');
  return opened;
}

const handlers: RpcHandlers<WorkerMethods> = {
  async open({ root, cacheDir, rebuild, noteBodies, startedAt }) {
    const cache = new IndexCache(cacheDir);
    const indexer = new Indexer(root, cache, (status) => host?.push(status), { noteBodies });
    const loading = performance.now();
    const bootMs = runningAt - startedAt;
    opened = indexer.start({ rebuild }).then(() => ({ indexer, cache, loadMs: performance.now() - loading, bootMs }));
    await opened;
    return indexer.status();
  },
  async query(input) {
    return (await session()).indexer.search(input);
  },
  async status() {
    return (await session()).indexer.status();
  },
  async applyChanges(changes) {
    (await session()).indexer.applyChanges(changes);
    return null;
  },
  async reindex() {
    const { indexer } = await session();
    indexer.reindex();
    return indexer.status();
  },
  async whenIndexed() {
    const { indexer } = await session();
    await indexer.whenIndexed();
    return indexer.status();
  },
  async whenIdle() {
    const { indexer } = await session();
    await indexer.whenIdle();
    return indexer.status();
  },
  async stats() {
    const { indexer, cache, loadMs, bootMs } = await session();
    return {
      bootMs,
      loadMs,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      rssBytes: process.memoryUsage().rss,
      segments: indexer.current.segments().length,
      cacheBytes: await cache.size(),
    };
  },
  async close() {
    if (opened) await (await opened).indexer.close();
    return null;
  },
};

// The search worker answers a thread's port or, forked, its process's channel; a helper thread
// answers the segment builder's calls instead.
const host = helper
  ? null
  : serveRpc<WorkerMethods>(parentPort ? threadPort(parentPort) : processPort(), handlers, {
      unexpected: (error) => ({ code: 'INTERNAL', message: `Search failed unexpectedly: ${error instanceof Error ? error.message : String(error)}` }),
      // A forked worker's process ends when it is closed; a thread is terminated by its owner.
      replied: (method) => {
        if (method === 'close' && !parentPort) process.exit(0);
      },
    });

/**
 * Bulk indexing is background work: it yields the CPU to the UI and the main process on a busy
 * machine. Only on Linux, where a priority belongs to one thread; elsewhere the call would lower the whole
 * process the worker lives in (the app's main process).
 */
function lowerThreadPriority(priority: number): void {
  if (process.platform !== 'linux') return;
  try {
    setPriority(priority);
  } catch {
    // Not allowed here (a container without CAP_SYS_NICE never refuses lowering, but be safe).
  }
}
