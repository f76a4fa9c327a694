// Builds segments in helper threads: a full build reads, parses and tokenizes on every core, while
// the search worker keeps answering queries. A helper turns a list of note files into a finished
// segment file's bytes and hands them over without copying.
import { availableParallelism } from 'node:os';
import { parentPort, Worker, type MessagePort } from 'node:worker_threads';
import { readIndexedNoteSync } from './indexed-note';
import type { Segment } from './segment';
import { SegmentBuilder } from './segment-builder';
import { decodeSegment, encodeSegment } from './segment-file';

/** What a helper thread is started with. */
export const BUILDER_ROLE = 'segment-builder';
const PROGRESS_EVERY = 32;

type Task = { id: number; root: string; paths: string[] };
type Reply = { id: number; kind: 'progress'; done: number } | { id: number; kind: 'built'; bytes: ArrayBuffer; missing: string[] } | { id: number; kind: 'failed'; message: string };

export interface BuiltSegment {
  segment: Segment;
  /** Paths that could not be read (deleted meanwhile, or not a note). */
  missing: string[];
}

interface Helper {
  worker: Worker;
  busy: boolean;
}

export class SegmentBuildPool {
  private readonly helpers: Helper[] = [];
  private readonly waiting: Array<{ task: Task; onProgress: (done: number) => void; resolve: (built: BuiltSegment) => void; reject: (error: Error) => void }> = [];
  private readonly running = new Map<number, (typeof this.waiting)[number]>();
  private nextId = 1;

  /**
   * @param entry the worker script (it runs the helper when started with `BUILDER_ROLE`)
   * @param size how many helpers: by default all cores but one (left to the UI), one to two. Each
   *   helper holds a segment's worth of build state (~250 MB at 2,000 notes), so more would cost
   *   memory the worker's budget does not have.
   */
  constructor(
    private readonly entry: string,
    private readonly size = Math.max(1, Math.min(2, availableParallelism() - 1)),
  ) {}

  /** Builds one segment from these note files (paths relative to `root`). */
  build(root: string, paths: string[], onProgress: (done: number) => void = () => undefined): Promise<BuiltSegment> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ task: { id: this.nextId++, root, paths }, onProgress, resolve, reject });
      this.next();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.helpers.map((helper) => helper.worker.terminate()));
    this.helpers.length = 0;
  }

  private next(): void {
    while (this.waiting.length > 0) {
      let helper = this.helpers.find((candidate) => !candidate.busy);
      if (!helper && this.helpers.length < this.size) helper = this.spawn();
      if (!helper) return;
      const job = this.waiting.shift()!;
      helper.busy = true;
      this.running.set(job.task.id, job);
      helper.worker.postMessage(job.task);
    }
  }

  private spawn(): Helper {
    const worker = new Worker(this.entry, { workerData: { role: BUILDER_ROLE }, execArgv: [] });
    const helper: Helper = { worker, busy: false };
    worker.on('message', (reply: Reply) => {
      const job = this.running.get(reply.id);
      if (!job) return;
      if (reply.kind === 'progress') return job.onProgress(reply.done);
      this.running.delete(reply.id);
      helper.busy = false;
      if (reply.kind === 'built') job.resolve({ segment: decodeSegment(Buffer.from(reply.bytes)), missing: reply.missing });
      else job.reject(new Error(reply.message));
      this.next();
    });
    worker.on('error', (error) => {
      for (const [id, job] of this.running) {
        this.running.delete(id);
        job.reject(error);
      }
    });
    this.helpers.push(helper);
    return helper;
  }
}

/** The helper thread: builds the segments it is asked for, one at a time. */
export function runSegmentBuilder(port: MessagePort = parentPort!): void {
  port.on('message', (task: Task) => {
    build(task, port).catch((error: unknown) => port.postMessage({ id: task.id, kind: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies Reply));
  });
}

async function build({ id, root, paths }: Task, port: MessagePort): Promise<void> {
  const { parseNoteFile } = await import('../notebook/note-file');
  const builder = new SegmentBuilder();
  const missing: string[] = [];
  paths.forEach((path, done) => {
    const note = readIndexedNoteSync(root, path, parseNoteFile);
    if (note) builder.add(note);
    else missing.push(path);
    if ((done + 1) % PROGRESS_EVERY === 0) port.postMessage({ id, kind: 'progress', done: done + 1 } satisfies Reply);
  });
  const encoded = encodeSegment(await builder.build());
  // A buffer of its own, so it can be handed over without a copy.
  const bytes = encoded.byteOffset === 0 && encoded.byteLength === encoded.buffer.byteLength ? (encoded.buffer as ArrayBuffer) : encoded.buffer.slice(encoded.byteOffset, encoded.byteOffset + encoded.byteLength) as ArrayBuffer;
  port.postMessage({ id, kind: 'built', bytes, missing } satisfies Reply, [bytes]);
}
