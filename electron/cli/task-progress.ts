// What `fieldnotes ask` says on stderr while agents work: one short line per thing worth knowing
// (queued, started, each tool call and file read, retries, errors, the end), never the answer's text.
import type { EventPayload } from '../../shared/contract';
import { retryLine } from '../../shared/model/retry-runs';
import type { Task } from '../../shared/model/task';

export interface ProgressPrinter {
  changed(task: Task): void;
  output(batch: EventPayload<'tasks.output'>): void;
  finished(task: Task, file: string | undefined): void;
}

export function progressPrinter(print: (line: string) => void): ProgressPrinter {
  const seen = new Map<string, { status: string; position?: number; agent: string; writing: boolean; cloud?: string; retries?: { count: number; reason?: string } }>();
  /** A run of retries is said once as it starts, and once with its count when it ends. */
  const endRetries = (state: { agent: string; retries?: { count: number; reason?: string } }) => {
    if (state.retries && state.retries.count > 1) print(`${prefix(state.agent)} ${retryLine(state.retries)}`);
    delete state.retries;
  };
  const prefix = (agent: string) => `[${agent}]`;

  return {
    changed(task) {
      const last = seen.get(task.id);
      // A cloud task's state at its service, its link and what it waits for.
      const cloud = task.cloud ? [task.cloud.state, task.cloud.url, task.cloud.pr, task.cloud.message].filter(Boolean).join(' ') : undefined;
      if (last && last.status === task.status && last.position === task.position && last.cloud === cloud) return;
      seen.set(task.id, { status: task.status, ...(task.position ? { position: task.position } : {}), agent: task.agent, writing: last?.writing ?? false, ...(cloud ? { cloud } : {}) });
      if (last && last.status === task.status && last.position === task.position) {
        if (task.cloud && task.status === 'running') print(`${prefix(task.agent)} ${task.cloud.state}${task.cloud.url ? ` ${task.cloud.url}` : ''}${task.cloud.message ? `: ${oneLine(task.cloud.message)}` : ''}`);
        return;
      }
      if (task.status === 'queued') print(`${prefix(task.agent)} queued${task.position ? ` (position ${task.position})` : ''}`);
      else if (task.status === 'running') print(`${prefix(task.agent)} started. ${task.permissions}`);
    },
    output(batch) {
      const state = seen.get(batch.id);
      if (!state) return;
      for (const event of batch.events) {
        if (event.type !== 'retry') endRetries(state);
        switch (event.type) {
          case 'tool_call':
            print(`${prefix(state.agent)} ${event.name}${event.summary ? ` ${oneLine(event.summary)}` : ''}`);
            break;
          case 'retry':
            if (!state.retries) print(`${prefix(state.agent)} retrying${event.reason ? `: ${oneLine(event.reason)}` : ''}`);
            state.retries = { count: (state.retries?.count ?? 0) + 1, ...(event.reason ? { reason: oneLine(event.reason) } : {}) };
            break;
          case 'error':
            print(`${prefix(state.agent)} error: ${oneLine(event.message)}`);
            break;
          case 'text':
            if (!state.writing) print(`${prefix(state.agent)} writing…`);
            state.writing = true;
            break;
          default:
            break;
        }
      }
    },
    finished(task, file) {
      const state = seen.get(task.id);
      if (state) endRetries(state);
      const took = task.started && task.finished ? ` in ${duration(Date.parse(task.finished) - Date.parse(task.started))}` : '';
      const what = task.status === 'done' ? `done${took}` : `${task.status}${took}: ${task.error ?? 'no reason given'}`;
      print(`${prefix(task.agent)} ${what}${file ? ` → ${file}` : ''}`);
      if (task.cloud?.pr) print(`${prefix(task.agent)} pull request: ${task.cloud.pr}`);
      if (task.warning) print(`${prefix(task.agent)} warning: ${task.warning}`);
    },
  };
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}

function duration(ms: number): string {
  if (ms < 60_000) return `${Math.max(0.1, ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}
