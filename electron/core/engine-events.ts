// The engine's push events, typed from the contract.
import type { EventName, EventPayload } from '../../shared/contract';

export type EngineEvents = { [E in EventName]: EventPayload<E> };
