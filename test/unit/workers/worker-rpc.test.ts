// worker-rpc over real worker threads: replies find their calls by id, errors cross as errors, a
// worker that exits or throws fails every call still waiting, and close settles everything.
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/contract/errors';
import { RpcClient, threadLink, type RpcClientOptions } from '../../../electron/core/workers/worker-rpc';

interface TestMethods {
  echo: { input: unknown; output: unknown };
  later: { input: { value: string; ms: number }; output: string };
  fail: { input: string; output: never };
  refuse: { input: string; output: never };
  count: { input: number; output: number; progress: number };
  buffer: { input: number; output: ArrayBuffer };
  exit: { input: number; output: never };
  throwLater: { input: string; output: never };
  hang: { input: null; output: never };
}

const entry = fileURLToPath(new URL('../../support/rpc-test-worker.mjs', import.meta.url));
const clients: Array<RpcClient<TestMethods>> = [];

/** A client over a new worker, once the worker says it is ready. */
async function start(options: RpcClientOptions = {}): Promise<{ client: RpcClient<TestMethods>; worker: Worker; pushes: unknown[] }> {
  const worker = new Worker(entry);
  const pushes: unknown[] = [];
  let ready: () => void = () => undefined;
  const isReady = new Promise<void>((resolve) => (ready = resolve));
  const client = new RpcClient<TestMethods>(threadLink(worker), {
    ...options,
    onPush: (value) => {
      pushes.push(value);
      ready();
    },
  });
  clients.push(client);
  await isReady;
  return { client, worker, pushes };
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

describe('worker-rpc', () => {
  it('settles each call with its own reply, whatever order the replies come in', async () => {
    const { client, pushes } = await start();
    const calls = [client.call('later', { value: 'slow', ms: 150 }), client.call('later', { value: 'quick', ms: 1 }), client.call('echo', { nested: [1, 'two'] })];
    const order: string[] = [];
    calls.forEach((call, index) => void call.then(() => order.push(String(index))));
    expect(await Promise.all(calls)).toEqual(['slow', 'quick', { nested: [1, 'two'] }]);
    expect(order.at(-1)).toBe('0');
    expect(pushes).toEqual(['ready']);
    expect(client.pending).toBe(0);
  });

  it('passes errors across as errors, an ApiError with its code', async () => {
    const { client } = await start();
    await expect(client.call('fail', 'the disk is full')).rejects.toThrow(new Error('the disk is full'));
    const refused = await client.call('refuse', 'No note with id X').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ code: 'NOTE_NOT_FOUND', message: 'No note with id X' });
    expect(await client.call('echo', 'still answering')).toBe('still answering');
  });

  it('reports progress on a call and hands a buffer over without a copy', async () => {
    const { client } = await start();
    const seen: number[] = [];
    expect(await client.call('count', 5, { onProgress: (done) => seen.push(done) })).toBe(5);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    const bytes = await client.call('buffer', 1024);
    expect(new Uint8Array(bytes)).toEqual(new Uint8Array(1024).fill(7));
  });

  it('fails every waiting call with a clear error when the worker exits, and refuses later calls', async () => {
    const lost: string[] = [];
    const { client } = await start({ onLost: (reason) => lost.push(reason) });
    const waiting = [client.call('hang', null), client.call('later', { value: 'x', ms: 60_000 })];
    const exit = client.call('exit', 7);
    const outcomes = await Promise.allSettled([...waiting, exit]);
    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({ status: 'rejected', reason: { message: 'The worker stopped before it answered (exit code 7).' } });
    }
    expect(lost).toEqual(['exit code 7']);
    expect(client.alive).toBe(false);
    await expect(client.call('echo', 1)).rejects.toThrow(/exit code 7/);
  });

  it('fails every waiting call with the error a worker threw outside any call', async () => {
    const { client } = await start({ lostError: (reason) => new Error(`The test worker crashed: ${reason}`) });
    const waiting = [client.call('hang', null), client.call('throwLater', 'boom in the worker')];
    const outcomes = await Promise.allSettled(waiting);
    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({ status: 'rejected', reason: { message: 'The test worker crashed: boom in the worker' } });
    }
  });

  it('close settles every waiting call and stops the worker', async () => {
    const lost: string[] = [];
    const { client, worker } = await start({ onLost: (reason) => lost.push(reason) });
    const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
    const waiting = Promise.allSettled([client.call('hang', null), client.call('later', { value: 'x', ms: 60_000 })]);
    await client.close('Closed while waiting.');
    for (const outcome of await waiting) expect(outcome).toMatchObject({ status: 'rejected', reason: { message: 'Closed while waiting.' } });
    await exited;
    expect(lost).toEqual([]);
    await expect(client.call('echo', 1)).rejects.toThrow('Closed while waiting.');
  });
});
