// The task queue: first in, first out, with at most N tasks running at once. It knows nothing of
// agents or notes; it only decides when each job starts.

export interface QueueSnapshot {
  /** Ids of running jobs, in the order they started. */
  running: string[];
  /** Ids of waiting jobs, in the order they will start. */
  queued: string[];
}

export class TaskQueue {
  private readonly waiting: Array<{ id: string; run: () => Promise<void> }> = [];
  private readonly active = new Set<string>();
  private readonly listeners = new Set<(snapshot: QueueSnapshot) => void>();
  private readonly drained = new Set<() => void>();

  constructor(private concurrency: number) {
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error('Concurrency must be a whole number of at least 1.');
  }

  /** Adds a job; `run` is called when a slot is free, and the slot frees when it settles. */
  enqueue(id: string, run: () => Promise<void>): void {
    if (this.active.has(id) || this.waiting.some((job) => job.id === id)) throw new Error(`Task ${id} is already queued.`);
    this.waiting.push({ id, run });
    this.pump();
    this.changed();
  }

  /** Takes a job out of the queue before it started. False when it is not waiting (any more). */
  remove(id: string): boolean {
    const index = this.waiting.findIndex((job) => job.id === id);
    if (index < 0) return false;
    this.waiting.splice(index, 1);
    this.changed();
    return true;
  }

  /** More or fewer slots; extra waiting jobs start at once, running ones are never stopped. */
  setConcurrency(concurrency: number): void {
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error('Concurrency must be a whole number of at least 1.');
    this.concurrency = concurrency;
    this.pump();
    this.changed();
  }

  get limit(): number {
    return this.concurrency;
  }

  snapshot(): QueueSnapshot {
    return { running: [...this.active], queued: this.waiting.map((job) => job.id) };
  }

  /** 1-based place in line of a waiting job; undefined when it is not waiting. */
  position(id: string): number | undefined {
    const index = this.waiting.findIndex((job) => job.id === id);
    return index < 0 ? undefined : index + 1;
  }

  onChange(listener: (snapshot: QueueSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when nothing runs and nothing waits. */
  idle(): Promise<void> {
    if (this.active.size === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.drained.add(resolve));
  }

  private pump(): void {
    while (this.active.size < this.concurrency && this.waiting.length > 0) {
      const job = this.waiting.shift()!;
      this.active.add(job.id);
      // A job that throws is the runner's problem to report; the slot frees either way.
      void Promise.resolve()
        .then(job.run)
        .catch(() => undefined)
        .finally(() => {
          this.active.delete(job.id);
          this.pump();
          this.changed();
        });
    }
  }

  private changed(): void {
    const snapshot = this.snapshot();
    for (const listener of this.listeners) listener(snapshot);
    if (snapshot.running.length === 0 && snapshot.queued.length === 0) {
      for (const resolve of this.drained) resolve();
      this.drained.clear();
    }
  }
}
