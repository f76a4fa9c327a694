// Bringing the in-memory index in line with the folder: the first load at open (cached summaries
// for unchanged files, parsing for the rest) and later reconciliations after outside changes.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { listNoteFiles, readNoteFile, type NoteFileInfo, type SkippedFile } from './note-files';
import type { IndexEntry, NoteIndex } from './note-index';
import type { NoteChangeBatch } from './notebook';
import { loadSummaryCache } from './summary-cache';

/** Files read at once: enough to keep the disk busy, few enough not to exhaust file handles. */
const READ_CONCURRENCY = 16;

export interface LoadedNotebook {
  entries: IndexEntry[];
  skipped: SkippedFile[];
  /** True when the cache did not match the folder exactly and should be written again. */
  cacheStale: boolean;
  /** Fieldnotes' temp files found beside the notes (absolute paths). */
  temps: string[];
}

/**
 * Every note of the folder: from the summary cache in `cacheDir` when path, mtime and size match,
 * else parsed.
 */
export async function loadNotebook(root: string, cacheDir: string): Promise<LoadedNotebook> {
  // The cache file is read by the thread pool while the (synchronous) walk runs.
  const cacheRead = loadSummaryCache(cacheDir);
  const { files, skipped, temps } = await listNoteFiles(root);
  const cache = await cacheRead;
  // Entries go in in the cache's order (newest first), so the first listing is already sorted.
  const found = new Map(files.map((file) => [file.path, file]));
  const entries: IndexEntry[] = [];
  for (const cached of cache.values()) {
    const file = found.get(cached.path);
    if (file && cached.mtimeMs === file.mtimeMs && cached.size === file.size) {
      entries.push(cached);
      found.delete(cached.path);
    }
  }
  const stale: NoteFileInfo[] = [...found.values()];
  const read = await readEntries(root, stale.map((file) => file.path));
  entries.push(...read);
  return { entries, skipped, cacheStale: stale.length > 0 || cache.size !== files.length, temps };
}

/**
 * Re-reads `paths` (or, without paths, the whole folder) and applies the differences to `index`,
 * returning them as a 'disk' batch. Files whose mtime and size match the index are not read;
 * paths for which `isWriting` is true are left alone (Fieldnotes is writing them).
 */
export async function reconcile(
  root: string,
  index: NoteIndex,
  isWriting: (path: string) => boolean,
  paths?: string[],
): Promise<{ changes: NoteChangeBatch; skipped: SkippedFile[] }> {
  let candidates: Array<{ path: string; info: NoteFileInfo | null }>;
  let skipped: SkippedFile[] = [];
  if (paths) {
    candidates = await Promise.all(
      paths.map(async (path) => {
        const info = await stat(join(root, ...path.split('/'))).catch(() => null);
        return { path, info: info?.isFile() ? { path, mtimeMs: info.mtimeMs, size: info.size } : null };
      }),
    );
  } else {
    const listing = await listNoteFiles(root);
    skipped = listing.skipped;
    const present = new Set(listing.files.map((file) => file.path));
    candidates = listing.files.map((info) => ({ path: info.path, info }));
    for (const entry of index.entries()) if (!present.has(entry.path)) candidates.push({ path: entry.path, info: null });
  }

  const changes: NoteChangeBatch = { source: 'disk', added: [], changed: [], removed: [] };
  const toRead: string[] = [];
  for (const { path, info } of candidates) {
    if (isWriting(path)) continue;
    const known = index.get(path);
    if (info === null) {
      if (known) {
        index.delete(path);
        changes.removed.push({ path, id: known.summary.id });
      }
    } else if (!known || known.mtimeMs !== info.mtimeMs || known.size !== info.size) {
      toRead.push(path);
    }
  }
  const wasKnown = new Set(toRead.filter((path) => index.get(path) !== undefined));
  const read = await readEntries(root, toRead);
  const found = new Set(read.map((entry) => entry.path));
  for (const entry of read) {
    index.set(entry);
    (wasKnown.has(entry.path) ? changes.changed : changes.added).push({ path: entry.path, id: entry.summary.id });
  }
  // Listed a moment ago but gone (or no longer a file) when read.
  for (const path of toRead) {
    if (found.has(path)) continue;
    const known = index.delete(path);
    if (known) changes.removed.push({ path, id: known.summary.id });
  }
  return { changes, skipped };
}

async function readEntries(root: string, paths: string[]): Promise<IndexEntry[]> {
  const entries: IndexEntry[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < paths.length) {
      const path = paths[next++]!;
      const read = await readNoteFile(root, path);
      if (read) entries.push({ path, ...read.stamp, summary: read.note.summary });
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, paths.length) }, worker));
  return entries;
}
