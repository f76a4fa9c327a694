// createApi: the one implementation of the contract, shared by the desktop app, the browser mode
// and the command line. It knows nothing of how it is reached.
import { join, resolve } from 'node:path';
import { ApiError } from '../../shared/contract/errors';
import type { ApiHandlers, EventName, EventPayload } from '../../shared/contract';
import type { NotebookInfo } from '../../shared/contract/app';
import { EventBus } from '../../shared/event-bus';
import { DATA_DIR, Notebook } from './notebook/notebook';
import { SearchService } from './search/service';

export type EngineEvents = { [E in EventName]: EventPayload<E> };

export interface ApiDeps {
  app: { name: string; version: string };
  transport: 'ipc' | 'http';
  /** The notebook to open at start, if any. */
  notebook?: string;
  /** Where `notebook.open` without a path goes. */
  defaultNotebook: string;
  /**
   * Start the search worker as soon as a notebook is open (the app, `serve`), or only when a
   * search method is first called (one-shot commands that may never search). Default: at open.
   */
  search?: 'at-open' | 'on-demand';
}

export interface Engine {
  readonly handlers: ApiHandlers;
  readonly events: EventBus<EngineEvents>;
  close(): Promise<void>;
}

export async function createApi(deps: ApiDeps): Promise<Engine> {
  const events = new EventBus<EngineEvents>();
  let notebook: Notebook | null = deps.notebook ? await Notebook.open(resolve(deps.notebook)) : null;
  let search: SearchService | null = null;

  const startSearch = (nb: Notebook): SearchService =>
    SearchService.start({
      root: nb.root,
      cacheDir: join(nb.root, DATA_DIR, 'cache', 'search'),
      onStatus: (status) => events.emit('search.progress', status),
    });
  const requireSearch = (): SearchService => {
    search ??= startSearch(requireNotebook());
    return search;
  };
  if (notebook && deps.search !== 'on-demand') search = startSearch(notebook);

  // The change feed: whoever reports note changes (the engine's own writes, the folder watcher)
  // emits notes.changed, and search follows it.
  events.on('notes.changed', ({ changes }) => {
    if (!search) return;
    const upserted = changes.filter((change) => change.kind !== 'removed').map((change) => change.path);
    const removed = changes.filter((change) => change.kind === 'removed').map((change) => change.path);
    search.applyChanges({ upserted, removed }).catch(() => undefined);
  });

  const info = (nb: Notebook): NotebookInfo => ({ path: nb.root, name: nb.name });
  const requireNotebook = (): Notebook => {
    if (!notebook) throw new ApiError('NOTEBOOK_UNAVAILABLE', 'No notebook is open. Open a folder of notes first.');
    return notebook;
  };

  const handlers: ApiHandlers = {
    'app.info': async () => ({
      name: deps.app.name,
      version: deps.app.version,
      transport: deps.transport,
      platform: process.platform,
      notebook: notebook ? info(notebook) : null,
    }),
    'notebook.open': async ({ path }) => {
      const opened = await Notebook.open(resolve(path ?? deps.defaultNotebook));
      const previous = search;
      search = null;
      await previous?.close();
      notebook = opened;
      if (deps.search !== 'on-demand') search = startSearch(opened);
      events.emit('notebook.changed', info(notebook));
      return info(notebook);
    },
    'notes.list': async () => ({ notes: await requireNotebook().list() }),
    'notes.get': async ({ id }) => requireNotebook().get(id),
    'search.query': async (input) => requireSearch().query(input),
    'search.status': async () => requireSearch().refreshStatus(),
    'search.reindex': async () => requireSearch().reindex(),
  };

  return {
    handlers,
    events,
    async close() {
      notebook = null;
      const closing = search;
      search = null;
      await closing?.close();
    },
  };
}
