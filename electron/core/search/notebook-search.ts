// Search for whichever notebook is open: a SearchService per notebook, started when the notebook
// opens (or on the first search, for one-shot commands), closed when another one opens, and fed
// every note change the notebook reports — the app's own writes and outside edits alike.
import { join } from 'node:path';
import type { EventBus } from '../../../shared/event-bus';
import type { EngineEvents } from '../engine-events';
import { LAYOUT } from '../notebook/notebook-layout';
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
    if (options.start === 'at-open' && options.session.notebook) this.service = this.startFor(options.session.notebook.root);
  }

  /** The open notebook's search service, started now if it was not yet. */
  require(): SearchService {
    this.service ??= this.startFor(this.options.session.require().root);
    return this.service;
  }

  async close(): Promise<void> {
    for (const off of this.offs) off();
    const closing = this.service;
    this.service = null;
    await closing?.close();
  }

  private async restart(): Promise<void> {
    const previous = this.service;
    this.service = null;
    await previous?.close();
    const notebook = this.options.session.notebook;
    if (notebook && this.options.start === 'at-open') this.service = this.startFor(notebook.root);
  }

  private startFor(root: string): SearchService {
    return SearchService.start({
      root,
      cacheDir: join(root, ...LAYOUT.cache.split('/'), 'search'),
      onStatus: (status) => this.options.events.emit('search.progress', status),
    });
  }
}
