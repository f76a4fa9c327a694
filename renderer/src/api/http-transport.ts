// The browser transport: HTTP POST for calls, one WebSocket for push events (reconnecting).
import { EventBus } from '../../../shared/event-bus';
import type { CallResult, EventName } from '../../../shared/contract';
import type { Transport } from './transport';

const RECONNECT_DELAYS_MS = [250, 500, 1000, 2000, 5000];

export function httpTransport(origin: string = window.location.origin): Transport {
  const bus = new EventBus<Record<string, unknown>>();
  const connection = new EventBus<{ change: boolean; reconnect: null }>();
  let socket: WebSocket | null = null;
  let attempts = 0;

  const connect = (): void => {
    const url = new URL('/events', origin);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    socket = new WebSocket(url);
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
      setTimeout(connect, delay);
    };
  };
  connect();

  return {
    kind: 'http',
    async invoke(method, input) {
      let response: Response;
      try {
        response = await fetch(new URL(`/api/${encodeURIComponent(method)}`, origin), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
          credentials: 'same-origin',
        });
      } catch {
        return { ok: false, error: { code: 'UNAVAILABLE', message: 'Fieldnotes is not reachable. Is `fieldnotes serve` still running?' } };
      }
      if (response.status === 401) {
        return { ok: false, error: { code: 'UNAVAILABLE', message: 'This page lost its access token. Open the address `fieldnotes serve` printed again.' } };
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
