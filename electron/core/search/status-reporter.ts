// Passes the index's status on: at once when its state changes (starting, indexing, ready,
// failed), else at most a few times a second, with the latest figures ("indexing N of M").
import type { SearchStatus } from '../../../shared/contract/search';

const INTERVAL_MS = 250;

export class StatusReporter {
  private last = { at: 0, state: '' };
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  /**
   * @param current reads the status now
   * @param send where it goes
   */
  constructor(
    private readonly current: () => SearchStatus,
    private readonly send: (status: SearchStatus) => void,
  ) {}

  /** Something changed; `force` sends it now whatever the interval. */
  report(force = false): void {
    if (this.stopped) return;
    const status = this.current();
    const now = Date.now();
    if (force || status.state !== this.last.state || now - this.last.at >= INTERVAL_MS) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      this.last = { at: now, state: status.state };
      this.send(status);
    } else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.report(true);
      }, INTERVAL_MS);
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }
}
