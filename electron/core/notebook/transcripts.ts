// Transcripts: the normalized agent events of a note's task, one JSON object per line in
// `.fieldnotes/transcripts/<id>.jsonl`, appended as they arrive. Read and written by the notes'
// rule (safe-path.ts): a transcript, or its folder, that is a symlink out of the notebook is never
// followed.
import { rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ApiError } from '../../../shared/contract/errors';
import { AgentEvent } from '../../../shared/model/agent-event';
import { isUlid } from '../../../shared/model/ulid';
import type { KeyLock } from '../fs/key-lock';
import { LAYOUT } from './notebook-layout';
import { openForAppendInside, openInside } from './safe-path';

/** A transcript as read back: the events, and how many lines could not be read. */
export interface Transcript {
  events: AgentEvent[];
  /** Lines that were not a valid event (a line cut short by a crash, an edit by hand). */
  skipped: number;
}

export class Transcripts {
  private readonly folder: string;
  /** Transcripts this process has appended to: they are known to end with a newline. */
  private readonly clean = new Set<string>();

  constructor(
    private readonly root: string,
    private readonly lock: KeyLock,
  ) {
    this.folder = join(root, ...LAYOUT.transcripts.split('/'));
  }

  path(id: string): string {
    if (!isUlid(id)) throw new ApiError('BAD_INPUT', `${JSON.stringify(id)} is not a note id (a ULID); transcripts belong to Fieldnotes notes.`);
    return join(this.folder, `${id}.jsonl`);
  }

  /**
   * Appends events, in order, after checking each against the AgentEvent schema. Appends to one
   * transcript are serialized; a line left incomplete by a crash is closed off before appending.
   */
  async append(id: string, events: readonly AgentEvent[]): Promise<void> {
    const file = this.path(id);
    const checked = z.array(AgentEvent).safeParse(events);
    if (!checked.success) throw new ApiError('BAD_INPUT', `Not agent events: ${z.prettifyError(checked.error)}`);
    if (checked.data.length === 0) return;
    const lines = checked.data.map((event) => JSON.stringify(event) + '\n').join('');
    await this.lock.run(`transcript:${id}`, async () => {
      const handle = await openForAppendInside(this.root, file, this.shown(id));
      try {
        const prefix = this.clean.has(id) || (await endsWithNewline(handle)) ? '' : '\n';
        await handle.appendFile(prefix + lines);
      } finally {
        await handle.close();
      }
      this.clean.add(id);
    });
  }

  /** Every readable event of a note's transcript; none when it has no transcript. */
  async read(id: string): Promise<Transcript> {
    const text = await readText(this.root, this.path(id), this.shown(id));
    const events: AgentEvent[] = [];
    let skipped = 0;
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        const parsed = AgentEvent.safeParse(JSON.parse(line));
        if (parsed.success) events.push(parsed.data);
        else skipped += 1;
      } catch {
        skipped += 1;
      }
    }
    return { events, skipped };
  }

  private shown(id: string): string {
    return `${LAYOUT.transcripts}/${id}.jsonl`;
  }

  async remove(id: string): Promise<void> {
    if (isUlid(id)) await rm(this.path(id), { force: true });
    this.clean.delete(id);
  }
}

/** The whole transcript; empty when there is none. */
async function readText(root: string, file: string, shown: string): Promise<string> {
  const handle = await openInside(root, file, shown).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (!handle) return '';
  try {
    if (!(await handle.stat()).isFile()) return '';
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/** True when the file (open for appending) is empty or ends with a newline. */
async function endsWithNewline(handle: FileHandle): Promise<boolean> {
  const { size } = await handle.stat();
  if (size === 0) return true;
  const { buffer } = await handle.read(Buffer.alloc(1), 0, 1, size - 1);
  return buffer[0] === 0x0a;
}
