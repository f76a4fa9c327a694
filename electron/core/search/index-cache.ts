// The index on disk, under `.fieldnotes/cache/search/`: immutable segment files plus a small
// manifest naming them and the notes deleted from each. Writes are atomic (temp file + rename) and
// the manifest is written last, so a crash leaves the previous index, never a broken one. Anything
// unreadable is reported, never thrown: the index is a cache, and the notes are the truth.
// One process writes the cache at a time (a lock file holds its pid); another one on the same
// notebook — `fieldnotes search` while the app runs — reads it and keeps its changes in memory.
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Segment } from './segment';
import { SEGMENT_FILE_VERSION, SegmentFileError, readSegmentFile, writeSegmentFile } from './segment-file';
import { processExists } from '../process-alive';

/**
 * Bump when what is indexed changes (tokenizer, fields, note facts): an index built by an older
 * version is then rebuilt instead of being read with the wrong assumptions.
 */
export const INDEX_FORMAT = 1;
const MANIFEST = 'manifest.json';
const LOCK = 'writer.lock';
const SEGMENT_SUFFIX = '.fnseg';

interface Manifest {
  format: number;
  segmentFileVersion: number;
  segments: Array<{ file: string; notes: number; deleted: number[] }>;
}

export type CacheProblem = 'missing' | 'corrupt' | 'outdated';

export interface LoadedIndex {
  /** The segments that could be read; their notes are searchable at once. */
  segments: Segment[];
  /** Each segment's file bytes, to check against its checksum in the background. */
  unverified: Array<{ segment: Segment; bytes: Buffer }>;
  /** Why the index needs (re)building, if it does; the notes of unreadable segments get reindexed. */
  problem: CacheProblem | null;
  detail?: string;
}

export class IndexCache {
  private listed = new Set<string>();
  private saving: Promise<void> = Promise.resolve();
  private nextFile = Date.now();
  private writer = false;

  /** @param dir the cache folder, e.g. `<notebook>/.fieldnotes/cache/search` */
  constructor(readonly dir: string) {}

  /** Whether this process writes the cache (else another live process does). */
  get writable(): boolean {
    return this.writer;
  }

  /** Takes the writer lock unless a live process other than this one holds it. */
  async open(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const lock = join(this.dir, LOCK);
    try {
      await writeFile(lock, String(process.pid), { flag: 'wx' });
      this.writer = true;
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(await readFile(lock, 'utf8').catch(() => ''));
    if (holder !== process.pid && processExists(holder)) return;
    // A crashed process's lock, or this process's previous worker: take it over.
    await writeFile(lock, String(process.pid));
    this.writer = true;
  }

  /** Gives the writer lock up (after the last save). */
  async close(): Promise<void> {
    await this.saving.catch(() => undefined);
    if (this.writer) await rm(join(this.dir, LOCK), { force: true });
    this.writer = false;
  }

  /** Starts over: the next save replaces whatever the cache holds. */
  async discard(): Promise<void> {
    try {
      const manifest = JSON.parse(await readFile(join(this.dir, MANIFEST), 'utf8')) as Manifest;
      for (const entry of manifest.segments ?? []) this.listed.add(entry.file);
    } catch {
      // Nothing readable to replace: stray files go at the next load.
    }
  }

  async load(): Promise<LoadedIndex> {
    let manifest: Manifest;
    try {
      manifest = JSON.parse(await readFile(join(this.dir, MANIFEST), 'utf8')) as Manifest;
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      await this.removeStrayFiles();
      return { segments: [], unverified: [], problem: missing ? 'missing' : 'corrupt', detail: missing ? undefined : 'the manifest is unreadable' };
    }
    if (manifest.format !== INDEX_FORMAT || manifest.segmentFileVersion !== SEGMENT_FILE_VERSION || !Array.isArray(manifest.segments)) {
      this.listed = new Set();
      await this.removeStrayFiles();
      return { segments: [], unverified: [], problem: 'outdated', detail: `index format ${manifest.format}, expected ${INDEX_FORMAT}` };
    }
    let detail: string | undefined;
    // Read in parallel: the files are independent, and reading is most of the load time.
    const read = await Promise.all(
      manifest.segments.map(async (entry) => {
        try {
          const loaded = await readSegmentFile(join(this.dir, entry.file), entry.deleted);
          loaded.segment.file = entry.file;
          this.listed.add(entry.file);
          return loaded;
        } catch (error) {
          detail = `${entry.file}: ${error instanceof SegmentFileError ? error.message : (error as Error).message}`;
          return null;
        }
      }),
    );
    const unverified = read.filter((loaded) => loaded !== null);
    await this.removeStrayFiles();
    return { segments: unverified.map((loaded) => loaded.segment), unverified, problem: detail ? 'corrupt' : null, detail };
  }

  /**
   * Makes the cache hold exactly these segments: writes the new ones, then the manifest, then
   * removes files no longer listed. Saves run one after another.
   */
  save(segments: readonly Segment[]): Promise<void> {
    if (!this.writer) return this.saving;
    const snapshot = segments.map((segment) => ({ segment, deleted: segment.deletedNotes() }));
    this.saving = this.saving.catch(() => undefined).then(async () => {
      await mkdir(this.dir, { recursive: true });
      for (const { segment } of snapshot) {
        if (segment.file !== null) continue;
        const file = `${(this.nextFile++).toString(36)}${SEGMENT_SUFFIX}`;
        await writeSegmentFile(join(this.dir, file), segment);
        segment.file = file;
      }
      const manifest: Manifest = {
        format: INDEX_FORMAT,
        segmentFileVersion: SEGMENT_FILE_VERSION,
        segments: snapshot.map(({ segment, deleted }) => ({ file: segment.file!, notes: segment.size, deleted })),
      };
      const path = join(this.dir, MANIFEST);
      await writeFile(`${path}.tmp`, JSON.stringify(manifest));
      await rename(`${path}.tmp`, path);
      const now = new Set(manifest.segments.map((entry) => entry.file));
      for (const file of this.listed) if (!now.has(file)) await rm(join(this.dir, file), { force: true });
      this.listed = now;
    });
    return this.saving;
  }

  /** Resolves when the saves asked for so far are written. */
  whenSaved(): Promise<void> {
    return this.saving.catch(() => undefined);
  }

  /** Bytes the cache takes on disk. */
  async size(): Promise<number> {
    let total = 0;
    for (const name of await readdir(this.dir).catch(() => [] as string[])) {
      total += (await stat(join(this.dir, name)).catch(() => ({ size: 0 }))).size;
    }
    return total;
  }

  /** Files from a crash or an older index that no manifest names. */
  private async removeStrayFiles(): Promise<void> {
    if (!this.writer) return;
    for (const name of await readdir(this.dir).catch(() => [] as string[])) {
      if (name === MANIFEST || name === LOCK || this.listed.has(name)) continue;
      await rm(join(this.dir, name), { force: true, recursive: true });
    }
  }
}
