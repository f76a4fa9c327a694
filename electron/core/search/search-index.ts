// The live index: sealed segments, plus one open segment that takes new and edited notes. A new
// note is re-encoded into the small open segment (never a full rebuild), an edited one also marks
// its old version deleted, and a deleted one is marked at once. Small sealed segments are merged,
// and segments with many deletions compacted, by re-encoding postings (no note is read again).
import type { NoteFacts, IndexedNote } from './indexed-note';
import type { Pacer } from './pacer';
import type { Segment } from './segment';
import { SegmentBuilder, mergeSegments } from './segment-builder';

export interface SegmentSizes {
  /** The open segment is sealed at this many notes while taking a few changes at a time... */
  openNotes: number;
  /** ...and at this many during a build, when notes arrive by the thousand. */
  bulkNotes: number;
}

export const DEFAULT_SEGMENT_SIZES: SegmentSizes = { openNotes: 256, bulkNotes: 2_000 };
/** This many small sealed segments are merged into one. */
const SMALL_SEGMENTS_TO_MERGE = 8;
/** A segment this share deleted is compacted. */
const COMPACT_DELETED_SHARE = 0.35;

export interface AddOptions {
  pacer?: Pacer;
  /** True for a path deleted after it was read: it is skipped. */
  stale?: (path: string) => boolean;
}

interface Location {
  segment: Segment;
  note: number;
}

/** The segment being filled: a builder, the notes in it by path, and the last encoding published. */
class OpenSegment {
  readonly builder = new SegmentBuilder();
  readonly byPath = new Map<string, number>();
  readonly deleted = new Set<number>();
  published: Segment | null = null;
  unpublished: number[] = [];
}

export class SearchIndex {
  private sealed: Segment[] = [];
  private open = new OpenSegment();
  private readonly where = new Map<string, Location>();
  private merging = false;

  constructor(
    segments: readonly Segment[] = [],
    private readonly sizes: SegmentSizes = DEFAULT_SEGMENT_SIZES,
  ) {
    for (const segment of segments) this.addSealed(segment);
  }

  /** What queries search: every sealed segment and the open one's last encoding. */
  segments(): Segment[] {
    return this.open.published ? [...this.sealed, this.open.published] : this.sealed.slice();
  }

  /** Notes the index holds (searchable now). */
  get noteCount(): number {
    return this.where.size;
  }

  /** The facts indexed for a path (with its mtime and size), if the index holds it. */
  facts(path: string): NoteFacts | undefined {
    const location = this.where.get(path);
    return location?.segment.notes[location.note];
  }

  paths(): IterableIterator<string> {
    return this.where.keys();
  }

  /** Takes a whole sealed segment out (its file turned out damaged); returns the paths it held. */
  dropSegment(segment: Segment): string[] {
    this.sealed = this.sealed.filter((sealed) => sealed !== segment);
    const dropped: string[] = [];
    segment.notes.forEach((facts, note) => {
      const location = this.where.get(facts.path);
      if (location?.segment === segment && location.note === note) {
        this.where.delete(facts.path);
        dropped.push(facts.path);
      }
    });
    return dropped;
  }

  /** Takes a note out of the results at once. */
  remove(path: string): boolean {
    const pending = this.open.byPath.get(path);
    if (pending !== undefined) {
      this.open.deleted.add(pending);
      this.open.published?.delete(pending);
      this.open.byPath.delete(path);
    }
    const location = this.where.get(path);
    if (!location) return pending !== undefined;
    location.segment.delete(location.note);
    this.where.delete(path);
    return true;
  }

  /**
   * Adds (or replaces) notes in the open segment. They become searchable when it is next
   * published (`publishOpen`), or sealed at `openNotes`.
   */
  async add(notes: readonly IndexedNote[], options: AddOptions): Promise<void> {
    for (const note of notes) {
      const pause = options.pacer?.pause();
      if (pause) await pause;
      // Deleted while we paused: adding it now would bring it back.
      if (options.stale?.(note.facts.path)) continue;
      const previous = this.open.byPath.get(note.facts.path);
      if (previous !== undefined) {
        this.open.deleted.add(previous);
        this.open.published?.delete(previous);
      }
      const number = this.open.builder.add(note);
      this.open.byPath.set(note.facts.path, number);
      this.open.unpublished.push(number);
    }
    if (this.open.builder.size >= this.sizes.openNotes) await this.seal(options.pacer);
  }

  /**
   * Takes in a segment built elsewhere (a helper thread): its notes replace older versions, except
   * those deleted since it was started (`stale`).
   */
  addBuilt(segment: Segment, stale: (path: string) => boolean): void {
    segment.notes.forEach((facts, note) => {
      if (stale(facts.path)) {
        segment.delete(note);
        return;
      }
      this.remove(facts.path);
      this.where.set(facts.path, { segment, note });
    });
    this.sealed.push(segment);
  }

  /** After a build: merges its small segments (the early ones), and compacts worn ones. */
  async tidy(pacer?: Pacer): Promise<void> {
    await this.mergeIfNeeded(pacer, 2);
  }

  /** Makes every note added so far searchable, by re-encoding the (small) open segment. */
  async publishOpen(pacer?: Pacer): Promise<void> {
    if (this.open.unpublished.length > 0) await this.publish(pacer);
  }

  private async publish(pacer?: Pacer): Promise<Segment> {
    const open = this.open;
    const segment = await open.builder.build(pacer);
    for (const note of open.deleted) segment.delete(note);
    // Replacing the previous encoding and the old versions happens in one synchronous step, so no
    // query sees a note twice or not at all.
    for (const [path, note] of open.byPath) {
      const location = this.where.get(path);
      if (location && location.segment !== open.published) location.segment.delete(location.note);
      this.where.set(path, { segment, note });
    }
    open.published = segment;
    open.unpublished = [];
    return segment;
  }

  private async seal(pacer?: Pacer): Promise<void> {
    const segment = await this.publish(pacer);
    this.open = new OpenSegment();
    this.sealed.push(segment);
    await this.mergeIfNeeded(pacer);
  }

  private addSealed(segment: Segment): void {
    this.sealed.push(segment);
    segment.notes.forEach((facts, note) => {
      if (segment.deleted[note]) return;
      const previous = this.where.get(facts.path);
      // Two live copies of a path (an interrupted save): the later segment wins.
      if (previous) previous.segment.delete(previous.note);
      this.where.set(facts.path, { segment, note });
    });
  }

  /** Merges small segments (once there are `smallToMerge` of them), and compacts ones that are mostly deletions. */
  private async mergeIfNeeded(pacer?: Pacer, smallToMerge = SMALL_SEGMENTS_TO_MERGE): Promise<void> {
    if (this.merging) return;
    this.merging = true;
    try {
      for (;;) {
        const small = this.sealed.filter((segment) => segment.size < this.sizes.bulkNotes / 2);
        const worn = this.sealed.filter((segment) => segment.size > 0 && segment.deletedCount / segment.size >= COMPACT_DELETED_SHARE);
        const group = small.length >= smallToMerge ? small : worn.length > 0 ? [worn[0]!] : [];
        if (group.length === 0) return;
        await this.merge(group, pacer);
      }
    } finally {
      this.merging = false;
    }
  }

  private async merge(group: Segment[], pacer?: Pacer): Promise<void> {
    const { merged, renumbered } = await mergeSegments(group, pacer);
    // Notes deleted while the merge ran are still live in `merged`: carry those marks over.
    group.forEach((segment, g) => {
      const numbers = renumbered[g]!;
      for (let note = 0; note < numbers.length; note++) {
        if (numbers[note]! < 0) continue;
        if (segment.deleted[note]) merged.delete(numbers[note]!);
        else this.where.set(segment.notes[note]!.path, { segment: merged, note: numbers[note]! });
      }
    });
    const first = this.sealed.indexOf(group[0]!);
    this.sealed = this.sealed.filter((segment) => !group.includes(segment));
    this.sealed.splice(Math.min(first, this.sealed.length), 0, merged);
  }
}
