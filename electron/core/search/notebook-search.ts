// Search for whichever notebook is open: a SearchService per notebook, started when the notebook
// opens (or on the first search, for one-shot commands), closed when another one opens, and fed
// every note change the notebook reports — the app's own writes and outside edits alike.
// The index lives in the notebook's cache folder: `.fieldnotes/cache/search`, or in the app's data
// folder when the notebook is read-only.
import { join } from 'node:path';
import { ApiError } from '../../../shared/contract/errors';
import type { EventBus } from '../../../shared/event-bus';
import type { EngineEvents } from '../engine-events';
import type { Notebook } from '../notebook/notebook';
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
    const { events } = options;
    this.offs = [
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
  private async replace(notebook: Notebook | null): Promise<void> {
    const previous = this.service;
    this.service = null;
    this.root = null;
    if (notebook !== null && !this.closed) this.startFor(notebook);
    await previous?.close();
  }

  private startFor(notebook: Notebook): SearchService {
    this.root = notebook.root;
    return (this.service = SearchService.start({
      root: notebook.root,
      cacheDir: join(notebook.cacheDir, 'search'),
      onStatus: (status) => this.options.events.emit('search.progress', status),
    }));
  }
}
