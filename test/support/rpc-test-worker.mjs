// A worker thread for worker-rpc's tests: it answers through the real helper (loaded from the
// TypeScript source, so tsx is registered first) and can reply late, fail, report progress, hand a
// buffer over, exit or throw on demand.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { serveRpc, threadPort } = await import('../../electron/core/workers/worker-rpc.ts');
const { ApiError } = await import('../../shared/contract/errors.ts');

const never = () => new Promise(() => undefined);
const host = serveRpc(threadPort(parentPort), {
  echo: (input) => input,
  later: ({ value, ms }) => new Promise((resolve) => setTimeout(() => resolve(value), ms)),
  fail: (message) => {
    throw new Error(message);
  },
  refuse: (message) => {
    throw new ApiError('NOTE_NOT_FOUND', message);
  },
  count: (n, call) => {
    for (let done = 1; done <= n; done++) call.progress(done);
    return n;
  },
  buffer: (size, call) => {
    const bytes = new Uint8Array(size).fill(7).buffer;
    call.transfer([bytes]);
    return bytes;
  },
  exit: (code) => process.exit(code),
  throwLater: (message) => {
    setTimeout(() => {
      throw new Error(message);
    }, 0);
    return never();
  },
  hang: never,
});
host.push('ready');
