// Work cut into slices that run while the main thread has nothing better to do, so input, scrolling
// and painting never wait behind it (no task much over the browser's 50 ms idle period).

/** How long one slice may take when the browser gives no deadline (it timed out waiting for idle). */
const SLICE_MS = 12;

/**
 * Calls `step(timeLeft)` in idle periods until it returns false; `timeLeft()` says how many ms the
 * current period has left. Returns a function that stops it.
 */
export function whenIdle(step: (timeLeft: () => number) => boolean): () => void {
  let stopped = false;
  let handle: number | undefined;
  const schedule = (): void => {
    handle = typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 200 }) : window.setTimeout(() => run(null), 16);
  };
  const run = (deadline: IdleDeadline | null): void => {
    if (stopped) return;
    const started = performance.now();
    const timeLeft = (): number => (deadline && !deadline.didTimeout ? deadline.timeRemaining() : SLICE_MS - (performance.now() - started));
    if (step(timeLeft) && !stopped) schedule();
  };
  schedule();
  return () => {
    stopped = true;
    if (handle === undefined) return;
    if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
    else window.clearTimeout(handle);
  };
}
