// The typed API client: `api.notes.get({ id })`, the same over either transport. Failures come
// back as ApiError with the engine's code and message.
import type { ApiClient, EventName, EventPayload } from '../../../shared/contract';
import { ApiError } from '../../../shared/contract/errors';
import type { Transport } from './transport';

export interface Api extends ApiClient {
  /** Listen to a push event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, callback: (payload: EventPayload<E>) => void): () => void;
  /** Called after the push channel reconnected (events may have been missed meanwhile). */
  onReconnect(callback: () => void): () => void;
  onConnectionChange(callback: (connected: boolean) => void): () => void;
  readonly transport: Transport['kind'];
}

export function createClient(transport: Transport): Api {
  const call = async (method: string, input: unknown): Promise<unknown> => {
    const result = await transport.invoke(method, input ?? {});
    if (!result.ok) throw ApiError.from(result.error);
    return result.value;
  };
  const namespaces = new Map<string, object>();
  const base = {
    on: <E extends EventName>(event: E, callback: (payload: EventPayload<E>) => void) =>
      transport.subscribe(event, callback as (payload: unknown) => void),
    onReconnect: (callback: () => void) => transport.onReconnect(callback),
    onConnectionChange: (callback: (connected: boolean) => void) => transport.onConnectionChange(callback),
    transport: transport.kind,
  };
  return new Proxy(base, {
    get(target, namespace: string | symbol) {
      if (typeof namespace !== 'string' || namespace in target) return Reflect.get(target, namespace);
      let methods = namespaces.get(namespace);
      if (!methods) {
        methods = new Proxy(
          {},
          { get: (_t, name) => (typeof name === 'string' ? (input?: unknown) => call(`${namespace}.${name}`, input) : undefined) },
        );
        namespaces.set(namespace, methods);
      }
      return methods;
    },
  }) as unknown as Api;
}
