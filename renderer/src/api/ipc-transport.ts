// The desktop transport: the preload's `window.fieldnotes` bridge to the main process.
import type { CallResult, EventName } from '../../../shared/contract';
import type { Transport } from './transport';

interface Bridge {
  invoke(method: string, input: unknown): Promise<CallResult<unknown>>;
  subscribe(event: string, callback: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    fieldnotes?: Bridge;
  }
}

export function ipcBridge(): Bridge | undefined {
  return window.fieldnotes;
}

export function ipcTransport(bridge: Bridge): Transport {
  return {
    kind: 'ipc',
    invoke: (method, input) => bridge.invoke(method, input),
    subscribe: (event: EventName, callback) => bridge.subscribe(event, callback),
    // IPC does not drop: the main process lives as long as the window.
    onConnectionChange: () => () => undefined,
    onReconnect: () => () => undefined,
  };
}
