// The notebook the engine has open, switching between notebooks, and remembering them. Changes in
// the open notebook go out as `notes.changed` events.
import { basename } from 'node:path';
import { ApiError } from '../../../shared/contract/errors';
import type { NotebookInfo } from '../../../shared/contract/app';
import type { EventBus } from '../../../shared/event-bus';
import type { EngineEvents } from '../engine-events';
import type { SettingsStore } from '../settings';
import { Notebook, type NoteChangeBatch, type NotebookOptions } from './notebook';
import type { NotebookFolder } from './notebook-layout';

/**
 * A notebook folder being opened: set up, its notes still loading. `opened` settles true once it
 * is the session's notebook, false when opening it failed or it already was the open one.
 */
export type OpeningListener = (folder: NotebookFolder, opened: Promise<boolean>) => void;

export interface SessionOptions {
  events: EventBus<EngineEvents>;
  settings: SettingsStore;
  /** Watch the open notebook for outside changes (the app and the browser mode do). */
  watch: boolean;
  watcher?: NotebookOptions['watcher'];
  /** The app's data folder, where a read-only notebook's caches go. */
  dataDir?: string;
  /** What the watcher's first scan waits for (see NotebookOptions.watchAfter), given the folder's real path. */
  watchAfter?: (root: string) => Promise<unknown>;
  log: (message: string) => void;
}

/** The watcher starts at the latest this long after a notebook is open, whatever it waits for. */
const WATCH_AFTER_AT_MOST_MS = 10_000;

export class NotebookSession {
  private current: Notebook | null = null;
  private unsubscribe: () => void = () => undefined;
  private readonly openingListeners = new Set<OpeningListener>();

  constructor(private readonly options: SessionOptions) {}

  get notebook(): Notebook | null {
    return this.current;
  }

  /** The open notebook; a clear error when there is none. */
  require(): Notebook {
    if (!this.current) {
      throw new ApiError('NOTEBOOK_UNAVAILABLE', 'No notebook is open. Open a folder of notes from the notebook menu in the sidebar.');
    }
    return this.current;
  }

  info(): NotebookInfo | null {
    return this.current ? { path: this.current.root, name: this.current.name } : null;
  }

  /** Listens for notebooks being opened, before their notes are loaded; returns the unsubscribe function. */
  onOpening(listener: OpeningListener): () => void {
    this.openingListeners.add(listener);
    return () => this.openingListeners.delete(listener);
  }

  /**
   * Opens a folder as the notebook (setting it up if needed), closes the previous one, remembers
   * it as the notebook to open next time, and announces `notebook.changed`.
   */
  async open(folder: string, options: { create?: boolean } = {}): Promise<Notebook> {
    const { watch, watcher, dataDir, log } = this.options;
    let settle: (opened: boolean) => void = () => undefined;
    const opened = new Promise<boolean>((resolve) => (settle = resolve));
    let root = '';
    const onPrepared = (prepared: NotebookFolder): void => {
      root = prepared.root;
      if (this.current?.root === prepared.root) return;
      for (const listener of this.openingListeners) listener(prepared, opened);
    };
    const watchAfter = this.options.watchAfter;
    let next: Notebook;
    try {
      next = await Notebook.open(folder, {
        create: options.create, watch, watcher, dataDir, log, onPrepared,
        ...(watchAfter ? { watchAfter: () => atMost(watchAfter(root), WATCH_AFTER_AT_MOST_MS) } : {}),
      });
    } catch (error) {
      settle(false);
      throw error;
    }
    if (this.current && this.current.root === next.root) {
      settle(false);
      await next.close();
      return this.current;
    }
    const previous = this.current;
    this.unsubscribe();
    this.current = next;
    this.unsubscribe = next.onChange((batch) => this.announce(batch));
    settle(true);
    await previous?.close();
    await this.options.settings.rememberNotebook(next.root).catch((error: unknown) => this.options.log(`could not save settings: ${String(error)}`));
    this.options.events.emit('notebook.changed', { path: next.root, name: basename(next.root) });
    return next;
  }

  async close(): Promise<void> {
    this.unsubscribe();
    const notebook = this.current;
    this.current = null;
    await notebook?.close();
  }

  private announce(batch: NoteChangeBatch): void {
    const changes = [
      ...batch.added.map((note) => ({ kind: 'added' as const, ...note })),
      ...batch.changed.map((note) => ({ kind: 'changed' as const, ...note })),
      ...batch.removed.map((note) => ({ kind: 'removed' as const, ...note })),
    ];
    this.options.events.emit('notes.changed', { source: batch.source, changes });
  }
}

/** `promise`, or undefined after `ms`, whichever comes first. */
function atMost(promise: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((resolve) => (timer = setTimeout(resolve, ms).unref()));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
