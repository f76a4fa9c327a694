// The code-aware tokenizer: splits text into tokens the way people search code. An identifier or a
// path is indexed whole and by its parts, so `dispatchRequest`, `snake_case_name`,
// `src/router/index.ts`, `Foo::bar` and `ERR_CODE_42` are each found whole and by any part.
// English words go through lunr's stop-word filter and stemmer; whole identifiers are not stemmed.
import lunr from 'lunr';

/**
 * A token: runs of letters, digits, `_` and `$`, joined by the punctuation code uses inside names
 * (`::`, `/`, `.`, `\`, `#`, `-`). Sentence punctuation and a single `:` (as in `file.ts:42`) end it.
 */
const TOKEN = /[\p{L}\p{N}_$]+(?:(?:::|[./\\#-])[\p{L}\p{N}_$]+)*/gu;
/** Where a token breaks into segments (`src/router/index.ts` -> `src`, `router`, `index`, `ts`). */
const JOINER = /::|[./\\#-]/;
/** Words inside a segment: camelCase, PascalCase, ACRONYMS, snake_case and digit runs. */
const SUBWORD = /[\p{Lu}\p{Lt}]+(?![\p{Ll}\p{Lo}\p{Lm}])|[\p{Lu}\p{Lt}]?[\p{Ll}\p{Lo}\p{Lm}]+|\p{N}+/gu;
const SIMPLE_WORD = /^[a-z]+$|^\d+$/;
/** Longer tokens are data (hashes, base64), not words anyone types. */
const MAX_TOKEN_LENGTH = 80;

const MAX_MEMO = 200_000;
const stems = new Map<string, string>();
const tokenTerms = new Map<string, readonly string[]>();

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

/**
 * The index terms one token stands for, memoized: a plain word gives its stem; an identifier or a
 * path gives itself (lowercased, unstemmed), its compound segments, its file name, and the stems of
 * its words.
 */
export function termsOf(raw: string): readonly string[] {
  let terms = tokenTerms.get(raw);
  if (terms === undefined) {
    terms = analyzeToken(raw);
    if (tokenTerms.size >= MAX_MEMO) tokenTerms.clear();
    tokenTerms.set(raw, terms);
  }
  return terms;
}

/** `termsOf` without the memo, for callers that keep their own (the segment builder). */
export function analyzeToken(raw: string): string[] {
  if (raw.length > MAX_TOKEN_LENGTH) return [];
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

/** How a query word's token matches: its whole term, or (for an identifier or path) all its words. */
export interface QueryToken {
  whole: string;
  /** Stems of the words of an identifier or path (`dispatch`, `request`); empty for a plain word. */
  words: string[];
  /** Other terms it stands for (compound segments, the file name): they add to the score only. */
  extras: string[];
}

export function queryToken(raw: string): QueryToken | null {
  const terms = termsOf(raw);
  if (terms.length === 0) return null;
  if (terms.length === 1) return { whole: terms[0]!, words: [], extras: [] };
  const words = new Set<string>();
  for (const word of raw.match(SUBWORD) ?? []) {
    const stem = stemWord(word.toLowerCase());
    if (stem) words.add(stem);
  }
  words.delete(terms[0]!);
  return { whole: terms[0]!, words: [...words], extras: terms.slice(1).filter((term) => !words.has(term)) };
}

/** Calls `visit` with every token of `text` and where it is, until it returns false. */
export function forEachToken(text: string, visit: (raw: string, start: number, end: number) => boolean | void): void {
  const token = new RegExp(TOKEN);
  for (let match = token.exec(text); match !== null; match = token.exec(text)) {
    if (visit(match[0], match.index, match.index + match[0].length) === false) return;
  }
}

/** Every index term of `text`, in order, with repeats (what an indexed field holds). */
export function termsOfText(text: string, visit: (term: string) => void): void {
  forEachToken(text, (raw) => {
    for (const term of termsOf(raw)) visit(term);
  });
}

/** The term a whole span stands for: a plain word's stem, else the lowercased span itself. */
function ownTerm(raw: string): string {
  const terms = termsOf(raw);
  return terms.length === 0 ? '' : SIMPLE_WORD.test(raw) || terms.length === 1 ? terms[0]! : raw.toLowerCase();
}

/** A stretch of a token to highlight, offsets relative to the token, and the term it matched. */
export type HighlightSpan = [from: number, to: number, term: string];

/**
 * What to highlight inside one token: the whole token when the query named it; else its segments
 * or file name (`index.ts` in a path) that were named; else the words that were (`Request` in
 * `dispatchRequest` when only `request` was searched).
 */
export function highlightSpans(raw: string, wanted: { has(term: string): boolean }): HighlightSpan[] {
  const terms = termsOf(raw);
  if (!terms.some((term) => wanted.has(term))) return [];
  const own = ownTerm(raw);
  if (wanted.has(own)) return [[0, raw.length, own]];
  const spans: HighlightSpan[] = [];
  const slash = Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\'));
  const fileName = raw.slice(slash + 1).toLowerCase();
  if (slash >= 0 && fileName.includes('.') && wanted.has(fileName)) return [[slash + 1, raw.length, fileName]];
  const joiner = new RegExp(JOINER.source, 'g');
  let start = 0;
  for (const match of [...raw.matchAll(joiner), null]) {
    const end = match ? match.index : raw.length;
    const segment = raw.slice(start, end).toLowerCase();
    if (segment && wanted.has(segment)) spans.push([start, end, segment]);
    else {
      for (const word of raw.slice(start, end).matchAll(SUBWORD)) {
        const stem = stemWord(word[0].toLowerCase());
        if (wanted.has(stem)) spans.push([start + word.index, start + word.index + word[0].length, stem]);
      }
    }
    start = match ? match.index + match[0].length : raw.length;
  }
  return spans;
}
