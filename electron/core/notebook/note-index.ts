// The notebook's notes in memory: one summary per file, found by path or by id. Two files with the
// same id (a note copied by hand) both stay listed; the copy gets its own id and a problem.
import type { NoteSummary } from '../../../shared/model/note';
import { pathId } from './note-file';
import type { NoteFileInfo } from './note-files';

export interface IndexEntry extends NoteFileInfo {
  summary: NoteSummary;
}

export class NoteIndex {
  private readonly byPath = new Map<string, IndexEntry>();
  /** The note id a file claims → its paths, sorted: the first one owns the id. */
  private readonly byId = new Map<string, string[]>();
  /** Lower-cased paths, built on first use (only creating and restoring need it, not opening). */
  private lowerPaths: Map<string, number> | null = null;
  private sorted: NoteSummary[] | null = null;

  get size(): number {
    return this.byPath.size;
  }

  get(path: string): IndexEntry | undefined {
    return this.byPath.get(path);
  }

  /** True when a file with this path exists, ignoring case (as macOS and Windows do). */
  hasPathIgnoringCase(path: string): boolean {
    if (!this.lowerPaths) {
      this.lowerPaths = new Map();
      for (const known of this.byPath.keys()) this.countLower(known, 1);
    }
    return (this.lowerPaths.get(path.toLowerCase()) ?? 0) > 0;
  }

  private countLower(path: string, delta: 1 | -1): void {
    if (!this.lowerPaths) return;
    const lower = path.toLowerCase();
    const count = (this.lowerPaths.get(lower) ?? 0) + delta;
    if (count > 0) this.lowerPaths.set(lower, count);
    else this.lowerPaths.delete(lower);
  }

  set(entry: IndexEntry): void {
    if (this.byPath.has(entry.path)) this.delete(entry.path);
    this.byPath.set(entry.path, entry);
    this.countLower(entry.path, 1);
    const paths = this.byId.get(entry.summary.id);
    if (!paths) this.byId.set(entry.summary.id, [entry.path]);
    else {
      paths.push(entry.path);
      paths.sort();
    }
    this.sorted = null;
  }

  delete(path: string): IndexEntry | undefined {
    const entry = this.byPath.get(path);
    if (!entry) return undefined;
    this.byPath.delete(path);
    this.countLower(path, -1);
    const paths = this.byId.get(entry.summary.id);
    if (paths) {
      const rest = paths.filter((candidate) => candidate !== path);
      if (rest.length > 0) this.byId.set(entry.summary.id, rest);
      else this.byId.delete(entry.summary.id);
    }
    this.sorted = null;
    return entry;
  }

  /** The path of the note with this id: the owner of a shared id, or a copy by its own path id. */
  pathOf(id: string): string | undefined {
    const owner = this.byId.get(id)?.[0];
    if (owner !== undefined) return owner;
    if (!id.startsWith('path-')) return undefined;
    for (const paths of this.byId.values()) {
      for (const path of paths.slice(1)) if (pathId(path) === id) return path;
    }
    return undefined;
  }

  /** The path of a note whose id ends with `suffix` (the random part of a ULID), if there is one. */
  pathOfIdEnding(suffix: string): string | undefined {
    for (const [id, paths] of this.byId) if (id.endsWith(suffix)) return paths[0];
    return undefined;
  }

  /** The summary as listed: a copy that shares another file's id gets its own id and a problem. */
  listed(entry: IndexEntry): NoteSummary {
    const paths = this.byId.get(entry.summary.id);
    if (!paths || paths[0] === entry.path) return entry.summary;
    return {
      ...entry.summary,
      id: pathId(entry.path),
      problem: {
        code: 'DUPLICATE_ID',
        message: `${paths[0]} has the same id (${entry.summary.id}). One of them is a copy: delete it, or remove its id line so it is listed as an imported note.`,
      },
    };
  }

  /** Every note as listed, newest first. */
  summaries(): NoteSummary[] {
    if (!this.sorted) {
      const all: NoteSummary[] = [];
      for (const entry of this.byPath.values()) all.push(this.listed(entry));
      all.sort(compareNewestFirst);
      this.sorted = all;
    }
    return this.sorted.slice();
  }

  /** Every note file with its mtime and size. */
  files(): NoteFileInfo[] {
    return [...this.byPath.values()].map(({ path, mtimeMs, size }) => ({ path, mtimeMs, size }));
  }

  entries(): IterableIterator<IndexEntry> {
    return this.byPath.values();
  }

  /**
   * Every entry in list order. The summary cache is saved this way, so the next open inserts
   * entries already sorted and the first listing's sort has next to nothing to do.
   */
  entriesNewestFirst(): IndexEntry[] {
    return [...this.byPath.values()].sort((a, b) => compareNewestFirst(a.summary, b.summary));
  }
}

function compareNewestFirst(a: NoteSummary, b: NoteSummary): number {
  return a.created < b.created ? 1 : a.created > b.created ? -1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
