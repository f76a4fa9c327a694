// How the client reaches the engine: a call and an event subscription, nothing else.
import type { CallResult, EventName } from '../../../shared/contract';

export interface Transport {
  readonly kind: 'ipc' | 'http';
  invoke(method: string, input: unknown): Promise<CallResult<unknown>>;
  subscribe(event: EventName, callback: (payload: unknown) => void): () => void;
  /** The push channel's state changes (the UI shows when events may be missed). */
  onConnectionChange(callback: (connected: boolean) => void): () => void;
  /** The push channel came back after a drop: events may have been missed meanwhile. */
  onReconnect(callback: () => void): () => void;
}
