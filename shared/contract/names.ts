// Every method and event name of the contract, with no schemas attached. The preload imports only
// this file, so its sandboxed bundle stays tiny; the contract's types keep the two in step.

export const METHOD_NAMES = [
  'app.info',
  'notebook.open',
  'notes.list',
  'notes.get',
  'notes.create',
  'notes.update',
  'notes.retitle',
  'notes.setTags',
  'notes.delete',
  'notes.restore',
  'notes.listTrash',
  'notes.emptyTrash',
  'notes.transcript',
  'notes.artifacts',
  'notes.readArtifact',
  'notes.openFile',
  'notebook.recent',
  'notebook.forget',
  'notebook.chooseFolder',
  'notebook.reveal',
  'notes.staleness',
  'notes.find',
  'notes.import',
  'notes.citations',
  'notes.check',
  'notes.stale',
  'context.build',
  'context.estimate',
  'context.copy',
  'agents.list',
  'agents.setCredential',
  'repos.recent',
  'repos.add',
  'repos.chooseFolder',
  'tasks.ask',
  'tasks.list',
  'tasks.get',
  'tasks.cancel',
  'tasks.retry',
  'tasks.followUp',
  'tasks.refresh',
  'tasks.planFollowUp',
  'scratch.list',
  'scratch.discard',
  'scratch.reveal',
  'settings.get',
  'settings.update',
  'search.query',
  'search.status',
  'search.reindex',
  'sessions.list',
  'sessions.import',
  'sync.status',
  'sync.setup',
  'sync.run',
  'sync.resolve',
  'sync.clone',
] as const;

export const EVENT_NAMES = ['notebook.changed', 'notes.changed', 'tasks.changed', 'tasks.output', 'tasks.finished', 'search.progress', 'sessions.progress', 'sessions.captured', 'sync.changed'] as const;

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
