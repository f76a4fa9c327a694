// How a task's state reads: how long it has run (or waited, or took), its place in line, a line
// for its card.
import type { Task } from '../../../../shared/model/task';
import { formatDuration } from '../../lib/format';

/** Milliseconds it ran (finished), has been running, or has been waiting (queued). */
export function elapsedMs(task: Task, now: number): number {
  const from = Date.parse(task.started ?? task.created);
  const to = task.finished ? Date.parse(task.finished) : now;
  return Math.max(0, to - from);
}

/** "1 min 12 s", in whole seconds (a clock that ticks, never "850 ms"). */
export function formatElapsed(ms: number): string {
  return ms < 1000 ? '0 s' : formatDuration(Math.floor(ms / 1000) * 1000);
}

const ORDINALS = ['th', 'st', 'nd', 'rd'];

/** 1st, 2nd, 3rd, 4th, 11th, 21st… */
export function ordinal(n: number): string {
  const tens = n % 100;
  return `${n}${tens >= 11 && tens <= 13 ? 'th' : (ORDINALS[n % 10] ?? 'th')}`;
}

/** The state in a few words: "Running · 1 min 12 s", "Queued · 2nd in line", "Failed after 12 s". */
export function statusLine(task: Task, now: number): string {
  const took = formatElapsed(elapsedMs(task, now));
  switch (task.status) {
    case 'running':
      return `Running · ${took}`;
    case 'queued':
      return task.position ? `Queued · ${ordinal(task.position)} in line` : 'Queued';
    case 'done':
      return `Done in ${took}`;
    case 'failed':
      return task.started ? `Failed after ${took}` : 'Failed before it started';
    case 'cancelled':
      return task.started ? `Cancelled after ${took}` : 'Cancelled before it started';
    case 'interrupted':
      return 'Interrupted';
  }
}

/** The time alone, beside a status badge: "for 1 min 12 s", "2nd in line", "took 3 min". */
export function elapsedLine(task: Task, now: number): string {
  const took = formatElapsed(elapsedMs(task, now));
  if (task.status === 'running') return `for ${took}`;
  if (task.status === 'queued') return task.position ? `${ordinal(task.position)} in line` : 'waiting';
  return task.started ? `took ${took}` : 'never started';
}

/** The last lines of a text that have something on them, for a card's glimpse of the answer. */
export function lastLines(text: string, count: number): string[] {
  return text.slice(-4096).split('\n').filter((line) => line.trim() !== '').slice(-count);
}

export function formatChars(count: number): string {
  if (count < 1000) return `${count} chars`;
  if (count < 1_000_000) return `${(count / 1000).toFixed(count < 10_000 ? 1 : 0)}k chars`;
  return `${(count / 1_000_000).toFixed(1)}M chars`;
}
