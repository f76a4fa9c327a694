// IPC channel names for contract methods and events (used by the main process and the preload).
import type { EventName, MethodName } from './names';

export const methodChannel = (method: MethodName): string => `fieldnotes:call:${method}`;
export const eventChannel = (event: EventName): string => `fieldnotes:event:${event}`;
