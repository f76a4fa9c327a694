// Calls into a worker thread (or a forked child process) as promises: each call carries an id, its
// reply settles it, errors cross as errors (an ApiError keeps its code), the worker may report
// progress on a call or push messages unasked, and when the worker ends — it crashed, exited,
// threw, or was closed — every call still waiting fails with an error that says so.
import type { ChildProcess } from 'node:child_process';
import type { MessagePort, TransferListItem, Worker } from 'node:worker_threads';
import { ApiError, ERROR_CODES, type ErrorCode } from '../../../shared/contract/errors';

/** What crosses between the two sides. Plain data, so it crosses a thread's port and a process's IPC alike. */
export type RpcMessage =
  | { rpc: 'call'; id: number; method: string; input: unknown }
  | { rpc: 'progress'; id: number; value: unknown }
  | { rpc: 'reply'; id: number; ok: true; value: unknown }
  | { rpc: 'reply'; id: number; ok: false; error: { message: string; code?: string } }
  | { rpc: 'push'; value: unknown };

/** A method: what it takes, what it answers, and what it reports while it runs. */
export interface RpcMethod {
  input: unknown;
  output: unknown;
  progress?: unknown;
}

/** The methods a worker answers, by name. */
export type RpcMethods<M> = Record<keyof M, RpcMethod>;

/** The worker, seen from the caller. */
export interface RpcLink {
  post(message: RpcMessage, transfer?: readonly TransferListItem[]): void;
  /** `onEnd` is called once, with why (an exit code, an error's message). */
  listen(onMessage: (message: unknown) => void, onEnd: (reason: string) => void): void;
  stop(): Promise<void>;
  /** Whether a worker with nothing to answer keeps the process alive (`unrefWhenIdle`). */
  ref?(): void;
  unref?(): void;
}

export function threadLink(worker: Worker): RpcLink {
  return {
    post: (message, transfer) => worker.postMessage(message, transfer),
    listen(onMessage, onEnd) {
      worker.on('message', onMessage);
      worker.on('error', (error) => onEnd(error.message));
      worker.on('exit', (code) => onEnd(`exit code ${code}`));
    },
    stop: async () => void (await worker.terminate()),
    ref: () => worker.ref(),
    unref: () => worker.unref(),
  };
}

export function processLink(child: ChildProcess): RpcLink {
  return {
    post: (message) => void child.send(message),
    listen(onMessage, onEnd) {
      child.on('message', onMessage);
      child.on('error', (error) => onEnd(error.message));
      child.on('exit', (code, signal) => onEnd(signal ? `signal ${signal}` : `exit code ${code}`));
    },
    stop: () => stopProcess(child),
  };
}

export interface RpcClientOptions {
  /** Messages the worker sends unasked (a status line, "ready"). */
  onPush?: (value: unknown) => void;
  /** The error waiting calls fail with when the worker ends on its own; called at that moment. */
  lostError?: (reason: string) => Error;
  /** Called once when the worker ended on its own (not by `close`). */
  onLost?: (reason: string) => void;
  /** Let the process exit while no call waits (the worker is referenced only while one does). */
  unrefWhenIdle?: boolean;
}

interface Waiting {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onProgress?: (value: unknown) => void;
}

export class RpcClient<M extends RpcMethods<M>> {
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();
  /** Why the worker is gone, once it is: every later call fails with this. */
  private ended: Error | null = null;

  constructor(
    private readonly link: RpcLink,
    private readonly options: RpcClientOptions = {},
  ) {
    link.listen(
      (message) => this.receive(message as RpcMessage),
      (reason) => this.end(options.lostError?.(reason) ?? new Error(`The worker stopped before it answered (${reason}).`), reason),
    );
    // After the listeners: adding a 'message' listener refs a worker again.
    if (options.unrefWhenIdle) link.unref?.();
  }

  /** Calls waiting for their reply. */
  get pending(): number {
    return this.waiting.size;
  }

  /** False once the worker has ended (crashed, exited or closed). */
  get alive(): boolean {
    return this.ended === null;
  }

  call<K extends keyof M & string>(
    method: K,
    input: M[K]['input'],
    options: { transfer?: readonly TransferListItem[]; onProgress?: (value: M[K]['progress']) => void } = {},
  ): Promise<M[K]['output']> {
    if (this.ended) return Promise.reject(this.ended);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject, onProgress: options.onProgress as (value: unknown) => void });
      if (this.options.unrefWhenIdle) this.link.ref?.();
      this.link.post({ rpc: 'call', id, method, input }, options.transfer);
    });
  }

  /** Stops the worker; calls still waiting fail with `reason`. */
  async close(reason = 'The worker was closed before it answered.'): Promise<void> {
    if (this.ended) return;
    this.end(new Error(reason), null);
    await this.link.stop();
  }

  private receive(message: RpcMessage): void {
    if (message.rpc === 'push') return this.options.onPush?.(message.value);
    const waiting = this.waiting.get(message.id);
    if (!waiting) return;
    if (message.rpc === 'progress') return waiting.onProgress?.(message.value);
    if (message.rpc !== 'reply') return;
    this.waiting.delete(message.id);
    if (this.options.unrefWhenIdle && this.waiting.size === 0) this.link.unref?.();
    if (message.ok) waiting.resolve(message.value);
    else waiting.reject(decodeError(message.error));
  }

  private end(error: Error, lostReason: string | null): void {
    if (this.ended) return;
    this.ended = error;
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const call of waiting) call.reject(error);
    if (lostReason !== null) this.options.onLost?.(lostReason);
  }
}

/** The worker's side of the channel. */
export interface RpcPort {
  post(message: RpcMessage, transfer?: readonly TransferListItem[]): void;
  listen(onMessage: (message: unknown) => void): void;
}

export function threadPort(port: MessagePort): RpcPort {
  return { post: (message, transfer) => port.postMessage(message, transfer), listen: (onMessage) => port.on('message', onMessage) };
}

/** The channel of a process forked with an IPC channel. */
export function processPort(): RpcPort {
  if (!process.send) throw new Error('This process has no IPC channel: it was not forked.');
  const send = process.send.bind(process);
  return { post: (message) => void send(message), listen: (onMessage) => process.on('message', onMessage) };
}

/** What a handler can do besides answering: report progress, hand its reply's buffers over without a copy. */
export interface RpcCall {
  progress(value: unknown): void;
  transfer(list: readonly TransferListItem[]): void;
}

export type RpcHandlers<M extends RpcMethods<M>> = { [K in keyof M]: (input: M[K]['input'], call: RpcCall) => Promise<M[K]['output']> | M[K]['output'] };

export interface ServeOptions {
  /** The error a caller sees for a failure that is not an ApiError (default: its message). */
  unexpected?: (error: unknown) => { message: string; code?: ErrorCode };
  /** After each reply is posted (the search worker exits after `close` when it is a process). */
  replied?: (method: string) => void;
}

/** Answers calls on `port` with `handlers`; `push` sends a message the caller did not ask for. */
export function serveRpc<M extends RpcMethods<M>>(port: RpcPort, handlers: RpcHandlers<M>, options: ServeOptions = {}): { push(value: unknown): void } {
  port.listen((raw) => {
    const message = raw as RpcMessage;
    if (message.rpc !== 'call') return;
    const { id, method } = message;
    let transfer: readonly TransferListItem[] = [];
    const call: RpcCall = {
      progress: (value) => port.post({ rpc: 'progress', id, value }),
      transfer: (list) => void (transfer = list),
    };
    const handler = handlers[method as keyof M] as ((input: unknown, call: RpcCall) => unknown) | undefined;
    new Promise((resolve) => {
      if (!handler) throw new Error(`The worker has no method ${method}.`);
      resolve(handler(message.input, call));
    }).then(
      (value) => {
        port.post({ rpc: 'reply', id, ok: true, value }, transfer);
        options.replied?.(method);
      },
      (error: unknown) => port.post({ rpc: 'reply', id, ok: false, error: encodeError(error, options.unexpected) }),
    );
  });
  return { push: (value) => port.post({ rpc: 'push', value }) };
}

function encodeError(error: unknown, unexpected: ServeOptions['unexpected']): { message: string; code?: string } {
  if (error instanceof ApiError) return error.toShape();
  if (unexpected) return unexpected(error);
  return { message: error instanceof Error ? error.message : String(error) };
}

function decodeError(error: { message: string; code?: string }): Error {
  if (error.code && (ERROR_CODES as readonly string[]).includes(error.code)) return ApiError.from({ code: error.code as ErrorCode, message: error.message });
  return new Error(error.message);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 2_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
