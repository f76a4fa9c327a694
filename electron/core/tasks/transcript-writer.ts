// Appends a task's events to its note's transcript as they arrive: one append at a time, and the
// events that arrive meanwhile go out together in the next one. A flood costs a few large appends,
// not one per event, and no event waits longer than the writes ahead of it. An append takes at
// most about MAX_APPEND_CHARS of text: checking, serializing and encoding it runs on the event
// loop, so a bounded append keeps the engine responsive while an agent floods its output.
import type { AgentEvent } from '../../../shared/model/agent-event';

export const MAX_APPEND_CHARS = 256 * 1024;
/** A runaway agent must not fill the disk: text beyond this is left out (and counted). */
export const MAX_TRANSCRIPT_TEXT = 64 * 1024 * 1024;

export class TranscriptWriter {
  private pending: AgentEvent[] = [];
  private writing: Promise<void> | null = null;
  private failed = false;
  private textChars = 0;
  private droppedChars = 0;
  private cutOff = false;

  constructor(
    private readonly append: (events: AgentEvent[]) => Promise<void>,
    private readonly log: (message: string) => void,
    private readonly maxTextChars = MAX_TRANSCRIPT_TEXT,
  ) {}

  /**
   * What the transcript holds of the text: `all` of it, its `first` characters (the rest was left
   * out), or `part` (an append failed, so some of it is missing).
   */
  get textKept(): { kind: 'all' } | { kind: 'first'; chars: number } | { kind: 'part' } {
    if (this.failed) return { kind: 'part' };
    return this.cutOff ? { kind: 'first', chars: this.maxTextChars } : { kind: 'all' };
  }

  push(event: AgentEvent): void {
    if (event.type === 'text') {
      if (this.textChars >= this.maxTextChars) {
        this.droppedChars += event.text.length;
        this.cutOff = true;
        return;
      }
      this.textChars += event.text.length;
    }
    this.pending.push(event);
    if (!this.writing) this.writing = this.drain();
  }

  /** Resolves once every event pushed so far is on disk (or could not be written). */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  /** The last events: says how much text was left out, if any, and writes everything. */
  async end(): Promise<void> {
    if (this.droppedChars > 0) {
      const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
      this.pending.push({ type: 'diagnostic', message: `The transcript keeps the first ${megabytes(this.maxTextChars)} of text; ${megabytes(this.droppedChars)} more were left out.` });
      this.droppedChars = 0;
      if (!this.writing) this.writing = this.drain();
    }
    await this.flush();
  }

  /** The next events to append: all that wait, up to about MAX_APPEND_CHARS of text. */
  private take(): AgentEvent[] {
    let size = 0;
    let count = 0;
    while (count < this.pending.length && (count === 0 || size < MAX_APPEND_CHARS)) {
      const event = this.pending[count]!;
      size += 100 + (event.type === 'text' ? event.text.length : 0);
      count += 1;
    }
    return this.pending.splice(0, count);
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.take();
        try {
          await this.append(batch);
        } catch (error) {
          // The task goes on; the events stay in the note's live view. Report once, not per batch.
          if (!this.failed) this.log(`could not append to a transcript: ${error instanceof Error ? error.message : String(error)}`);
          this.failed = true;
        }
      }
    } finally {
      this.writing = null;
    }
  }
}
