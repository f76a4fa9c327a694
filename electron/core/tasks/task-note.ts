// A task's note: created when the task is queued, its partial answer shown while it runs (at a
// modest pace), completed when it ends. Writes go one after another; a failed write on the way is
// logged and never stops the task (the person may have deleted or broken the note meanwhile), and
// the last one tells its caller whether it went through.
import type { FrontmatterPatch, NewNote } from '../../../shared/model/note';
import { findOddCharacter } from '../../../shared/model/safe-text';
import type { Notebook } from '../notebook/notebook';

/** How often the note's body follows a running answer. */
export const PARTIAL_BODY_INTERVAL_MS = 2_000;
/** A note's body holds at most this much of an answer (notes over 5 MB are not opened). */
export const MAX_BODY_BYTES = 1024 * 1024;

export class TaskNote {
  private chain: Promise<void> = Promise.resolve();
  private partial: string | null = null;
  private partialTimer: NodeJS.Timeout | undefined;
  private lastPartial = 0;
  private closed = false;

  private constructor(
    readonly notebook: Notebook,
    readonly id: string,
    /** When the note was created (ISO). */
    readonly created: string,
    private readonly log: (message: string) => void,
  ) {}

  /** Writes the note of a new task (status `queued`). */
  static async create(notebook: Notebook, note: NewNote, log: (message: string) => void): Promise<TaskNote> {
    const created = await notebook.create(note);
    return new TaskNote(notebook, created.summary.id, created.summary.created, log);
  }

  /** The note of a task that already exists (a cloud task followed again after a restart). */
  static existing(notebook: Notebook, id: string, created: string, log: (message: string) => void): TaskNote {
    return new TaskNote(notebook, id, created, log);
  }

  /** The note's path in the notebook, while it has one. */
  path(): string | undefined {
    return this.notebook.pathOf(this.id);
  }

  /** Changes the frontmatter (and the body); queued behind earlier writes. */
  patch(frontmatter: FrontmatterPatch, body?: string): Promise<void> {
    return this.enqueue(() => this.notebook.update(this.id, { frontmatter, ...(body === undefined ? {} : { body }) }));
  }

  /** Shows the answer so far in the body, at most every PARTIAL_BODY_INTERVAL_MS. */
  showPartial(text: string): void {
    if (this.closed) return;
    this.partial = text;
    if (this.partialTimer) return;
    const wait = Math.max(0, this.lastPartial + PARTIAL_BODY_INTERVAL_MS - Date.now());
    this.partialTimer = setTimeout(() => {
      this.partialTimer = undefined;
      const body = this.partial;
      this.partial = null;
      this.lastPartial = Date.now();
      if (body !== null && !this.closed) void this.enqueue(() => this.notebook.update(this.id, { body: capAnswer(body).text }));
    }, wait);
  }

  /** The last write: no partial body is written after it. Rejects when the write fails. */
  complete(frontmatter: FrontmatterPatch, body: string): Promise<void> {
    this.closed = true;
    clearTimeout(this.partialTimer);
    const write = this.chain.then(() => this.notebook.update(this.id, { frontmatter, body }));
    this.chain = write.then(() => undefined, () => undefined);
    return write.then(() => undefined);
  }

  /** Resolves when every write asked for so far has finished. */
  settled(): Promise<void> {
    return this.chain;
  }

  private enqueue(write: () => Promise<unknown>): Promise<void> {
    this.chain = this.chain.then(write).then(
      () => undefined,
      (error: unknown) => this.log(`could not update the note ${this.id}: ${error instanceof Error ? error.message : String(error)}`),
    );
    return this.chain;
  }
}

/**
 * The answer as it streams in: kept as pieces up to `maxChars` (a huge one is never joined into one
 * string), with its beginning (all a note's body can show) at hand.
 */
export class AnswerText {
  private readonly parts: string[] = [];
  private kept = 0;
  private head = '';
  /** UTF-8 bytes of all the text pushed, kept or not. */
  private received = 0;
  private leftOut = 0;

  constructor(private readonly maxChars: number) {}

  /** An answer that came whole (a CLI's own final result). */
  static of(text: string): AnswerText {
    const answer = new AnswerText(Number.MAX_SAFE_INTEGER);
    answer.push(text);
    return answer;
  }

  push(text: string): void {
    this.received += Buffer.byteLength(text);
    if (this.head.length < MAX_BODY_BYTES) this.head += text.slice(0, MAX_BODY_BYTES - this.head.length);
    const piece = text.slice(0, Math.max(0, this.maxChars - this.kept));
    this.leftOut += text.length - piece.length;
    if (piece === '') return;
    this.parts.push(piece);
    this.kept += piece.length;
  }

  /** Characters kept. */
  get length(): number {
    return this.kept;
  }

  /** How large the whole answer was (UTF-8 bytes), including what was not kept. */
  get bytes(): number {
    return this.received;
  }

  /** True when text beyond `maxChars` was left out. */
  get cut(): boolean {
    return this.leftOut > 0;
  }

  /** The first MAX_BODY_BYTES characters: more than a note's body can hold. */
  preview(): string {
    return this.head;
  }

  /** All of it as UTF-8, encoded a piece at a time so the event loop keeps turning. */
  async encode(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for (const [index, part] of this.parts.entries()) {
      chunks.push(Buffer.from(part));
      if (index % 32 === 31) await new Promise((resolve) => setImmediate(resolve));
    }
    return Buffer.concat(chunks);
  }
}

/** A title the note format accepts: one line, no invisible or control characters, not empty. */
export function safeTitle(text: string, fallback = 'Untitled question'): string {
  let title = text.replace(/\s+/g, ' ');
  for (let odd = findOddCharacter(title); odd; odd = findOddCharacter(title)) {
    title = title.slice(0, odd.index) + title.slice(odd.index + (title.codePointAt(odd.index)! > 0xffff ? 2 : 1));
  }
  title = title.trim().slice(0, 300).trim();
  return title || fallback;
}

/**
 * An answer cut to what a note's body may hold, whole characters only, at a line end where one is
 * near. `partial`: the text is already the beginning of a longer answer; end it at a line too.
 */
export function capAnswer(answer: string, partial = false): { text: string; cut: boolean; bytes: number } {
  const bytes = Buffer.byteLength(answer);
  if (bytes <= MAX_BODY_BYTES && !partial) return { text: answer, cut: false, bytes };
  // No character is shorter than a byte: the first MAX_BODY_BYTES characters hold the cut.
  let text = Buffer.from(answer.slice(0, MAX_BODY_BYTES)).subarray(0, MAX_BODY_BYTES).toString('utf8');
  // A character split by the cut decodes as U+FFFD: drop it.
  if (text.endsWith('\uFFFD')) text = text.slice(0, -1);
  const line = text.lastIndexOf('\n');
  return { text: line > text.length / 2 ? text.slice(0, line + 1) : text, cut: true, bytes };
}

/** The body of a finished note: the answer, then what Fieldnotes has to say about it, quoted. */
export function composeBody(answer: string, remarks: readonly string[]): string {
  const text = answer.trimEnd();
  if (remarks.length === 0) return text === '' ? '' : `${text}\n`;
  const quoted = remarks.map((remark) => `> ${remark.replace(/\n/g, ' ')}`).join('\n>\n');
  return text === '' ? `${quoted}\n` : `${text}\n\n${quoted}\n`;
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
