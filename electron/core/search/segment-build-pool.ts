// Builds segments in helper threads: a full build reads, parses and tokenizes on every core, while
// the search worker keeps answering queries. A helper turns a list of note files into a finished
// segment file's bytes and hands them over without copying.
import { availableParallelism } from 'node:os';
import { parentPort, Worker, type MessagePort } from 'node:worker_threads';
import { RpcClient, serveRpc, threadLink, threadPort, type RpcCall } from '../workers/worker-rpc';
import { readIndexedNoteSync } from './indexed-note';
import type { Segment } from './segment';
import { SegmentBuilder } from './segment-builder';
import { decodeSegment, encodeSegment } from './segment-file';

/** What a helper thread is started with. */
export const BUILDER_ROLE = 'segment-builder';
const PROGRESS_EVERY = 32;

/** What a helper answers: one segment file's bytes for a list of note files, with progress (notes read) on the way. */
interface BuilderMethods {
  build: { input: { root: string; paths: string[] }; output: { bytes: ArrayBuffer; missing: string[] }; progress: number };
}

export interface BuiltSegment {
  segment: Segment;
  /** Paths that could not be read (deleted meanwhile, or not a note). */
  missing: string[];
}

interface Helper {
  client: RpcClient<BuilderMethods>;
  busy: boolean;
}

interface Job {
  root: string;
  paths: string[];
  onProgress: (done: number) => void;
  resolve: (built: BuiltSegment) => void;
  reject: (error: Error) => void;
}

export class SegmentBuildPool {
  private helpers: Helper[] = [];
  private readonly waiting: Job[] = [];
  private closed = false;

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

  /**
   * Builds one segment from these note files (paths relative to `root`). Fails when the helper
   * building it crashes (the other jobs go on in a new one) or the pool is closed first.
   */
  build(root: string, paths: string[], onProgress: (done: number) => void = () => undefined): Promise<BuiltSegment> {
    if (this.closed) return Promise.reject(new Error('The segment builders are closed.'));
    return new Promise((resolve, reject) => {
      this.waiting.push({ root, paths, onProgress, resolve, reject });
      this.next();
    });
  }

  /** Stops the helpers; every build not finished yet fails. */
  async close(): Promise<void> {
    this.closed = true;
    const error = new Error('The segment builders were closed before the segment was built.');
    for (const job of this.waiting.splice(0)) job.reject(error);
    const helpers = this.helpers;
    this.helpers = [];
    await Promise.all(helpers.map((helper) => helper.client.close(error.message)));
  }

  private next(): void {
    while (this.waiting.length > 0 && !this.closed) {
      let helper = this.helpers.find((candidate) => !candidate.busy);
      if (!helper && this.helpers.length < this.size) helper = this.spawn();
      if (!helper) return;
      this.run(helper, this.waiting.shift()!);
    }
  }

  private run(helper: Helper, job: Job): void {
    helper.busy = true;
    helper.client
      .call('build', { root: job.root, paths: job.paths }, { onProgress: job.onProgress })
      .then(({ bytes, missing }) => ({ segment: decodeSegment(Buffer.from(bytes)), missing }))
      .then(job.resolve, job.reject)
      .finally(() => {
        helper.busy = false;
        this.next();
      });
  }

  private spawn(): Helper {
    const worker = new Worker(this.entry, { workerData: { role: BUILDER_ROLE }, execArgv: [] });
    const helper: Helper = {
      busy: false,
      client: new RpcClient<BuilderMethods>(threadLink(worker), {
        lostError: (reason) => new Error(`A segment builder thread stopped (${reason}) before it built its segment.`),
        // A crashed helper is dropped; the jobs still waiting go to a new one.
        onLost: () => void (this.helpers = this.helpers.filter((candidate) => candidate !== helper)),
      }),
    };
    this.helpers.push(helper);
    return helper;
  }
}

/** The helper thread: builds the segments it is asked for, one at a time. */
export function runSegmentBuilder(port: MessagePort = parentPort!): void {
  serveRpc<BuilderMethods>(threadPort(port), { build: (input, call) => build(input, call) });
}

async function build({ root, paths }: BuilderMethods['build']['input'], call: RpcCall): Promise<BuilderMethods['build']['output']> {
  const { parseNoteFile } = await import('../notebook/note-file');
  const builder = new SegmentBuilder();
  const missing: string[] = [];
  paths.forEach((path, done) => {
    const note = readIndexedNoteSync(root, path, parseNoteFile);
    if (note) builder.add(note);
    else missing.push(path);
    if ((done + 1) % PROGRESS_EVERY === 0) call.progress(done + 1);
  });
  const encoded = encodeSegment(await builder.build());
  // A buffer of its own, so it can be handed over without a copy.
  const bytes = encoded.byteOffset === 0 && encoded.byteLength === encoded.buffer.byteLength ? (encoded.buffer as ArrayBuffer) : encoded.buffer.slice(encoded.byteOffset, encoded.byteOffset + encoded.byteLength) as ArrayBuffer;
  call.transfer([bytes]);
  return { bytes, missing };
}
