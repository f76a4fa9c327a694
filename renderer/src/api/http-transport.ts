// The browser transport: HTTP POST for calls, one WebSocket for push events (reconnecting). Both
// carry the tab's token: a bearer header on calls, a subprotocol on the socket (browsers cannot
// set headers on a WebSocket); no cookie is involved.
import { SOCKET_PROTOCOL, SOCKET_TOKEN_PREFIX } from '../../../shared/browser-access';
import { EventBus } from '../../../shared/event-bus';
import type { CallResult, EventName } from '../../../shared/contract';
import type { Transport } from './transport';

const RECONNECT_DELAYS_MS = [250, 500, 1000, 2000, 5000];

const NO_ACCESS: CallResult<unknown> = {
  ok: false,
  error: { code: 'UNAVAILABLE', message: 'This tab has no valid access token. Open the address `fieldnotes serve` printed again.' },
};

export interface TabAccess {
  /** The token this tab holds, or null when it has none. */
  token: string | null;
  /** Called when there is no token or the server refused it (401). */
  onRefused(): void;
}

export function httpTransport(access: TabAccess, origin: string = window.location.origin): Transport {
  const bus = new EventBus<Record<string, unknown>>();
  const connection = new EventBus<{ change: boolean; reconnect: null }>();
  const { token } = access;
  let socket: WebSocket | null = null;
  let attempts = 0;

  const connect = (key: string): void => {
    const url = new URL('/events', origin);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    socket = new WebSocket(url, [SOCKET_PROTOCOL, SOCKET_TOKEN_PREFIX + key]);
    socket.onopen = () => {
      // Events may have been missed while disconnected: listeners refetch on reconnect.
      if (attempts > 0) connection.emit('reconnect', null);
      attempts = 0;
      connection.emit('change', true);
    };
    socket.onmessage = (message) => {
      try {
        const frame = JSON.parse(String(message.data)) as { event: string; payload: unknown };
        bus.emit(frame.event, frame.payload);
      } catch {
        // A frame we cannot read is dropped; the next refetch brings the state back.
      }
    };
    socket.onclose = () => {
      connection.emit('change', false);
      const delay = RECONNECT_DELAYS_MS[Math.min(attempts, RECONNECT_DELAYS_MS.length - 1)];
      attempts += 1;
      setTimeout(() => connect(key), delay);
    };
  };
  if (token === null) access.onRefused();
  else connect(token);

  return {
    kind: 'http',
    async invoke(method, input) {
      if (token === null) return NO_ACCESS;
      let response: Response;
      try {
        response = await fetch(new URL(`/api/${encodeURIComponent(method)}`, origin), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
          credentials: 'omit',
        });
      } catch {
        return { ok: false, error: { code: 'UNAVAILABLE', message: 'Fieldnotes is not reachable. Is `fieldnotes serve` still running?' } };
      }
      if (response.status === 401) {
        access.onRefused();
        return NO_ACCESS;
      }
      try {
        return (await response.json()) as CallResult<unknown>;
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: `The server answered ${response.status} without a readable body.` } };
      }
    },
    subscribe(event: EventName, callback) {
      return bus.on(event, callback);
    },
    onConnectionChange(callback) {
      return connection.on('change', callback);
    },
    onReconnect(callback) {
      return connection.on('reconnect', () => callback());
    },
  };
}
