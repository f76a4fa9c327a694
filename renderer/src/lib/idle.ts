// Work cut into short slices, each its own task, so input, scrolling and painting never wait long
// behind it (no task much over 12 ms of it). Neither requestIdleCallback nor the 'background'
// priority: a page that draws every frame (an animation, a test polling it) leaves them almost no
// time, and the work would crawl.

/** How long one slice may take. */
const SLICE_MS = 12;

interface PostTaskScheduler {
  postTask(callback: () => void, options: { priority: 'user-visible'; signal?: AbortSignal }): Promise<void>;
}

const scheduler = (globalThis as { scheduler?: PostTaskScheduler }).scheduler;

/**
 * Calls `step(timeLeft)` in slices until it returns false; `timeLeft()` says how many ms the
 * current slice has left. Returns a function that stops it.
 */
export function whenIdle(step: (timeLeft: () => number) => boolean): () => void {
  const stop = new AbortController();
  const run = (): void => {
    if (stop.signal.aborted) return;
    const started = performance.now();
    if (step(() => SLICE_MS - (performance.now() - started)) && !stop.signal.aborted) schedule();
  };
  const schedule = (): void => {
    if (scheduler) scheduler.postTask(run, { priority: 'user-visible', signal: stop.signal }).catch(() => undefined);
    else setTimeout(run, 0);
  };
  schedule();
  return () => stop.abort();
}
