// Long index work (building, merging) runs in slices, so the worker keeps answering queries and
// change notices between them instead of after the whole job.

const SLICE_MS = 12;

export class Pacer {
  private since = performance.now();

  constructor(private readonly sliceMs = SLICE_MS) {}

  /**
   * A promise to await when this slice is used up, else undefined (so hot loops pay nothing):
   * `const pause = pacer.pause(); if (pause) await pause;`
   */
  pause(): Promise<void> | undefined {
    if (performance.now() - this.since < this.sliceMs) return undefined;
    return new Promise<void>((resume) =>
      setImmediate(() => {
        this.since = performance.now();
        resume();
      }),
    );
  }
}
