// Counting tokens for "copy as context": the one place that knows which tokenizer Fieldnotes uses.
//
// The tokenizer is ai-tokenizer's `claude` encoding: the BPE vocabulary Anthropic published for
// Claude, which ai-tokenizer's README validates at 98–99.8 % of the Anthropic API's own counts for
// Claude Sonnet/Opus/Haiku 4.x. Loading it evaluates a 2.3 MB module (~0.4–0.7 s), and the first
// count of new text takes longer than later ones, so it runs in a worker thread: the engine — in
// the desktop app, the main process that answers every window — never waits on it. The worker
// source is a few lines of CommonJS given as a string, so the same code runs under tsx (the CLI),
// vitest and the electron-vite bundle without a build step of its own; where a worker cannot start
// (a packaging quirk), the tokenizer is loaded on the engine's own thread instead.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Tokenizer } from 'ai-tokenizer';
import { RpcClient, threadLink } from '../workers/worker-rpc';

export interface TokenCounter {
  /** The tokenizer's name, as the user sees it: "≈ 6,412 tokens (claude tokenizer)". */
  readonly name: string;
  /** Counts the tokens of each text, in order. */
  count(texts: readonly string[]): Promise<number[]>;
  /** Starts loading the tokenizer in the background, so the first count does not wait for it. */
  warm(): void;
  /** Stops the worker (a later count starts it again). */
  close(): Promise<void>;
}

const requireHere = createRequire(import.meta.url);

/**
 * `encode(text, [], [])`, not `count(text)`: `count` throws on text containing one of the
 * encoding's special tokens (`<EOT>`, `<META>`…), and a note may quote them. With no special token
 * allowed or disallowed, they are counted as the ordinary text they are in a prompt.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { Tokenizer } = require(workerData.library);
const tokenizer = new Tokenizer(require(workerData.encoding));
parentPort.on('message', ({ rpc, id, input }) => {
  if (rpc !== 'call') return;
  try {
    parentPort.postMessage({ rpc: 'reply', id, ok: true, value: input.map((text) => tokenizer.encode(text, [], []).length) });
  } catch (error) {
    parentPort.postMessage({ rpc: 'reply', id, ok: false, error: { message: 'The tokenizer failed: ' + String(error && error.message || error) } });
  }
});
parentPort.postMessage({ rpc: 'push', value: 'ready' });
`;

/**
 * The worker's one method, in worker-rpc's messages (written out by hand in WORKER_SOURCE above: a
 * string of CommonJS cannot import the helper).
 */
interface TokenizerMethods {
  count: { input: readonly string[]; output: number[] };
}

export interface TokenCounterOptions {
  /** Where to count: a worker thread (the default), or this thread. */
  thread?: 'worker' | 'inline';
  /** Where the worker loads ai-tokenizer and its claude encoding from (resolved from here by default). */
  modules?: { library: string; encoding: string };
  log?: (message: string) => void;
}

/** The claude tokenizer, counted in a worker thread (or in this one with `thread: 'inline'`). */
export function claudeTokenCounter(options: TokenCounterOptions = {}): TokenCounter {
  const log = options.log ?? ((message: string) => console.warn(`[fieldnotes] ${message}`));
  let inline = options.thread === 'inline';
  let worker: RpcClient<TokenizerMethods> | null = null;
  let tokenizer: Tokenizer | null = null;

  const loadInline = (): Tokenizer => {
    if (!tokenizer) {
      const library = requireHere('ai-tokenizer') as { Tokenizer: typeof Tokenizer };
      tokenizer = new library.Tokenizer(requireHere('ai-tokenizer/encoding/claude') as ConstructorParameters<typeof Tokenizer>[0]);
    }
    return tokenizer;
  };

  const startWorker = (): RpcClient<TokenizerMethods> => {
    if (worker?.alive) return worker;
    const thread = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: options.modules ?? { library: requireHere.resolve('ai-tokenizer'), encoding: requireHere.resolve('ai-tokenizer/encoding/claude') },
    });
    let ready = false;
    const started: RpcClient<TokenizerMethods> = new RpcClient<TokenizerMethods>(threadLink(thread), {
      onPush: () => void (ready = true),
      // The worker never came up: count here from now on, and answer what was waiting.
      lostError: (reason) => (ready ? new Error(`The tokenizer stopped before it answered (${reason}).`) : new RetryInline()),
      onLost: (reason) => {
        if (worker === started) worker = null;
        if (ready) return;
        log(`the tokenizer's worker thread could not start (${reason.split('\n')[0]}); counting on the main thread`);
        inline = true;
      },
      // Idle, it must not keep the process alive (the CLI, serve after SIGTERM).
      unrefWhenIdle: true,
    });
    worker = started;
    return started;
  };

  const countInWorker = (texts: readonly string[]): Promise<number[]> => startWorker().call('count', texts);

  const counter: TokenCounter = {
    name: 'claude',
    async count(texts) {
      if (texts.length === 0) return [];
      if (!inline) {
        try {
          return await countInWorker(texts);
        } catch (error) {
          if (!(error instanceof RetryInline)) throw error;
        }
      }
      const loaded = loadInline();
      return texts.map((text) => loaded.encode(text, [], []).length);
    },
    warm() {
      if (!inline) startWorker();
    },
    async close() {
      const running = worker;
      worker = null;
      await running?.close('The tokenizer was closed before it answered.');
    },
  };
  return counter;
}

class RetryInline extends Error {}

let shared: TokenCounter | null = null;

/**
 * The process's one token counter. Engines share it: the tokenizer is the same for every notebook,
 * and its worker is unreferenced while idle, so it never keeps a process (the CLI) alive.
 */
export function sharedTokenCounter(): TokenCounter {
  shared ??= claudeTokenCounter();
  return shared;
}
