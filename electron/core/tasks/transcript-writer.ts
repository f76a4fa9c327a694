// Appends a task's events to its note's transcript as they arrive: one append at a time, and the
// events that arrive meanwhile go out together in the next one. A flood costs a few large appends,
// not one per event, and no event waits longer than the write in flight.
import type { AgentEvent } from '../../../shared/model/agent-event';

export class TranscriptWriter {
  private pending: AgentEvent[] = [];
  private writing: Promise<void> | null = null;
  private failed = false;

  constructor(
    private readonly append: (events: AgentEvent[]) => Promise<void>,
    private readonly log: (message: string) => void,
  ) {}

  push(event: AgentEvent): void {
    this.pending.push(event);
    if (!this.writing) this.writing = this.drain();
  }

  /** Resolves once every event pushed so far is on disk (or could not be written). */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
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
