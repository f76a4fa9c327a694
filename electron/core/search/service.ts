// SearchService: the main thread's handle on the search worker. Every call is a request with an id
// and a promise for its reply (worker-rpc); status pushes arrive as they happen. If the worker dies,
// waiting calls fail with a clear message and the next call starts a new worker.
import { fork } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { ApiError } from '../../../shared/contract/errors';
import type { SearchRequest, SearchResults, SearchStatus } from '../../../shared/contract/search';
import { processLink, RpcClient, threadLink, type RpcLink } from '../workers/worker-rpc';
import type { NoteChanges } from './indexer';
import type { WorkerMethod, WorkerMethods, WorkerStats } from './protocol';
import { workerEntry } from './worker-entry';

export type { NoteChanges } from './indexer';

export interface SearchServiceOptions {
  /** The notebook folder. */
  root: string;
  /** Where the index lives, e.g. `<notebook>/.fieldnotes/cache/search`. */
  cacheDir: string;
  /** Called when the index's state changes: loading, "indexing N of M", ready. */
  onStatus?: (status: SearchStatus) => void;
  /**
   * Where the worker runs: a thread of this process (the default), or a child process of its own
   * (the benchmark uses this to measure the worker's memory alone).
   */
  isolation?: 'thread' | 'process';
  /** The worker script; `workerEntry()` by default. */
  entry?: string;
  /** Ignore the cache and index every note again (`fieldnotes reindex`). */
  rebuild?: boolean;
  /**
   * How many note bodies the worker keeps for snippets (typing re-reads the same top hits);
   * 0 reads every hit's file each time (the benchmark, to measure the worst case).
   */
  noteBodies?: number;
}

const STARTING: SearchStatus = { state: 'starting', notes: 0, progress: null, reason: null };

export class SearchService {
  private worker: RpcClient<WorkerMethods> | null = null;
  private started = false;
  private latest: SearchStatus = STARTING;
  private closed = false;
  private opened: Promise<void> = Promise.resolve();

  private constructor(private readonly options: SearchServiceOptions) {}

  /**
   * Starts the worker, which loads the index from the cache and then brings it up to date with the
   * notebook folder in the background. Calls made meanwhile wait for the load, not for indexing.
   */
  static start(options: SearchServiceOptions): SearchService {
    const service = new SearchService(options);
    service.spawn();
    return service;
  }

  /**
   * Settles once the worker has loaded the persisted index and answers queries (or failed to):
   * what the engine waits for before it starts the background work that competes for the CPU.
   */
  get loaded(): Promise<void> {
    return this.opened;
  }

  /** The last status the worker reported. */
  get status(): SearchStatus {
    return this.latest;
  }

  /** Full-text search; answers over what is indexed so far while indexing runs (`complete: false`). */
  query(request: SearchRequest): Promise<SearchResults> {
    return this.call('query', request);
  }

  /**
   * The change feed: notes added or edited (queued, searchable within about a second) and notes
   * deleted (gone from results as soon as this resolves). Paths are relative to the notebook.
   */
  async applyChanges(changes: NoteChanges): Promise<void> {
    if (changes.upserted.length === 0 && changes.removed.length === 0) return;
    await this.call('applyChanges', changes);
  }

  /** Rebuilds the index from the files in the background; the current index answers meanwhile. */
  reindex(): Promise<SearchStatus> {
    return this.call('reindex', null);
  }

  /** Asks the worker for its status now. */
  refreshStatus(): Promise<SearchStatus> {
    return this.call('status', null);
  }

  /**
   * Resolves when every note of the folder is indexed, without waiting for background checks or
   * the index being written (a one-shot search's query never waits for those).
   */
  whenIndexed(): Promise<SearchStatus> {
    return this.call('whenIndexed', null);
  }

  /** Resolves when every change so far is indexed and no rebuild runs. */
  whenIdle(): Promise<SearchStatus> {
    return this.call('whenIdle', null);
  }

  stats(): Promise<WorkerStats> {
    return this.call('stats', null);
  }

  /** Writes the index to disk and stops the worker. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const worker = this.worker;
    if (!worker?.alive) return;
    await worker.call('close', null).catch(() => undefined);
    this.worker = null;
    await worker.close('Search is closed: the notebook was closed or switched.');
  }

  private call<M extends WorkerMethod>(method: M, input: WorkerMethods[M]['input']): Promise<WorkerMethods[M]['output']> {
    if (this.closed) return Promise.reject(new ApiError('UNAVAILABLE', 'Search is closed: the notebook was closed or switched.'));
    const worker = this.worker?.alive ? this.worker : this.spawn();
    return worker.call(method, input);
  }

  private spawn(): RpcClient<WorkerMethods> {
    const startedAt = performance.timeOrigin + performance.now();
    const entry = this.options.entry ?? workerEntry();
    // No inherited execArgv: a parent running under `--import tsx` would load tsx into the worker too.
    const link: RpcLink =
      this.options.isolation === 'process'
        ? processLink(fork(entry, [], { execArgv: [], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }))
        : threadLink(new Worker(entry, { execArgv: [] }));
    const worker = new RpcClient<WorkerMethods>(link, {
      onPush: (status) => {
        this.latest = status as SearchStatus;
        this.options.onStatus?.(this.latest);
      },
      lostError: (reason) => new ApiError('UNAVAILABLE', `Search is unavailable: the search worker stopped (${reason}). Try again; if it keeps failing, run \`fieldnotes reindex\`.`),
      onLost: (reason) => this.lost(reason),
    });
    this.worker = worker;
    const { root, cacheDir } = this.options;
    // The first call: every later one waits in the worker until the index is loaded. A rebuild is
    // asked for once; a restarted worker loads what the first one wrote.
    const rebuild = this.options.rebuild === true && !this.started;
    this.started = true;
    this.opened = worker.call('open', { root, cacheDir, rebuild, noteBodies: this.options.noteBodies, startedAt }).then(
      () => undefined,
      () => undefined,
    );
    return worker;
  }

  /** The worker died: its waiting calls have failed; the next call starts a new one. */
  private lost(reason: string): void {
    this.latest = { ...this.latest, state: 'failed', error: `the search worker stopped (${reason})` };
    if (!this.closed) this.options.onStatus?.(this.latest);
  }
}
