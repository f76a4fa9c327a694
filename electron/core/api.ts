// createApi: the one implementation of the contract, shared by the desktop app, the browser mode
// and the command line. It knows nothing of how it is reached.
import { resolve } from 'node:path';
import { ApiError } from '../../shared/contract/errors';
import type { ApiHandlers, EventName, EventPayload } from '../../shared/contract';
import type { NotebookInfo } from '../../shared/contract/app';
import { EventBus } from '../../shared/event-bus';
import { Notebook } from './notebook/notebook';

export type EngineEvents = { [E in EventName]: EventPayload<E> };

export interface ApiDeps {
  app: { name: string; version: string };
  transport: 'ipc' | 'http';
  /** The notebook to open at start, if any. */
  notebook?: string;
  /** Where `notebook.open` without a path goes. */
  defaultNotebook: string;
}

export interface Engine {
  readonly handlers: ApiHandlers;
  readonly events: EventBus<EngineEvents>;
  close(): Promise<void>;
}

export async function createApi(deps: ApiDeps): Promise<Engine> {
  const events = new EventBus<EngineEvents>();
  let notebook: Notebook | null = deps.notebook ? await Notebook.open(resolve(deps.notebook)) : null;

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
      notebook = await Notebook.open(resolve(path ?? deps.defaultNotebook));
      events.emit('notebook.changed', info(notebook));
      return info(notebook);
    },
    'notes.list': async () => ({ notes: await requireNotebook().list() }),
    'notes.get': async ({ id }) => requireNotebook().get(id),
  };

  return {
    handlers,
    events,
    async close() {
      notebook = null;
    },
  };
}
