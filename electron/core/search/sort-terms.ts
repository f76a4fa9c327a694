// Sorts a segment's terms by UTF-16 code units (the order of `<`) with a multikey quicksort over
// their numbers: half a million terms, many sharing long prefixes and many of them slices of
// other strings, sort several times faster than with Array.prototype.sort, and no lookup is
// needed afterwards to find each term's number.

const SMALL = 12;

/** The numbers 0..texts.length-1, ordered by their texts. */
export function sortedOrder(texts: readonly string[]): Int32Array {
  const order = new Int32Array(texts.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  sort(order, texts, 0, order.length, 0);
  return order;
}

/** Sorts order[lo, hi), whose texts share their first `depth` characters. */
function sort(order: Int32Array, texts: readonly string[], lo: number, hi: number, depth: number): void {
  while (hi - lo > SMALL) {
    const pivot = charAt(texts[order[(lo + hi) >>> 1]!]!, depth);
    // Three-way partition on the character at `depth`: below, equal, above.
    let lt = lo;
    let gt = hi - 1;
    let i = lo;
    while (i <= gt) {
      const code = charAt(texts[order[i]!]!, depth);
      if (code < pivot) swap(order, lt++, i++);
      else if (code > pivot) swap(order, i, gt--);
      else i++;
    }
    sort(order, texts, lo, lt, depth);
    sort(order, texts, gt + 1, hi, depth);
    // Texts that end here are equal and sorted; the rest share one more character.
    if (pivot < 0) return;
    lo = lt;
    hi = gt + 1;
    depth++;
  }
  insertionSort(order, texts, lo, hi, depth);
}

function insertionSort(order: Int32Array, texts: readonly string[], lo: number, hi: number, depth: number): void {
  for (let i = lo + 1; i < hi; i++) {
    const moving = order[i]!;
    let j = i - 1;
    while (j >= lo && compareFrom(texts[order[j]!]!, texts[moving]!, depth) > 0) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = moving;
  }
}

function charAt(text: string, depth: number): number {
  return depth < text.length ? text.charCodeAt(depth) : -1;
}

function compareFrom(a: string, b: string, depth: number): number {
  const shared = Math.min(a.length, b.length);
  for (let i = depth; i < shared; i++) {
    const difference = a.charCodeAt(i) - b.charCodeAt(i);
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}

function swap(order: Int32Array, a: number, b: number): void {
  const held = order[a]!;
  order[a] = order[b]!;
  order[b] = held;
}
