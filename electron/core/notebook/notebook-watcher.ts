// Watches a notebook folder (chokidar) for note files added, changed or removed by anything — an
// editor, `git pull`, a sync client — and hands them over in batches: a burst of a thousand files
// becomes a few batches, and every change arrives within about a second.
import { watch, type FSWatcher } from 'chokidar';
import type { Stats } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import { isHiddenName, isNoteName } from './note-files';

/**
 * When a folder appears, chokidar lists it and only then watches it: a file written in between
 * (a checkout or a sync client filling a new folder) is never reported. So a new folder is
 * listed again, soon and once more a little later, and what it holds is looked at; files that did
 * not change cost a stat each.
 */
const NEW_FOLDER_RELISTS_MS = [250, 1_500];

export interface WatcherOptions {
  /** Quiet time after the last event before a batch goes out. */
  debounceMs?: number;
  /** A batch goes out at the latest this long after its first event, however busy the folder is. */
  maxWaitMs?: number;
  log?: (message: string) => void;
}

export class NotebookWatcher {
  /** Resolves once the initial scan is done: from then on, every change is reported. */
  readonly ready: Promise<void>;
  private readonly watcher: FSWatcher;
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private firstEventAt = 0;
  private flushing: Promise<void> = Promise.resolve();
  private readonly relists = new Set<NodeJS.Timeout>();
  private closed = false;

  /**
   * Starts watching `root` (a real path). `onBatch` receives relative paths (forward slashes) of
   * note files that may have changed; batches are delivered one at a time, in order.
   */
  constructor(
    private readonly root: string,
    private readonly onBatch: (paths: string[]) => Promise<void>,
    private readonly options: WatcherOptions = {},
  ) {
    this.watcher = watch(root, {
      ignoreInitial: true,
      followSymlinks: false,
      ignorePermissionErrors: true,
      ignored: (path: string, stats?: Stats) => this.ignores(path, stats),
    });
    const onFile = (path: string): void => this.queue(path);
    this.watcher.on('add', onFile).on('change', onFile).on('unlink', onFile);
    this.watcher.on('addDir', (path: string) => this.relistLater(path));
    this.watcher.on('error', (error: unknown) => options.log?.(`watching ${root} failed: ${String(error)}`));
    this.ready = new Promise((resolve) => this.watcher.once('ready', () => resolve()));
  }

  /** Stops watching; a batch already being handled finishes first. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    for (const relist of this.relists) clearTimeout(relist);
    await this.watcher.close();
    await this.flushing;
  }

  private ignores(path: string, stats?: Stats): boolean {
    const rel = isAbsolute(path) ? relative(this.root, path) : path;
    if (rel === '' ) return false;
    if (rel.split(sep).some(isHiddenName)) return true;
    // Without stats chokidar may be asking about a folder (`next.js/`): only files are filtered by name.
    return stats?.isFile() === true && !isNoteName(basename(rel));
  }

  private relistLater(folder: string): void {
    for (const delay of NEW_FOLDER_RELISTS_MS) {
      if (this.closed) return;
      const relist = setTimeout(() => {
        this.relists.delete(relist);
        void this.relist(folder);
      }, delay);
      this.relists.add(relist);
    }
  }

  /** Queues every note file under `folder` (and its folders), skipping hidden ones. */
  private async relist(folder: string): Promise<void> {
    const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      if (!relative(this.root, path).split(sep).some(isHiddenName)) this.queue(path);
    }
  }

  private queue(path: string): void {
    if (this.closed) return;
    const rel = (isAbsolute(path) ? relative(this.root, path) : path).split(sep).join('/');
    if (!isNoteName(basename(rel))) return;
    const now = Date.now();
    if (this.pending.size === 0) this.firstEventAt = now;
    this.pending.add(rel);
    clearTimeout(this.timer);
    const debounce = this.options.debounceMs ?? 150;
    const maxWait = this.options.maxWaitMs ?? 600;
    this.timer = setTimeout(() => this.flush(), Math.max(0, Math.min(debounce, this.firstEventAt + maxWait - now)));
  }

  private flush(): void {
    const paths = [...this.pending];
    this.pending = new Set();
    if (paths.length === 0) return;
    this.flushing = this.flushing.then(() =>
      this.onBatch(paths).catch((error: unknown) => this.options.log?.(`could not read changed notes: ${String(error)}`)),
    );
  }
}
