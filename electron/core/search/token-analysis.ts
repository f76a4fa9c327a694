// What one token stands for in the index: a plain word its stem (lunr's stop-word filter and
// stemmer); an identifier or a path itself, lowercased, plus its compound segments, its file name
// and the stems of its words. Most tokens of code are ASCII, and the build meets each distinct
// one once per segment, so ASCII tokens are split in one pass over their characters; others go
// through the Unicode regular expressions, which define the same splitting.
import lunr from 'lunr';

/** Where a token breaks into segments (`src/router/index.ts` -> `src`, `router`, `index`, `ts`). */
export const JOINER = /::|[./\\#-]/;
/** Words inside a segment: camelCase, PascalCase, ACRONYMS, snake_case and digit runs. */
export const SUBWORD = /[\p{Lu}\p{Lt}]+(?![\p{Ll}\p{Lo}\p{Lm}])|[\p{Lu}\p{Lt}]?[\p{Ll}\p{Lo}\p{Lm}]+|\p{N}+/gu;
export const SIMPLE_WORD = /^[a-z]+$|^\d+$/;
/** Longer tokens are data (hashes, base64), not words anyone types. */
export const MAX_TOKEN_LENGTH = 80;

const MAX_MEMO = 200_000;
const stems = new Map<string, string>();

/** lunr's stop-word filter and stemmer for one lowercase word, memoized; '' for a stop word. */
export function stemWord(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    const token = new lunr.Token(word, {});
    stem = lunr.stopWordFilter(token) ? lunr.stemmer(token).toString() : '';
    if (stems.size >= MAX_MEMO) stems.clear();
    stems.set(word, stem);
  }
  return stem;
}

/** The index terms of one token (see the file comment), without a memo: callers keep their own. */
export function analyzeToken(raw: string): string[] {
  if (raw.length > MAX_TOKEN_LENGTH) return [];
  return analyzeAscii(raw) ?? analyzeUnicode(raw);
}

const LOWER = 1;
const UPPER = 2;
const DIGIT = 3;
const SEPARATOR = 4; // `_` and `$`: between words, inside a segment
const JOIN = 5; // `.` `/` `\` `#` `-` `:`: between segments
const CLASS = new Uint8Array(128);
for (let c = 97; c <= 122; c++) CLASS[c] = LOWER;
for (let c = 65; c <= 90; c++) CLASS[c] = UPPER;
for (let c = 48; c <= 57; c++) CLASS[c] = DIGIT;
for (const c of '_$') CLASS[c.charCodeAt(0)] = SEPARATOR;
for (const c of './\\#-:') CLASS[c.charCodeAt(0)] = JOIN;

/** The ASCII path: one pass finds the words (as SUBWORD would) and the segments; null if not ASCII. */
function analyzeAscii(raw: string): string[] | null {
  const length = raw.length;
  const words: number[] = [];
  const segments: number[] = [];
  let segmentStart = 0;
  let segmentWords = 0;
  let onlyLower = true;
  let i = 0;
  while (i < length) {
    const code = raw.charCodeAt(i);
    if (code >= 128) return null;
    const kind = CLASS[code]!;
    let j = i + 1;
    if (kind === DIGIT) {
      while (j < length && CLASS[raw.charCodeAt(j)] === DIGIT) j++;
    } else if (kind === LOWER) {
      while (j < length && CLASS[raw.charCodeAt(j)] === LOWER) j++;
    } else if (kind === UPPER) {
      onlyLower = false;
      while (j < length && CLASS[raw.charCodeAt(j)] === UPPER) j++;
      if (j < length && CLASS[raw.charCodeAt(j)] === LOWER) {
        // An acronym before a capitalized word: `XMLHttp` is `XML` then `Http`.
        if (j - 1 > i) {
          words.push(i, j - 1);
          segmentWords++;
        }
        i = j - 1;
        while (j < length && CLASS[raw.charCodeAt(j)] === LOWER) j++;
      }
    } else {
      onlyLower = false;
      if (kind === JOIN) {
        if (i > segmentStart) segments.push(segmentStart, i, segmentWords);
        segmentStart = i + 1;
        segmentWords = 0;
      }
      i = j;
      continue;
    }
    if (kind === DIGIT) onlyLower = false;
    words.push(i, j);
    segmentWords++;
    i = j;
  }
  if (length > segmentStart) segments.push(segmentStart, length, segmentWords);

  if (onlyLower || (words.length === 2 && words[0] === 0 && words[1] === length)) {
    // A plain word (`routing`, `Request`) or a number.
    const stem = stemWord(onlyLower ? raw : raw.toLowerCase());
    return stem ? [stem] : [];
  }
  const lower = raw.toLowerCase();
  const terms = [lower];
  if (segments.length > 3) {
    for (let s = 0; s < segments.length; s += 3) if (segments[s + 2]! > 1) addTerm(terms, lower.slice(segments[s]!, segments[s + 1]!));
    const slash = Math.max(lower.lastIndexOf('/'), lower.lastIndexOf('\\'));
    const fileName = lower.slice(slash + 1);
    if (slash >= 0 && fileName.includes('.')) addTerm(terms, fileName);
  }
  for (let w = 0; w < words.length; w += 2) addTerm(terms, stemWord(lower.slice(words[w]!, words[w + 1]!)));
  return terms;
}

function addTerm(terms: string[], term: string): void {
  if (term && !terms.includes(term)) terms.push(term);
}

/**
 * The same analysis with Unicode regular expressions: used for tokens with non-ASCII letters, and
 * the definition the ASCII path must agree with.
 */
export function analyzeUnicode(raw: string): string[] {
  if (SIMPLE_WORD.test(raw)) {
    const stem = stemWord(raw);
    return stem ? [stem] : [];
  }
  const lower = raw.toLowerCase();
  const words = raw.match(SUBWORD) ?? [];
  if (words.length === 1 && words[0]!.length === raw.length) {
    const stem = stemWord(lower);
    return stem ? [stem] : [];
  }
  const terms = new Set<string>([lower]);
  const segments = raw.split(JOINER);
  if (segments.length > 1) {
    for (const segment of segments) {
      if ((segment.match(SUBWORD) ?? []).length > 1) terms.add(segment.toLowerCase());
    }
    const slash = Math.max(lower.lastIndexOf('/'), lower.lastIndexOf('\\'));
    const fileName = lower.slice(slash + 1);
    if (slash >= 0 && fileName.includes('.')) terms.add(fileName);
  }
  for (const word of words) {
    const stem = stemWord(word.toLowerCase());
    if (stem) terms.add(stem);
  }
  return [...terms];
}
