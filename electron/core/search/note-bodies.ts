// The bodies of notes that are hits, for their snippets: read from the note files (the index
// keeps no text), and the last few kept, so typing a query letter by letter does not read the
// same top hits again and again.
import { closeSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { openInsideSync } from '../notebook/safe-path';
import type { NoteFacts } from './indexed-note';
import { noteBody } from './snippets';

/** Notes are ~3–15 KB: most fit the read buffer at once. */
const BUFFER_BYTES = 64 * 1024;
/** A larger note is read into a buffer of its own, which is not kept. */
const KEPT_BUFFER_BYTES = 1024 * 1024;

export class NoteBodies {
  private readonly bodies = new Map<string, { mtimeMs: number; body: string }>();
  /**
   * One buffer for every read. readFileSync allocates a buffer and stats the file each time: for
   * a page of hits, that was about half the cost of reading them.
   */
  private buffer = Buffer.allocUnsafe(BUFFER_BYTES);

  /** @param capacity how many bodies to keep (0: read each hit's file every time) */
  constructor(private readonly capacity = 256) {}

  /** The body of the note file, valid for the modification time indexed; null when it cannot be read. */
  get(root: string, facts: NoteFacts): string | null {
    const cached = this.capacity > 0 ? this.bodies.get(facts.path) : undefined;
    if (cached && cached.mtimeMs === facts.mtimeMs) {
      // Most recently used last.
      this.bodies.delete(facts.path);
      this.bodies.set(facts.path, cached);
      return cached.body;
    }
    let body: string;
    try {
      body = noteBody(this.read(root, facts.path));
    } catch {
      this.bodies.delete(facts.path);
      return null;
    }
    if (this.capacity === 0) return body;
    this.bodies.set(facts.path, { mtimeMs: facts.mtimeMs, body });
    if (this.bodies.size > this.capacity) this.bodies.delete(this.bodies.keys().next().value!);
    return body;
  }

  /**
   * The note file's text, read into the shared buffer (grown as needed, up to KEPT_BUFFER_BYTES);
   * by the notebook's rule, a link out of the notebook is not read.
   */
  private read(root: string, path: string): string {
    const fd = openInsideSync(root, join(root, ...path.split('/')), path);
    try {
      let buffer = this.buffer;
      let length = 0;
      for (;;) {
        if (length === buffer.length) {
          const grown = Buffer.allocUnsafe(buffer.length * 2);
          buffer.copy(grown, 0, 0, length);
          buffer = grown;
          if (grown.length <= KEPT_BUFFER_BYTES) this.buffer = grown;
        }
        const read = readSync(fd, buffer, length, buffer.length - length, null);
        if (read === 0) return buffer.toString('utf8', 0, length);
        length += read;
      }
    } finally {
      closeSync(fd);
    }
  }
}
