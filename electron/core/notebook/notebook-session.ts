// The notebook the engine has open, switching between notebooks, and remembering them. Changes in
// the open notebook go out as `notes.changed` events.
import { basename } from 'node:path';
import { ApiError } from '../../../shared/contract/errors';
import type { NotebookInfo } from '../../../shared/contract/app';
import type { EventBus } from '../../../shared/event-bus';
import type { EngineEvents } from '../engine-events';
import type { SettingsStore } from '../settings';
import { Notebook, type NoteChangeBatch, type NotebookOptions } from './notebook';

export interface SessionOptions {
  events: EventBus<EngineEvents>;
  settings: SettingsStore;
  /** Watch the open notebook for outside changes (the app and the browser mode do). */
  watch: boolean;
  watcher?: NotebookOptions['watcher'];
  /** The app's data folder, where a read-only notebook's caches go. */
  dataDir?: string;
  log: (message: string) => void;
}

export class NotebookSession {
  private current: Notebook | null = null;
  private unsubscribe: () => void = () => undefined;

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

  /**
   * Opens a folder as the notebook (setting it up if needed), closes the previous one, remembers
   * it as the notebook to open next time, and announces `notebook.changed`.
   */
  async open(folder: string, options: { create?: boolean } = {}): Promise<Notebook> {
    const { watch, watcher, dataDir, log } = this.options;
    const next = await Notebook.open(folder, { create: options.create, watch, watcher, dataDir, log });
    if (this.current && this.current.root === next.root) {
      await next.close();
      return this.current;
    }
    const previous = this.current;
    this.unsubscribe();
    this.current = next;
    this.unsubscribe = next.onChange((batch) => this.announce(batch));
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
