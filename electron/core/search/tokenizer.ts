// The code-aware tokenizer: splits text into tokens the way people search code. An identifier or a
// path is indexed whole and by its parts, so `dispatchRequest`, `snake_case_name`,
// `src/router/index.ts`, `Foo::bar` and `ERR_CODE_42` are each found whole and by any part.
// English words go through lunr's stop-word filter and stemmer; whole identifiers are not stemmed.
import { JOINER, SIMPLE_WORD, SUBWORD, analyzeToken, stemWord } from './token-analysis';

export { analyzeToken, stemWord } from './token-analysis';

/**
 * A token: runs of letters, digits, `_` and `$`, joined by the punctuation code uses inside names
 * (`::`, `/`, `.`, `\`, `#`, `-`). Sentence punctuation and a single `:` (as in `file.ts:42`) end it.
 */
const TOKEN = /[\p{L}\p{N}_$]+(?:(?:::|[./\\#-])[\p{L}\p{N}_$]+)*/gu;

const MAX_MEMO = 200_000;
const tokenTerms = new Map<string, readonly string[]>();

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

/** For `tokenAt`, which calls nothing back, so one regular expression serves every call. */
const TOKEN_AT = new RegExp(TOKEN);

/**
 * The first token of `text` at or after `from` that ends after `at` (it may start after `at`), or
 * null: the token around a position, found without slicing the text.
 */
export function tokenAt(text: string, from: number, at: number): RegExpExecArray | null {
  TOKEN_AT.lastIndex = from;
  for (let match = TOKEN_AT.exec(text); match !== null; match = TOKEN_AT.exec(text)) {
    if (match.index + match[0].length > at) return match;
  }
  return null;
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
