// Every method and event name of the contract, with no schemas attached. The preload imports only
// this file, so its sandboxed bundle stays tiny; the contract's types keep the two in step.

export const METHOD_NAMES = [
  'app.info',
  'notebook.open',
  'notes.list',
  'notes.get',
  'search.query',
  'search.status',
  'search.reindex',
] as const;

export const EVENT_NAMES = ['notebook.changed', 'notes.changed', 'search.progress'] as const;

export type MethodName = (typeof METHOD_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

const methodNames: ReadonlySet<string> = new Set(METHOD_NAMES);
const eventNames: ReadonlySet<string> = new Set(EVENT_NAMES);

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && methodNames.has(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && eventNames.has(value);
}
