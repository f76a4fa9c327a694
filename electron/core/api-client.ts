// The engine's in-process client: `api.notes.list()` for callers in the engine's own process (the
// command line, and next an MCP server and session import). Every call goes through dispatch, the
// gate the IPC and HTTP adapters use, so input is checked by the contract's schemas and failures
// are the contract's ApiErrors, whoever calls.
import { METHOD_NAMES, type ApiClient, type EventName, type EventPayload } from '../../shared/contract';
import { ApiError } from '../../shared/contract/errors';
import type { Engine } from './api';
import { dispatch, type DispatchOptions } from './dispatch';

export interface InProcessApi extends ApiClient {
  /** Listens to a push event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** A client over `engine`: each method parses its input, runs the handler, and throws ApiError on failure. */
export function inProcessClient(engine: Pick<Engine, 'handlers' | 'events'>, options: DispatchOptions = {}): InProcessApi {
  const namespaces: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const method of METHOD_NAMES) {
    const [namespace, name] = method.split('.') as [string, string];
    namespaces[namespace] ??= {};
    namespaces[namespace][name] = async (input) => {
      const result = await dispatch(engine.handlers, method, input, options);
      if (!result.ok) throw ApiError.from(result.error);
      return result.value;
    };
  }
  return {
    ...namespaces,
    on: (event, listener) => engine.events.on(event, listener),
  } as InProcessApi;
}
