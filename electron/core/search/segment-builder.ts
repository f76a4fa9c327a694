// Builds segments: from notes (tokenizing their fields), or by merging segments (re-encoding their
// postings without reading a note again). Occurrences go into flat typed arrays keyed by a term
// number, and each distinct token is analyzed once per segment: a 13 KB note is about 2,000
// tokens, and a Map update per token costs more than everything else together.
import { FIELD_COUNT } from './fields';
import type { IndexedNote, NoteFacts } from './indexed-note';
import type { Pacer } from './pacer';
import { Segment, emptyPosting } from './segment';
import { analyzeToken, forEachToken } from './tokenizer';
import { Vocabulary } from './vocabulary';

export class SegmentBuilder {
  private readonly notes: NoteFacts[] = [];
  private readonly fieldLengths: number[] = [];
  /** Term -> its number in this builder, and back. */
  private readonly termNumbers = new Map<string, number>();
  private readonly termTexts: string[] = [];
  /** Token as written -> the numbers of its terms. */
  private readonly tokenTerms = new Map<string, number[]>();
  /** Occurrence records: term number, note * 8 + field, frequency. */
  private recordTerm = new Int32Array(1 << 16);
  private recordKey = new Int32Array(1 << 16);
  private recordFrequency = new Int32Array(1 << 16);
  private records = 0;
  /** Per term: the key and index of its latest record, to count repeats within a field. */
  private lastKey = new Int32Array(1 << 14).fill(-1);
  private lastRecord = new Int32Array(1 << 14);

  get size(): number {
    return this.notes.length;
  }

  /** Tokenizes a note's fields and adds it; returns its number in the segment. */
  add(note: IndexedNote): number {
    const number = this.notes.length;
    this.notes.push(note.facts);
    for (let field = 0; field < FIELD_COUNT; field++) {
      const key = number * 8 + field;
      let length = 0;
      forEachToken(note.fieldTexts[field] ?? '', (raw) => {
        let terms = this.tokenTerms.get(raw);
        if (terms === undefined) {
          terms = analyzeToken(raw).map((term) => this.termNumber(term));
          this.tokenTerms.set(raw, terms);
        }
        for (let i = 0; i < terms.length; i++) this.record(terms[i]!, key, 1);
        length += terms.length;
      });
      this.fieldLengths.push(length);
    }
    return number;
  }

  /** Adds every live note of `segment` by copying its postings; returns old -> new note numbers (-1: dropped). */
  async addSegment(segment: Segment, pacer?: Pacer): Promise<Int32Array> {
    const renumber = new Int32Array(segment.size).fill(-1);
    for (let note = 0; note < segment.size; note++) {
      if (segment.deleted[note]) continue;
      renumber[note] = this.notes.length;
      this.notes.push(segment.notes[note]!);
      for (let field = 0; field < FIELD_COUNT; field++) this.fieldLengths.push(segment.fieldLengths[note * FIELD_COUNT + field]!);
    }
    const posting = emptyPosting();
    for (let term = 0; term < segment.terms.size; term++) {
      const number = this.termNumber(segment.terms.term(term));
      segment.fieldsOf(term, (field, count, at) => {
        segment.decode(at, count, posting);
        for (let i = 0; i < posting.count; i++) {
          const note = renumber[posting.notes[i]!]!;
          if (note >= 0) this.record(number, note * 8 + field, posting.frequencies[i]!);
        }
      });
      if ((term & 1023) === 0) {
        const pause = pacer?.pause();
        if (pause) await pause;
      }
    }
    return renumber;
  }

  private termNumber(term: string): number {
    let number = this.termNumbers.get(term);
    if (number === undefined) {
      number = this.termTexts.length;
      this.termNumbers.set(term, number);
      this.termTexts.push(term);
      if (number >= this.lastKey.length) {
        this.lastKey = grow(this.lastKey, -1);
        this.lastRecord = grow(this.lastRecord, 0);
      }
    }
    return number;
  }

  private record(term: number, key: number, frequency: number): void {
    if (this.lastKey[term] === key) {
      this.recordFrequency[this.lastRecord[term]!]! += frequency;
      return;
    }
    if (this.records === this.recordTerm.length) {
      this.recordTerm = grow(this.recordTerm, 0);
      this.recordKey = grow(this.recordKey, 0);
      this.recordFrequency = grow(this.recordFrequency, 0);
    }
    this.recordTerm[this.records] = term;
    this.recordKey[this.records] = key;
    this.recordFrequency[this.records] = frequency;
    this.lastKey[term] = key;
    this.lastRecord[term] = this.records++;
  }

  /** Encodes what was added into a segment (the builder stays usable: the open segment grows). */
  async build(pacer?: Pacer): Promise<Segment> {
    const termCount = this.termTexts.length;
    // Group the records by (term, field), keeping their order: notes stay ascending in each group.
    const groupStart = new Int32Array(termCount * FIELD_COUNT + 1);
    for (let r = 0; r < this.records; r++) groupStart[this.recordTerm[r]! * FIELD_COUNT + (this.recordKey[r]! % 8) + 1]!++;
    for (let g = 1; g < groupStart.length; g++) groupStart[g]! += groupStart[g - 1]!;
    const grouped = new Int32Array(this.records);
    const fill = groupStart.slice(0, -1);
    for (let r = 0; r < this.records; r++) grouped[fill[this.recordTerm[r]! * FIELD_COUNT + (this.recordKey[r]! % 8)]!++] = r;

    // The default sort compares UTF-16 code units, like `<`, and is the fastest way to sort strings.
    const terms = this.termTexts.slice().sort();
    const order = terms.map((term) => this.termNumbers.get(term)!);
    const pause = pacer?.pause();
    if (pause) await pause;
    const postingStart = new Uint32Array(termCount + 1);
    const out = new ByteWriter(this.records * 3 + termCount * 5);
    const pairs = new ByteWriter(1024);
    for (let t = 0; t < termCount; t++) {
      postingStart[t] = out.length;
      const number = order[t]!;
      for (let field = 0; field < FIELD_COUNT; field++) {
        const from = groupStart[number * FIELD_COUNT + field]!;
        const to = groupStart[number * FIELD_COUNT + field + 1]!;
        if (from === to) continue;
        pairs.length = 0;
        let previous = 0;
        for (let g = from; g < to; g++) {
          const record = grouped[g]!;
          const note = this.recordKey[record]! >>> 3;
          pairs.varint(note - previous);
          pairs.varint(this.recordFrequency[record]!);
          previous = note;
        }
        out.byte(field);
        out.varint(to - from);
        out.varint(pairs.length);
        out.append(pairs);
      }
      if ((t & 4095) === 0) {
        const pause = pacer?.pause();
        if (pause) await pause;
      }
    }
    postingStart[termCount] = out.length;
    return new Segment({
      notes: this.notes.slice(),
      fieldLengths: Uint32Array.from(this.fieldLengths),
      terms: Vocabulary.fromSorted(terms),
      postingStart,
      postings: out.bytes(),
    });
  }
}

/** Merges segments into one, dropping deleted notes. */
export async function mergeSegments(segments: readonly Segment[], pacer?: Pacer): Promise<{ merged: Segment; renumbered: Int32Array[] }> {
  const builder = new SegmentBuilder();
  const renumbered: Int32Array[] = [];
  for (const segment of segments) renumbered.push(await builder.addSegment(segment, pacer));
  return { merged: await builder.build(pacer), renumbered };
}

function grow(array: Int32Array<ArrayBuffer>, fillValue: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  if (fillValue !== 0) grown.fill(fillValue, array.length);
  return grown;
}

class ByteWriter {
  private buffer: Uint8Array;
  length = 0;

  constructor(initial: number) {
    this.buffer = new Uint8Array(Math.max(1024, initial));
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + bytes));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  byte(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value;
  }

  varint(value: number): void {
    this.reserve(5);
    let rest = value;
    while (rest >= 0x80) {
      this.buffer[this.length++] = (rest & 0x7f) | 0x80;
      rest >>>= 7;
    }
    this.buffer[this.length++] = rest;
  }

  append(other: ByteWriter): void {
    this.reserve(other.length);
    this.buffer.set(other.buffer.subarray(0, other.length), this.length);
    this.length += other.length;
  }

  bytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}
