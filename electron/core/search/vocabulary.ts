// A segment's sorted vocabulary, kept as one string of newline-separated terms plus where each
// term starts. Loading it is one decode and one scan, not half a million little strings, and
// lookups compare characters in place; a term becomes a string only when a query needs its text.

export class Vocabulary {
  /** Where term i starts in `text`; term i ends one character before `starts[i + 1]`. */
  private readonly starts: Uint32Array;
  /** A hash of each term's text (`termHash`), computed when the segment was built. */
  readonly hashes: Uint32Array;

  /**
   * @param text the terms, sorted by UTF-16 code units, each followed by a newline
   * @param starts where each term starts (and one past the end), when already known
   */
  constructor(
    readonly text: string,
    hashes: Uint32Array,
    starts?: Uint32Array,
  ) {
    this.hashes = hashes;
    if (starts) {
      this.starts = starts;
      return;
    }
    let count = 0;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
    this.starts = new Uint32Array(count + 1);
    let at = 0;
    for (let i = 0; i < count; i++) {
      this.starts[i] = at;
      at = text.indexOf('\n', at) + 1;
    }
    this.starts[count] = at;
  }

  static fromSorted(terms: readonly string[]): Vocabulary {
    const starts = new Uint32Array(terms.length + 1);
    const hashes = new Uint32Array(terms.length);
    for (let i = 0; i < terms.length; i++) {
      starts[i + 1] = starts[i]! + terms[i]!.length + 1;
      hashes[i] = termHash(terms[i]!, 0, terms[i]!.length);
    }
    return new Vocabulary(terms.length === 0 ? '' : terms.join('\n') + '\n', hashes, starts);
  }

  /** The newline-separated text, for writing to disk. */
  serialize(): string {
    return this.text;
  }

  get size(): number {
    return this.starts.length - 1;
  }

  term(index: number): string {
    return this.text.slice(this.starts[index]!, this.starts[index + 1]! - 1);
  }

  /** Where term `index` starts in `text`. */
  startOf(index: number): number {
    return this.starts[index]!;
  }

  /** Where term `index` ends in `text` (exclusive). */
  endOf(index: number): number {
    return this.starts[index + 1]! - 1;
  }

  termLength(index: number): number {
    return this.starts[index + 1]! - 1 - this.starts[index]!;
  }

  /** The UTF-16 code unit at `depth` in term `index` (NaN past its end). */
  charCodeAt(index: number, depth: number): number {
    const at = this.starts[index]! + depth;
    return at < this.starts[index + 1]! - 1 ? this.text.charCodeAt(at) : NaN;
  }

  /** Negative, zero or positive as term `index` sorts before, equal to or after `key`. */
  compare(index: number, key: string): number {
    const start = this.starts[index]!;
    const length = this.starts[index + 1]! - 1 - start;
    const shared = Math.min(length, key.length);
    for (let i = 0; i < shared; i++) {
      const difference = this.text.charCodeAt(start + i) - key.charCodeAt(i);
      if (difference !== 0) return difference;
    }
    return length - key.length;
  }

  /**
   * Compares term `index` here with term `otherIndex` of another vocabulary, in code unit order,
   * from character `from` on (both are known to share the characters before it).
   */
  compareWith(index: number, other: Vocabulary, otherIndex: number, from = 0): number {
    const start = this.starts[index]!;
    const length = this.starts[index + 1]! - 1 - start;
    const otherStart = other.starts[otherIndex]!;
    const otherLength = other.starts[otherIndex + 1]! - 1 - otherStart;
    const shared = Math.min(length, otherLength);
    for (let i = from; i < shared; i++) {
      const difference = this.text.charCodeAt(start + i) - other.text.charCodeAt(otherStart + i);
      if (difference !== 0) return difference;
    }
    return length - otherLength;
  }

  /** True when term `index` starts with `prefix`. */
  startsWith(index: number, prefix: string): boolean {
    return this.termLength(index) >= prefix.length && this.text.startsWith(prefix, this.starts[index]!);
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
