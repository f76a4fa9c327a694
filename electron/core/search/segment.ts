// A segment: an immutable slice of the index covering some notes. It holds only what queries use:
// a sorted vocabulary, and per term and field the notes it occurs in with its term frequency,
// varint-encoded and decoded only when a query touches that term. No field vectors, no positions,
// no bodies. Deletions are marks beside it; the segment itself never changes.
import { FactColumns } from './fact-columns';
import { FIELD_COUNT } from './fields';
import type { NoteFacts } from './indexed-note';
import type { Vocabulary } from './vocabulary';

export interface SegmentData {
  notes: NoteFacts[];
  /** Terms in each field of each note: `fieldLengths[note * FIELD_COUNT + field]`. */
  fieldLengths: Uint32Array;
  /** The vocabulary, sorted by UTF-16 code units (JavaScript's `<`). */
  terms: Vocabulary;
  /** Where each term's postings start in `postings`; one extra entry marks the end. */
  postingStart: Uint32Array;
  /**
   * Per term, per field it occurs in: field number (a byte), note count, byte length of the pairs,
   * then (note delta, frequency) pairs; all numbers unsigned varints.
   */
  postings: Uint8Array;
}

/** One term's notes in one field, decoded into buffers the caller must copy before the next decode. */
export interface Posting {
  count: number;
  notes: Int32Array;
  frequencies: Int32Array;
}

let nextSegmentId = 1;

export class Segment {
  /** Unique in this process, for caches keyed by segment. */
  readonly id = nextSegmentId++;
  readonly notes: NoteFacts[];
  readonly fieldLengths: Uint32Array;
  readonly terms: Vocabulary;
  readonly createdMs: Float64Array;
  /** The notes' repo, agent, tags, mode and status as numbers, for filters and facet counts. */
  readonly facts: FactColumns;
  /** 1 for a note deleted or replaced since the segment was built. */
  readonly deleted: Uint8Array;
  /** The file it is stored in, once it has been written. */
  file: string | null = null;
  private readonly postingStart: Uint32Array;
  private readonly postings: Uint8Array;
  private liveNotes: number;
  /** Where the last `readVarint` stopped. */
  private cursor = 0;
  private readonly liveFieldLengths = new Float64Array(FIELD_COUNT);

  constructor(data: SegmentData, deleted: Iterable<number> = []) {
    this.notes = data.notes;
    this.fieldLengths = data.fieldLengths;
    this.terms = data.terms;
    this.postingStart = data.postingStart;
    this.postings = data.postings;
    this.createdMs = Float64Array.from(data.notes, (note) => Date.parse(note.created));
    this.facts = new FactColumns(data.notes);
    this.deleted = new Uint8Array(data.notes.length);
    this.liveNotes = data.notes.length;
    for (let note = 0; note < data.notes.length; note++) {
      for (let field = 0; field < FIELD_COUNT; field++) this.liveFieldLengths[field]! += this.fieldLengths[note * FIELD_COUNT + field]!;
    }
    for (const note of deleted) this.delete(note);
  }

  get size(): number {
    return this.notes.length;
  }

  get liveCount(): number {
    return this.liveNotes;
  }

  get deletedCount(): number {
    return this.notes.length - this.liveNotes;
  }

  /** Sum of the field's length over the notes not deleted. */
  liveFieldLength(field: number): number {
    return this.liveFieldLengths[field]!;
  }

  /** Marks a note deleted; returns false when it already was. */
  delete(note: number): boolean {
    if (note < 0 || note >= this.notes.length || this.deleted[note]) return false;
    this.deleted[note] = 1;
    this.liveNotes -= 1;
    for (let field = 0; field < FIELD_COUNT; field++) this.liveFieldLengths[field]! -= this.fieldLengths[note * FIELD_COUNT + field]!;
    return true;
  }

  deletedNotes(): number[] {
    const out: number[] = [];
    for (let note = 0; note < this.deleted.length; note++) if (this.deleted[note]) out.push(note);
    return out;
  }

  /**
   * The fields the term occurs in: writes (field, note count, byte offset of its pairs) triples
   * into `into` (room for FIELD_COUNT triples) and returns how many. Counts include deleted notes.
   */
  blocksOf(termIndex: number, into: Int32Array): number {
    let at = this.postingStart[termIndex]!;
    const end = this.postingStart[termIndex + 1]!;
    let blocks = 0;
    while (at < end) {
      const field = this.postings[at++]!;
      const count = this.readVarint(at);
      at = this.cursor;
      const length = this.readVarint(at);
      at = this.cursor;
      into[blocks * 3] = field;
      into[blocks * 3 + 1] = count;
      into[blocks * 3 + 2] = at;
      blocks++;
      at += length;
    }
    return blocks;
  }

  /** Decodes `count` (note delta, frequency) pairs starting at byte `at` into `into`. */
  decode(at: number, count: number, into: Posting): Posting {
    if (into.notes.length < count) {
      into.notes = new Int32Array(count);
      into.frequencies = new Int32Array(count);
    }
    const bytes = this.postings;
    let note = 0;
    for (let i = 0; i < count; i++) {
      let byte = bytes[at++]!;
      let delta = byte & 0x7f;
      for (let shift = 7; byte >= 0x80; shift += 7) {
        byte = bytes[at++]!;
        delta |= (byte & 0x7f) << shift;
      }
      byte = bytes[at++]!;
      let frequency = byte & 0x7f;
      for (let shift = 7; byte >= 0x80; shift += 7) {
        byte = bytes[at++]!;
        frequency |= (byte & 0x7f) << shift;
      }
      note += delta;
      into.notes[i] = note;
      into.frequencies[i] = frequency;
    }
    into.count = count;
    return into;
  }

  /** Reads a varint at `at`; leaves the position after it in `cursor`. */
  private readVarint(at: number): number {
    let byte = this.postings[at++]!;
    let value = byte & 0x7f;
    for (let shift = 7; byte >= 0x80; shift += 7) {
      byte = this.postings[at++]!;
      value += (byte & 0x7f) * 2 ** shift;
    }
    this.cursor = at;
    return value;
  }

  /** The encoded form, for writing to disk and for merging. */
  data(): SegmentData {
    return { notes: this.notes, fieldLengths: this.fieldLengths, terms: this.terms, postingStart: this.postingStart, postings: this.postings };
  }
}

/** Room for `blocksOf`'s answer. */
export function blockBuffer(): Int32Array {
  return new Int32Array(FIELD_COUNT * 3);
}

export function emptyPosting(): Posting {
  return { count: 0, notes: new Int32Array(16), frequencies: new Int32Array(16) };
}
