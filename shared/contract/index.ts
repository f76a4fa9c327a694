// The contract: every method the engine offers and every event it pushes, with their schemas.
// Both transports (Electron IPC, HTTP + WebSocket) and the renderer's client are typed from it.
import type { z } from 'zod';
import type { MethodSpec } from './method';
import type { EventName, MethodName } from './names';
import { appMethods } from './app';
import { citationsMethods } from './citations';
import { contextMethods } from './context';
import { notebookEvents, notebookMethods } from './notebook';
import { notesEvents, notesMethods } from './notes';
import { settingsMethods } from './settings';
import { tasksEvents, tasksMethods } from './tasks';
import { searchEvents, searchMethods } from './search';
import { sessionsEvents, sessionsMethods } from './sessions';
import { syncEvents, syncMethods } from './sync';

export const methods = {
  ...appMethods,
  ...notebookMethods,
  ...notesMethods,
  ...citationsMethods,
  ...contextMethods,
  ...tasksMethods,
  ...settingsMethods,
  ...searchMethods,
  ...sessionsMethods,
  ...syncMethods,
} satisfies Record<MethodName, MethodSpec>;

export const events = {
  ...notebookEvents,
  ...notesEvents,
  ...tasksEvents,
  ...searchEvents,
  ...sessionsEvents,
  ...syncEvents,
} satisfies Record<EventName, z.ZodType>;

// The name lists and the schema maps must hold exactly the same names.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const methodNamesMatch: Exactly<keyof typeof methods, MethodName> = true;
const eventNamesMatch: Exactly<keyof typeof events, EventName> = true;
void methodNamesMatch;
void eventNamesMatch;

type Methods = typeof methods;
type Events = typeof events;

/** What a caller passes (defaults still optional). */
export type Input<M extends MethodName> = z.input<Methods[M]['input']>;
/** What the engine receives after parsing (defaults applied). */
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type Output<M extends MethodName> = z.output<Methods[M]['output']>;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

/** The engine's side of the contract: one async function per method. */
export type ApiHandlers = { [M in MethodName]: (input: ParsedInput<M>) => Promise<Output<M>> };

type Namespace = MethodName extends `${infer NS}.${string}` ? NS : never;

/** The caller's side, grouped by namespace: `client.notes.get({ id })`. */
export type ApiClient = {
  [NS in Namespace]: {
    [M in MethodName as M extends `${NS}.${infer Name}` ? Name : never]: (
      ...args: undefined extends Input<M> ? [input?: Input<M>] : [input: Input<M>]
    ) => Promise<Output<M>>;
  };
};

export { METHOD_NAMES, EVENT_NAMES, isMethodName, isEventName } from './names';
export type { MethodName, EventName } from './names';
export { ApiError, ERROR_CODES } from './errors';
export type { ErrorCode, ErrorShape } from './errors';
export type { CallResult } from './errors';
export type { MethodSpec } from './method';
