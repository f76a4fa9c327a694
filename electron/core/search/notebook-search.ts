// Search for whichever notebook is open: a SearchService per notebook, started as soon as the
// notebook's folder is set up (while its notes still load), or on the first search for one-shot
// commands; closed when another one opens, and fed every note change the notebook reports — the
// app's own writes and outside edits alike.
// The index lives in the notebook's cache folder: `.fieldnotes/cache/search`, or in the app's data
// folder when the notebook is read-only.
import { join } from 'node:path';
import { ApiError } from '../../../shared/contract/errors';
import type { EventBus } from '../../../shared/event-bus';
import type { EngineEvents } from '../engine-events';
import type { NotebookFolder } from '../notebook/notebook-layout';
import type { NotebookSession } from '../notebook/notebook-session';
import { SearchService } from './service';

export interface NotebookSearchOptions {
  session: NotebookSession;
  events: EventBus<EngineEvents>;
  /** 'at-open' (the app, `serve`) or 'on-demand' (commands that may never search). */
  start: 'at-open' | 'on-demand';
}

export class NotebookSearch {
  private service: SearchService | null = null;
  /** The notebook folder `service` indexes. */
  private root: string | null = null;
  private closed = false;
  private readonly offs: Array<() => void>;

  constructor(private readonly options: NotebookSearchOptions) {
    const { events, session } = options;
    this.offs = [
      session.onOpening((folder, opened) => {
        if (options.start !== 'at-open' || this.closed) return;
        void this.replace(folder);
        // Not opened after all: search goes back to whichever notebook is open.
        void opened.then((yes) => (yes ? undefined : this.restart()));
      }),
      events.on('notebook.changed', () => void this.restart()),
      events.on('notes.changed', ({ changes }) => {
        if (!this.service) return;
        const upserted = changes.filter((change) => change.kind !== 'removed').map((change) => change.path);
        const removed = changes.filter((change) => change.kind === 'removed').map((change) => change.path);
        this.service.applyChanges({ upserted, removed }).catch(() => undefined);
      }),
    ];
    if (options.start === 'at-open' && options.session.notebook) this.startFor(options.session.notebook);
  }

  /**
   * Settles once the search of the notebook at `root` has loaded its persisted index (or failed
   * to), or at once when no search runs for it.
   */
  loaded(root: string): Promise<void> {
    return this.service && this.root === root ? this.service.loaded : Promise.resolve();
  }

  /** The open notebook's search service, started now if it was not yet. */
  require(): SearchService {
    if (this.closed) throw new ApiError('UNAVAILABLE', 'Fieldnotes is shutting down; search is closed.');
    const notebook = this.options.session.require();
    if (this.service && this.root === notebook.root) return this.service;
    void this.replace(notebook);
    return this.service!;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const off of this.offs) off();
    await this.replace(null);
  }

  private async restart(): Promise<void> {
    const notebook = this.options.session.notebook;
    await this.replace(notebook && this.options.start === 'at-open' ? notebook : null);
  }


  /**
   * Swaps the service for one over `root` (or none) in one step, so a search arriving while the old
   * one closes gets the new one, and no service is ever started twice or left running.
   */
  private async replace(notebook: NotebookFolder | null): Promise<void> {
    // Started early for this folder (while it loaded): that one stays.
    if (notebook !== null && this.service && this.root === notebook.root) return;
    const previous = this.service;
    this.service = null;
    this.root = null;
    if (notebook !== null && !this.closed) this.startFor(notebook);
    await previous?.close();
  }

  private startFor(notebook: NotebookFolder): SearchService {
    this.root = notebook.root;
    return (this.service = SearchService.start({
      root: notebook.root,
      cacheDir: join(notebook.cacheDir, 'search'),
      onStatus: (status) => this.options.events.emit('search.progress', status),
    }));
  }
}
