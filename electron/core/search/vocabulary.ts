// A segment's sorted vocabulary: every term's UTF-16 code units one after another in one typed
// array, and where each term starts. When every term is ASCII (the usual case: code) both are
// views of the segment file's bytes, so loading a vocabulary of half a million terms decodes,
// scans and allocates nothing; lookups compare code units in place, and a term becomes a string
// only when a query needs its text.

export class Vocabulary {
  /** The terms' code units, concatenated: bytes when every term is ASCII, else UTF-16 code units. */
  private readonly units: Uint8Array | Uint16Array;
  /** `units` as a Buffer, when they are bytes: a term's text is a latin1 slice of it. */
  private readonly bytes: Buffer | null;
  /** Where term i starts in `units` (in code units); it ends where term i + 1 starts. */
  readonly starts: Uint32Array;
  /** A hash of each term's text (`termHash`), computed when the segment was built. */
  readonly hashes: Uint32Array;

  /**
   * @param units the terms' code units, sorted by them, concatenated (see `fromEncoded` for bytes)
   * @param starts where each term starts in `units`, and one more entry: where the last one ends
   */
  constructor(units: Uint8Array | Uint16Array, starts: Uint32Array, hashes: Uint32Array) {
    if (starts.length !== hashes.length + 1 || starts[0] !== 0 || starts[hashes.length] !== units.length) {
      throw new RangeError('the term starts do not fit the terms');
    }
    this.units = units;
    this.bytes = units instanceof Uint8Array ? Buffer.from(units.buffer, units.byteOffset, units.length) : null;
    this.starts = starts;
    this.hashes = hashes;
  }

  static fromSorted(terms: readonly string[]): Vocabulary {
    const starts = new Uint32Array(terms.length + 1);
    const hashes = new Uint32Array(terms.length);
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i]!;
      starts[i + 1] = starts[i]! + term.length;
      hashes[i] = termHash(term, 0, term.length);
    }
    const text = terms.join('');
    return new Vocabulary(isAscii(text) ? Buffer.from(text, 'latin1') : utf16Units(text), starts, hashes);
  }

  /**
   * A vocabulary from a segment file's parts: its terms as UTF-8 (kept as a view, no copy, when
   * they are all ASCII) and where each starts, in UTF-16 code units.
   */
  static fromEncoded(utf8: Uint8Array, ascii: boolean, starts: Uint32Array, hashes: Uint32Array): Vocabulary {
    if (ascii) return new Vocabulary(utf8, starts, hashes);
    return new Vocabulary(utf16Units(Buffer.from(utf8.buffer, utf8.byteOffset, utf8.length).toString('utf8')), starts, hashes);
  }

  /** The terms as UTF-8, concatenated (where each starts is `starts`), for writing to disk. */
  encoded(): { utf8: Uint8Array; ascii: boolean } {
    const units = this.units;
    if (units instanceof Uint8Array) return { utf8: units, ascii: true };
    return { utf8: Buffer.from(Buffer.from(units.buffer, units.byteOffset, units.byteLength).toString('utf16le'), 'utf8'), ascii: false };
  }

  get size(): number {
    return this.hashes.length;
  }

  term(index: number): string {
    const start = this.starts[index]!;
    const end = this.starts[index + 1]!;
    return this.bytes ? this.bytes.toString('latin1', start, end) : String.fromCharCode(...this.units.subarray(start, end));
  }

  termLength(index: number): number {
    return this.starts[index + 1]! - this.starts[index]!;
  }

  /** The UTF-16 code unit at `depth` in term `index` (NaN past its end). */
  charCodeAt(index: number, depth: number): number {
    const at = this.starts[index]! + depth;
    return at < this.starts[index + 1]! ? this.units[at]! : NaN;
  }

  /** Negative, zero or positive as term `index` sorts before, equal to or after `key`. */
  compare(index: number, key: string): number {
    const units = this.units;
    const start = this.starts[index]!;
    const length = this.starts[index + 1]! - start;
    const shared = Math.min(length, key.length);
    for (let i = 0; i < shared; i++) {
      const difference = units[start + i]! - key.charCodeAt(i);
      if (difference !== 0) return difference;
    }
    return length - key.length;
  }

  /**
   * Compares term `index` here with term `otherIndex` of another vocabulary, in code unit order,
   * from character `from` on (both are known to share the characters before it).
   */
  compareWith(index: number, other: Vocabulary, otherIndex: number, from = 0): number {
    const units = this.units;
    const otherUnits = other.units;
    const start = this.starts[index]!;
    const length = this.starts[index + 1]! - start;
    const otherStart = other.starts[otherIndex]!;
    const otherLength = other.starts[otherIndex + 1]! - otherStart;
    const shared = Math.min(length, otherLength);
    for (let i = from; i < shared; i++) {
      const difference = units[start + i]! - otherUnits[otherStart + i]!;
      if (difference !== 0) return difference;
    }
    return length - otherLength;
  }

  /** True when term `index` starts with `prefix`. */
  startsWith(index: number, prefix: string): boolean {
    const units = this.units;
    const start = this.starts[index]!;
    if (this.starts[index + 1]! - start < prefix.length) return false;
    for (let i = 0; i < prefix.length; i++) if (units[start + i] !== prefix.charCodeAt(i)) return false;
    return true;
  }

  /** The index of `term`, or -1. */
  find(term: string): number {
    const at = this.lowerBound(term);
    return at < this.size && this.compare(at, term) === 0 ? at : -1;
  }

  /** [from, to) of the terms that start with `prefix`. */
  prefixRange(prefix: string): [number, number] {
    const from = this.lowerBound(prefix);
    let lo = from;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.startsWith(mid, prefix)) lo = mid + 1;
      else hi = mid;
    }
    return [from, lo];
  }

  /** The first index whose term is not below `key`. */
  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(mid, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** The UTF-16 code units of `text`, in an array of their own. */
function utf16Units(text: string): Uint16Array {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}

/**
 * FNV-1a over the UTF-16 code units of text[from, to), with murmur3's finalizer (FNV's low bits
 * are weak, and hash tables use the low bits). Stored per term, so queries never hash text.
 */
export function termHash(text: string, from: number, to: number): number {
  let hash = 0x811c9dc5;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
