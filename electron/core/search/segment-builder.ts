// Builds segments: from notes (tokenizing their fields), or by merging segments (re-encoding their
// postings without reading a note again). Occurrences go into flat typed arrays keyed by a term
// number, and each distinct token is analyzed once per segment: a 13 KB note is about 2,000
// tokens, and a Map update per token costs more than everything else together.
import { FIELD_COUNT } from './fields';
import type { IndexedNote, NoteFacts } from './indexed-note';
import type { Pacer } from './pacer';
import { Segment, blockBuffer, emptyPosting } from './segment';
import { sortedOrder } from './sort-terms';
import { analyzeToken, forEachToken } from './tokenizer';
import { Vocabulary } from './vocabulary';

export class SegmentBuilder {
  private readonly notes: NoteFacts[] = [];
  private readonly fieldLengths: number[] = [];
  /** Term -> its number in this builder, and back. */
  private readonly termNumbers = new Map<string, number>();
  private readonly termTexts: string[] = [];
  /**
   * Token as written -> its terms: a term number (>= 0) when it has one term (most do), else
   * -(start + 1) of its count and term numbers in `termLists`. No array per distinct token.
   */
  private readonly tokenTerms = new Map<string, number>();
  private termLists = new Int32Array(1 << 14);
  private termListsLength = 0;
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
          terms = this.termsOfToken(raw);
          this.tokenTerms.set(raw, terms);
        }
        if (terms >= 0) {
          this.record(terms, key, 1);
          length += 1;
          return;
        }
        const start = -terms - 1;
        const count = this.termLists[start]!;
        for (let i = 1; i <= count; i++) this.record(this.termLists[start + i]!, key, 1);
        length += count;
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
    const blocks = blockBuffer();
    for (let term = 0; term < segment.terms.size; term++) {
      const number = this.termNumber(segment.terms.term(term));
      const found = segment.blocksOf(term, blocks);
      for (let b = 0; b < found; b++) {
        const field = blocks[b * 3]!;
        segment.decode(blocks[b * 3 + 2]!, blocks[b * 3 + 1]!, posting);
        for (let i = 0; i < posting.count; i++) {
          const note = renumber[posting.notes[i]!]!;
          if (note >= 0) this.record(number, note * 8 + field, posting.frequencies[i]!);
        }
      }
      if ((term & 1023) === 0) {
        const pause = pacer?.pause();
        if (pause) await pause;
      }
    }
    return renumber;
  }

  /** The encoded terms of a token seen for the first time (see `tokenTerms`). */
  private termsOfToken(raw: string): number {
    const terms = analyzeToken(raw);
    if (terms.length === 1) return this.termNumber(terms[0]!);
    if (this.termListsLength + terms.length + 1 > this.termLists.length) this.termLists = grow(this.termLists, 0);
    const start = this.termListsLength;
    this.termLists[start] = terms.length;
    for (let i = 0; i < terms.length; i++) this.termLists[start + 1 + i] = this.termNumber(terms[i]!);
    this.termListsLength += terms.length + 1;
    return -start - 1;
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

    const order = sortedOrder(this.termTexts);
    const terms = Array.from(order, (number) => this.termTexts[number]!);
    const pause = pacer?.pause();
    if (pause) await pause;
    const postingStart = new Uint32Array(termCount + 1);
    // Room for every block's header and every pair at their longest: written in place, no growing.
    let out = new Uint8Array(this.records * 10 + termCount * FIELD_COUNT * 11 + 16);
    let at = 0;
    const keys = this.recordKey;
    const frequencies = this.recordFrequency;
    for (let t = 0; t < termCount; t++) {
      postingStart[t] = at;
      const number = order[t]!;
      for (let field = 0; field < FIELD_COUNT; field++) {
        const from = groupStart[number * FIELD_COUNT + field]!;
        const to = groupStart[number * FIELD_COUNT + field + 1]!;
        if (from === to) continue;
        // The pairs' byte length comes first in the block: measure them, then write them.
        let length = 0;
        let previous = 0;
        for (let g = from; g < to; g++) {
          const note = keys[grouped[g]!]! >>> 3;
          length += varintSize(note - previous) + varintSize(frequencies[grouped[g]!]!);
          previous = note;
        }
        out[at++] = field;
        at = writeVarint(out, at, to - from);
        at = writeVarint(out, at, length);
        previous = 0;
        for (let g = from; g < to; g++) {
          const record = grouped[g]!;
          const note = keys[record]! >>> 3;
          at = writeVarint(out, at, note - previous);
          at = writeVarint(out, at, frequencies[record]!);
          previous = note;
        }
      }
      if ((t & 4095) === 0) {
        const pause = pacer?.pause();
        if (pause) await pause;
      }
    }
    out = out.slice(0, at);
    postingStart[termCount] = at;
    return new Segment({
      notes: this.notes.slice(),
      fieldLengths: Uint32Array.from(this.fieldLengths),
      terms: Vocabulary.fromSorted(terms),
      postingStart,
      postings: out,
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

function varintSize(value: number): number {
  return value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5;
}

/** Writes an unsigned varint at `at`; returns where it ends. */
function writeVarint(out: Uint8Array, at: number, value: number): number {
  let rest = value;
  while (rest >= 0x80) {
    out[at++] = (rest & 0x7f) | 0x80;
    rest >>>= 7;
  }
  out[at++] = rest;
  return at;
}
