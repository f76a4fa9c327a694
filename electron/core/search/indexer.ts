// Keeps the index in step with the notebook folder: loads the cache, reconciles it with the files
// (new, changed and deleted notes since the last run), takes change notices, and rebuilds on
// request — all in slices, so queries keep being answered, over what is indexed so far.
import type { SearchRequest, SearchResults, SearchStatus } from '../../../shared/contract/search';
import type { IndexCache } from './index-cache';
import { readIndexedNote } from './indexed-note';
import { isNotePath, scanNotebook } from './notebook-scan';
import { Pacer } from './pacer';
import { DEFAULT_SEGMENT_SIZES, SearchIndex, type SegmentSizes } from './search-index';
import { NoteBodies } from './note-bodies';
import { answer } from './search-results';
import { SegmentBuildPool } from './segment-build-pool';
import { workerEntry } from './worker-entry';
import type { Segment } from './segment';
import { checksumMatches } from './segment-file';
import { StatusReporter } from './status-reporter';

/** A run this large builds whole segments in helper threads instead of filling the open segment. */
const BULK_RUN_NOTES = 400;
const BATCH_NOTES = 16;
/** During a long catch-up of small changes, what is indexed is published this often. */
const PUBLISH_INTERVAL_MS = 400;
/** A few changes are written to disk once they stop coming for this long. */
const SAVE_DELAY_MS = 1_000;

type Reason = NonNullable<SearchStatus['reason']>;

export interface NoteChanges {
  /** Notes added or changed, as paths relative to the notebook folder. */
  upserted: readonly string[];
  /** Notes deleted or moved away. */
  removed: readonly string[];
}

export interface IndexerOptions {
  sizes?: SegmentSizes;
  /** How many note bodies to keep for snippets (0: read each hit's file every time). */
  noteBodies?: number;
}

interface Rebuild {
  index: SearchIndex;
  /** Paths changed while the rebuild read the folder, indexed again once it is in place. */
  changed: Set<string>;
  done: number;
  total: number;
}

export class Indexer {
  private index = new SearchIndex();
  private loaded = false;
  private failure: string | undefined;
  private reason: Reason | null = null;
  private readonly queue = new Set<string>();
  private run = { done: 0, total: 0 };
  private working: Promise<void> | null = null;
  private rebuild: Rebuild | null = null;
  private rebuilding: Promise<void> | null = null;
  /** The startup work: comparing the index with the folder, then checking the segments' bytes. */
  private reconciling: Promise<void> | null = null;
  /** The first part of it: until the comparison with the folder has queued every changed note. */
  private comparing: Promise<void> | null = null;
  /** When each path was last removed (a counter), so a note read before its deletion is not added after it. */
  private readonly removals = new Map<string, number>();
  private removalCount = 0;
  private saveTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly reporter: StatusReporter;
  private readonly bodies: NoteBodies;

  private readonly sizes: SegmentSizes;

  constructor(
    private readonly root: string,
    private readonly cache: IndexCache,
    onStatus: (status: SearchStatus) => void,
    options: IndexerOptions = {},
  ) {
    this.sizes = options.sizes ?? DEFAULT_SEGMENT_SIZES;
    this.reporter = new StatusReporter(() => this.status(), onStatus);
    this.bodies = new NoteBodies(options.noteBodies);
  }

  /**
   * Loads the persisted index (searchable as soon as this resolves), then reconciles it with the
   * folder in the background. With `rebuild`, starts from nothing and indexes every note.
   */
  async start(options: { rebuild?: boolean } = {}): Promise<void> {
    await this.cache.open();
    if (options.rebuild) await this.cache.discard();
    const loaded = options.rebuild ? { segments: [], unverified: [], problem: 'reindex' as const } : await this.cache.load();
    this.index = new SearchIndex(loaded.segments, this.sizes);
    this.loaded = true;
    this.reason = loaded.problem ?? 'changes';
    // Queries that arrived during the load are answered first (they wait on this promise, so they
    // run before a macrotask): they are what someone is looking at. Comparing the index with the
    // folder follows (what a one-shot search waits for), then checking the segments' bytes, in
    // slices: a damaged segment is dropped and its notes indexed again.
    const comparing = new Promise<void>((resume) => setImmediate(resume)).then(() => this.reconcile());
    this.comparing = comparing.finally(() => (this.comparing = null)).catch(() => undefined);
    this.reconciling = comparing
      .then(() => this.verify(loaded.unverified))
      .catch((error: unknown) => this.fail(error))
      .finally(() => {
        this.reconciling = null;
        this.report(true);
      });
    this.report(true);
  }

  /** The index queries run on right now. */
  get current(): SearchIndex {
    return this.index;
  }

  /** Answers a search over what is indexed now; hits whose file is gone are dropped from the index. */
  search(request: SearchRequest): SearchResults {
    const { results, vanished } = answer(this.index.segments(), this.root, request, this.status(), this.bodies);
    if (vanished.length > 0) this.applyChanges({ upserted: [], removed: vanished });
    return results;
  }

  /** Takes deletions out of results at once and queues additions and edits. */
  applyChanges(changes: NoteChanges): void {
    for (const path of changes.removed) {
      if (!isNotePath(path)) continue;
      this.queue.delete(path);
      this.index.remove(path);
      this.rebuild?.index.remove(path);
      this.removals.set(path, ++this.removalCount);
    }
    const upserted = changes.upserted.filter(isNotePath);
    if (upserted.length === 0) {
      this.scheduleSave();
      return;
    }
    if (!this.working && !this.reconciling) this.reason = 'changes';
    for (const path of upserted) {
      this.queue.add(path);
      this.rebuild?.changed.add(path);
    }
    this.kick();
  }

  /** Rebuilds the whole index from the files; the current one answers until the new one is done. */
  reindex(): void {
    if (this.rebuilding || this.closed) return;
    this.rebuilding = this.rebuildAll()
      .catch((error: unknown) => this.fail(error))
      .finally(() => {
        this.rebuilding = null;
        this.report(true);
      });
  }

  status(): SearchStatus {
    const indexing = this.rebuild !== null || this.working !== null || this.reconciling !== null;
    const progress = this.rebuild ? { done: this.rebuild.done, total: this.rebuild.total } : this.working ? { ...this.run } : null;
    return {
      state: this.failure ? 'failed' : !this.loaded ? 'starting' : indexing ? 'indexing' : 'ready',
      notes: this.index.noteCount,
      progress,
      reason: indexing ? (this.rebuild ? 'reindex' : this.reason) : null,
      ...(this.failure ? { error: this.failure } : {}),
    };
  }

  /**
   * Resolves once every note of the folder is indexed (the startup comparison is done and what it
   * queued is indexed), without waiting for the segments' checksums or the index being written:
   * what a one-shot search waits for before its query.
   */
  async whenIndexed(): Promise<void> {
    while (this.comparing || this.working || this.rebuilding) await (this.comparing ?? this.rebuilding ?? this.working);
  }

  /** Resolves once every queued change is indexed, no rebuild runs, and the index is on disk. */
  async whenIdle(): Promise<void> {
    while (this.reconciling || this.working || this.rebuilding) await (this.reconciling ?? this.rebuilding ?? this.working);
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
      await this.cache.save(this.index.segments());
    }
    await this.cache.whenSaved();
  }

  /** Stops indexing and writes what is indexed to disk. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.reporter.stop();
    await Promise.allSettled([this.reconciling, this.working, this.rebuilding]);
    await this.cache.save(this.index.segments());
    await this.cache.close();
  }

  /**
   * Checks the loaded segments' checksums while queries are already answered. A damaged one is
   * dropped; the reconcile that follows indexes its notes again.
   */
  private async verify(unverified: Array<{ segment: Segment; bytes: Buffer }>): Promise<void> {
    const pacer = new Pacer();
    for (const { segment, bytes } of unverified) {
      if (this.closed) return;
      if (await checksumMatches(bytes, () => pacer.pause())) continue;
      // The next save leaves its file out of the manifest, which deletes it; its notes (still in
      // the folder) are indexed again.
      const dropped = this.index.dropSegment(segment);
      this.reason = 'corrupt';
      for (const path of dropped) this.queue.add(path);
      if (this.queue.size > 0) this.kick();
      else this.scheduleSave(0);
    }
  }

  private async reconcile(): Promise<void> {
    const files = await scanNotebook(this.root);
    const present = new Set<string>();
    for (const file of files) {
      present.add(file.path);
      const facts = this.index.facts(file.path);
      if (!facts || facts.mtimeMs !== file.mtimeMs || facts.size !== file.size) this.queue.add(file.path);
    }
    const gone = [...this.index.paths()].filter((path) => !present.has(path));
    for (const path of gone) this.index.remove(path);
    if (this.queue.size > 0) this.kick();
    else if (gone.length > 0 || this.reason !== 'changes') this.scheduleSave(0);
    this.report(true);
  }

  private kick(): void {
    if (this.working || this.closed) return;
    this.run = { done: 0, total: this.queue.size };
    this.working = this.work()
      .catch((error: unknown) => this.fail(error))
      .finally(() => {
        this.working = null;
        if (!this.rebuilding) this.removals.clear();
        this.report(true);
        if (this.queue.size > 0) this.kick();
      });
    this.report(true);
  }

  /**
   * Indexes the queued notes: many at once in helper threads, as whole segments; a few in this
   * thread, into the open segment, published every few hundred milliseconds.
   */
  private async work(): Promise<void> {
    const pacer = new Pacer();
    if (this.queue.size >= BULK_RUN_NOTES) {
      const paths = [...this.queue];
      this.queue.clear();
      this.run.total = paths.length;
      const early = this.reason === 'missing' || this.reason === 'corrupt' || this.reason === 'outdated';
      await this.buildSegments(paths, this.index, this.run, early);
      this.scheduleSave(0);
      if (this.queue.size === 0) return;
    }
    let published = performance.now();
    while (this.queue.size > 0 && !this.closed) {
      this.run.total = this.run.done + this.queue.size;
      const batch = [...this.queue].slice(0, BATCH_NOTES);
      for (const path of batch) this.queue.delete(path);
      const since = this.removalCount;
      const notes = await Promise.all(batch.map((path) => readIndexedNote(this.root, path)));
      batch.forEach((path, i) => {
        if (notes[i] === null) this.index.remove(path);
      });
      await this.index.add(notes.filter((note) => note !== null), { pacer, stale: (path) => (this.removals.get(path) ?? 0) > since });
      this.run.done += batch.length;
      if (this.queue.size === 0 || performance.now() - published > PUBLISH_INTERVAL_MS) {
        await this.index.publishOpen(pacer);
        published = performance.now();
      }
      this.report();
    }
    await this.index.publishOpen(pacer);
    this.scheduleSave(this.reason !== 'changes' ? 0 : SAVE_DELAY_MS);
  }

  /**
   * Builds segments for many notes in helper threads and adds each to `into` as it arrives. With
   * `early` (people may be searching an empty index), the first segments are small, each twice
   * the last, so results come within seconds; the small ones are merged at the end.
   */
  private async buildSegments(paths: string[], into: SearchIndex, progress: { done: number; total: number }, early: boolean): Promise<void> {
    const pool = new SegmentBuildPool(workerEntry(import.meta.url));
    const chunks: string[][] = [];
    for (let at = 0, size = early ? this.sizes.bulkNotes / 8 : this.sizes.bulkNotes; at < paths.length; at += size, size = Math.min(size * 2, this.sizes.bulkNotes)) {
      chunks.push(paths.slice(at, at + size));
    }
    try {
      await Promise.all(
        chunks.map(async (chunk) => {
          const dispatched = this.removalCount;
          let reported = 0;
          const built = await pool.build(this.root, chunk, (done) => {
            progress.done += done - reported;
            reported = done;
            this.report();
          });
          progress.done += chunk.length - reported;
          if (this.closed) return;
          into.addBuilt(built.segment, (path) => (this.removals.get(path) ?? 0) > dispatched);
          for (const path of built.missing) into.remove(path);
          this.report();
        }),
      );
    } finally {
      await pool.close();
    }
    if (!this.closed) await into.tidy(new Pacer());
  }

  private async rebuildAll(): Promise<void> {
    const rebuild: Rebuild = { index: new SearchIndex([], this.sizes), changed: new Set(), done: 0, total: 0 };
    this.rebuild = rebuild;
    this.report(true);
    const files = await scanNotebook(this.root);
    rebuild.total = files.length;
    await this.buildSegments(
      files.map((file) => file.path),
      rebuild.index,
      rebuild,
      false,
    );
    if (this.closed) return;
    this.index = rebuild.index;
    this.rebuild = null;
    for (const path of rebuild.changed) this.queue.add(path);
    await this.cache.save(this.index.segments());
    if (this.queue.size > 0) this.kick();
  }

  private scheduleSave(delay = SAVE_DELAY_MS): void {
    if (this.closed) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      // During a rebuild the old index is still saved as it changes; the new one replaces it at the end.
      this.cache.save(this.index.segments()).catch((error: unknown) => this.fail(error));
    }, delay);
  }

  private fail(error: unknown): void {
    this.failure = error instanceof Error ? error.message : String(error);
    this.report(true);
  }

  private report(force = false): void {
    this.reporter.report(force);
  }
}
