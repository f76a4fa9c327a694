// SearchService: the main thread's handle on the search worker. Every call is a message with an id
// and a promise for its reply; status pushes arrive as they happen. If the worker dies, pending
// calls fail with a clear message and the next call starts a new worker.
import { fork, type ChildProcess } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { ApiError } from '../../../shared/contract/errors';
import type { SearchRequest, SearchResults, SearchStatus } from '../../../shared/contract/search';
import type { NoteChanges } from './indexer';
import type { WorkerMessage, WorkerMethod, WorkerMethods, WorkerStats } from './protocol';
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

interface Host {
  post(message: unknown): void;
  stop(): Promise<void>;
}

const STARTING: SearchStatus = { state: 'starting', notes: 0, progress: null, reason: null };

export class SearchService {
  private host: Host | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private latest: SearchStatus = STARTING;
  private closed = false;

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
    const host = this.host;
    if (!host) return;
    await this.call('close', null, true).catch(() => undefined);
    this.host = null;
    await host.stop();
  }

  private call<M extends WorkerMethod>(method: M, input: WorkerMethods[M]['input'], closing = false): Promise<WorkerMethods[M]['output']> {
    if (this.closed && !closing) return Promise.reject(new ApiError('UNAVAILABLE', 'Search is closed: the notebook was closed or switched.'));
    if (!this.host) this.spawn();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.host!.post({ kind: 'request', id, method, input });
    });
  }

  private spawn(): void {
    const startedAt = performance.timeOrigin + performance.now();
    const entry = this.options.entry ?? workerEntry();
    const onMessage = (message: WorkerMessage): void => this.receive(message);
    const onExit = (code: number | null): void => this.lost(`the search worker stopped (exit code ${code})`);
    if (this.options.isolation === 'process') {
      // No inherited execArgv: a parent running under `--import tsx` would load tsx into the worker too.
      const child: ChildProcess = fork(entry, [], { execArgv: [], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      child.on('message', onMessage);
      child.on('exit', onExit);
      this.host = {
        post: (message) => child.send(message as object),
        stop: () => stopProcess(child),
      };
    } else {
      const worker = new Worker(entry, { execArgv: [] });
      worker.on('message', onMessage);
      worker.on('error', (error) => this.lost(error.message));
      worker.on('exit', onExit);
      this.host = {
        post: (message) => worker.postMessage(message),
        stop: async () => {
          worker.off('exit', onExit);
          await worker.terminate();
        },
      };
    }
    const { root, cacheDir } = this.options;
    // The first message: every later one waits in the worker until the index is loaded. A rebuild
    // is asked for once; a restarted worker loads what the first one wrote.
    const id = this.nextId++;
    this.pending.set(id, { resolve: () => undefined, reject: () => undefined });
    const rebuild = this.options.rebuild === true && id === 1;
    this.host.post({ kind: 'request', id, method: 'open', input: { root, cacheDir, rebuild, noteBodies: this.options.noteBodies, startedAt } });
  }

  private receive(message: WorkerMessage): void {
    if (message.kind === 'status') {
      this.latest = message.status;
      this.options.onStatus?.(message.status);
      return;
    }
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    if (message.ok) waiting.resolve(message.value);
    else waiting.reject(ApiError.from(message.error));
  }

  /** The worker died: fail what waits on it; the next call starts a new one. */
  private lost(reason: string): void {
    if (!this.host) return;
    this.host = null;
    const error = new ApiError('UNAVAILABLE', `Search is unavailable: ${reason}. Try again; if it keeps failing, run \`fieldnotes reindex\`.`);
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
    this.latest = { ...this.latest, state: 'failed', error: reason };
    if (!this.closed) this.options.onStatus?.(this.latest);
  }
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 2_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
