// How task activity reaches the transports at a pace a window can take: `tasks.output` batched per
// task (a few batches a second, consecutive text joined, capped, the rest counted as dropped), and
// `tasks.changed` throttled (state changes go out at once, progress at most a few times a second).
import type { AgentEvent } from '../../../shared/model/agent-event';

export const OUTPUT_INTERVAL_MS = 250;
/** At most this many events per batch... */
export const MAX_BATCH_EVENTS = 200;
/** ...and this much text (the note and the transcript keep all of it). */
export const MAX_BATCH_TEXT = 32 * 1024;

export interface OutputBatch {
  id: string;
  events: AgentEvent[];
  dropped: number;
}

/** One task's live output: buffered in bounded memory, sent at most every OUTPUT_INTERVAL_MS. */
export class OutputBatcher {
  private events: AgentEvent[] = [];
  private text = 0;
  private dropped = 0;
  private timer: NodeJS.Timeout | undefined;
  private lastSent = 0;

  constructor(
    private readonly id: string,
    private readonly send: (batch: OutputBatch) => void,
    private readonly intervalMs = OUTPUT_INTERVAL_MS,
  ) {}

  push(event: AgentEvent): void {
    if (event.type === 'text') this.pushText(event);
    else if (this.events.length < MAX_BATCH_EVENTS) this.events.push(event);
    else this.dropped += 1;
    this.schedule();
  }

  /** Sends what is buffered now (when the task ends). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.events.length === 0 && this.dropped === 0) return;
    const batch = { id: this.id, events: this.events, dropped: this.dropped };
    this.events = [];
    this.text = 0;
    this.dropped = 0;
    this.lastSent = Date.now();
    this.send(batch);
  }

  private pushText(event: Extract<AgentEvent, { type: 'text' }>): void {
    const room = MAX_BATCH_TEXT - this.text;
    if (room <= 0) {
      this.dropped += 1;
      return;
    }
    const text = event.text.length > room ? event.text.slice(0, room) : event.text;
    if (text.length < event.text.length) this.dropped += 1;
    this.text += text.length;
    const last = this.events.at(-1);
    if (last?.type === 'text') {
      this.events[this.events.length - 1] = { ...last, text: last.text + text };
    } else if (this.events.length < MAX_BATCH_EVENTS) {
      this.events.push({ ...event, text });
    } else {
      this.dropped += 1;
    }
  }

  private schedule(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastSent + this.intervalMs - Date.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }
}

export const CHANGE_INTERVAL_MS = 250;

/**
 * Collects which tasks changed and reports each once per flush: at the next turn of the event loop
 * for state changes, after CHANGE_INTERVAL_MS for progress.
 */
export class ChangeThrottle {
  private readonly changed = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private immediate: NodeJS.Immediate | undefined;

  constructor(
    private readonly send: (ids: string[]) => void,
    private readonly intervalMs = CHANGE_INTERVAL_MS,
  ) {}

  /** `urgent`: the task's state or queue position changed, which the UI should show at once. */
  mark(id: string, urgent: boolean): void {
    this.changed.add(id);
    if (urgent) {
      this.immediate ??= setImmediate(() => this.flush());
    } else {
      this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
    }
  }

  flush(): void {
    clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = undefined;
    this.immediate = undefined;
    if (this.changed.size === 0) return;
    const ids = [...this.changed];
    this.changed.clear();
    this.send(ids);
  }

  dispose(): void {
    clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.changed.clear();
  }
}
