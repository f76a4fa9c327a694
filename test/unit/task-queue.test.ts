// The queue: FIFO, never more than N at once, positions that count down.
import { describe, expect, it } from 'vitest';
import { TaskQueue } from '../../electron/core/tasks/task-queue';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('TaskQueue', () => {
  it('runs at most N jobs at once, in the order they came', async () => {
    const queue = new TaskQueue(3);
    const started: string[] = [];
    const jobs = new Map<string, ReturnType<typeof deferred>>();
    let peak = 0;
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) {
      const job = deferred();
      jobs.set(id, job);
      queue.enqueue(id, () => {
        started.push(id);
        peak = Math.max(peak, queue.snapshot().running.length);
        return job.promise;
      });
    }
    await tick();
    expect(started).toEqual(['a', 'b', 'c']);
    expect(queue.position('d')).toBe(1);
    expect(queue.position('f')).toBe(3);

    jobs.get('b')!.resolve();
    await tick();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    expect(queue.position('e')).toBe(1);

    jobs.get('a')!.reject(new Error('a job that fails frees its slot too'));
    for (const id of ['c', 'd', 'e', 'f']) jobs.get(id)!.resolve();
    await queue.idle();
    expect(started).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(peak).toBe(3);
  });

  it('lets a waiting job be removed, and the rest move up', async () => {
    const queue = new TaskQueue(1);
    const first = deferred();
    queue.enqueue('a', () => first.promise);
    queue.enqueue('b', async () => undefined);
    queue.enqueue('c', async () => undefined);
    expect(queue.remove('b')).toBe(true);
    expect(queue.remove('a')).toBe(false);
    expect(queue.position('c')).toBe(1);
    first.resolve();
    await queue.idle();
    expect(queue.snapshot()).toEqual({ running: [], queued: [] });
  });

  it('starts waiting jobs at once when the limit goes up', async () => {
    const queue = new TaskQueue(1);
    const hold = deferred();
    const started: string[] = [];
    for (const id of ['a', 'b', 'c']) queue.enqueue(id, () => (started.push(id), hold.promise));
    await tick();
    expect(started).toEqual(['a']);
    queue.setConcurrency(3);
    await tick();
    expect(started).toEqual(['a', 'b', 'c']);
    hold.resolve();
    await queue.idle();
  });

  it('tells listeners about every change', async () => {
    const queue = new TaskQueue(1);
    const snapshots: string[] = [];
    queue.onChange((s) => snapshots.push(`${s.running.join(',')}|${s.queued.join(',')}`));
    queue.enqueue('a', async () => undefined);
    queue.enqueue('b', async () => undefined);
    await queue.idle();
    expect(snapshots[0]).toBe('a|');
    expect(snapshots).toContain('a|b');
    expect(snapshots.at(-1)).toBe('|');
  });

  it('refuses a duplicate id and a silly limit', () => {
    const queue = new TaskQueue(2);
    queue.enqueue('a', () => new Promise(() => undefined));
    expect(() => queue.enqueue('a', async () => undefined)).toThrow('already queued');
    expect(() => new TaskQueue(0)).toThrow('at least 1');
  });
});
