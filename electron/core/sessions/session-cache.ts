// What is known of each session file without reading it again: its header (id, folder, turns,
// first prompt and answer, redacted) and the note it went into, keyed by path, size and mtime, in
// the notebook's `.fieldnotes/cache/sessions.json` (derived data: safe to delete). A rescan that
// finds nothing new stats the files and reads nothing else.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write';
import { LAYOUT } from '../notebook/notebook-layout';
import type { SessionAgent } from './agent-session';

/** A session as listed: everything but its turns. */
export interface SessionHeader {
  agent: SessionAgent;
  id: string;
  file: string;
  bytes: number;
  mtimeMs: number;
  version?: string;
  project?: string;
  started?: string;
  ended?: string;
  turns: number;
  firstPrompt: string;
  preview: string;
  problems: string[];
}

/** The note a session went into, and how much of the session it holds. */
export interface ImportMark {
  noteId: string;
  bytes: number;
}

interface Entry {
  /** Absent for a file that holds no session of its own (a sub-agent's log, Gemini's context-only file on resume). */
  header?: SessionHeader;
  /** The size and mtime of such a file when it was read. */
  none?: { bytes: number; mtimeMs: number };
  imported?: ImportMark;
}

const VERSION = 1;

export class SessionCache {
  private readonly entries: Map<string, Entry>;
  private changed = false;

  private constructor(private readonly file: string | null, entries: Map<string, Entry>) {
    this.entries = entries;
  }

  /** The notebook's cache; a missing or unreadable one starts empty. */
  static async load(notebookRoot: string | null): Promise<SessionCache> {
    if (!notebookRoot) return new SessionCache(null, new Map());
    const file = join(notebookRoot, ...LAYOUT.cache.split('/'), 'sessions.json');
    const text = await readFile(file, 'utf8').catch(() => '');
    try {
      const data = JSON.parse(text) as { version?: number; entries?: Record<string, Entry> };
      if (data.version === VERSION && data.entries) return new SessionCache(file, new Map(Object.entries(data.entries)));
    } catch {
      // Unreadable: rebuilt from the files.
    }
    return new SessionCache(file, new Map());
  }

  /** The header of a file that has not changed since it was read. */
  header(file: string, bytes: number, mtimeMs: number): SessionHeader | undefined {
    const entry = this.entries.get(file);
    return entry?.header && entry.header.bytes === bytes && entry.header.mtimeMs === mtimeMs ? entry.header : undefined;
  }

  /** Whether the file, unchanged since it was read, holds no session of its own. */
  holdsNone(file: string, bytes: number, mtimeMs: number): boolean {
    const none = this.entries.get(file)?.none;
    return !!none && none.bytes === bytes && none.mtimeMs === mtimeMs;
  }

  setNone(file: string, bytes: number, mtimeMs: number): void {
    this.entries.set(file, { none: { bytes, mtimeMs } });
    this.changed = true;
  }

  imported(file: string): ImportMark | undefined {
    return this.entries.get(file)?.imported;
  }

  setHeader(header: SessionHeader): void {
    const entry = this.entries.get(header.file);
    this.entries.set(header.file, { header, ...(entry?.imported ? { imported: entry.imported } : {}) });
    this.changed = true;
  }

  markImported(file: string, mark: ImportMark): void {
    const entry = this.entries.get(file);
    if (!entry) return;
    entry.imported = mark;
    this.changed = true;
  }

  /** Forgets files that are gone (given the ones seen), then writes the cache if anything changed. */
  async save(seen?: ReadonlySet<string>): Promise<void> {
    if (seen) {
      for (const file of this.entries.keys()) {
        if (!seen.has(file)) {
          this.entries.delete(file);
          this.changed = true;
        }
      }
    }
    if (!this.file || !this.changed) return;
    await writeFileAtomic(this.file, JSON.stringify({ version: VERSION, entries: Object.fromEntries(this.entries) })).catch(() => undefined);
    this.changed = false;
  }
}
