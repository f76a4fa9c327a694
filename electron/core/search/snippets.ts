// Snippets: the stretch of a note where the query's words cluster, as plain text with highlight
// ranges (never markup, so nothing from a note can be rendered as HTML).
import type { Snippet, TextRange } from '../../../shared/contract/search';
import { excerptOf } from '../notebook/excerpt';
import { PRESENCE } from './lunr-parts';
import type { ParsedQuery } from './query-parser';
import type { TermMatcher } from './query-terms';
import { forEachToken, highlightSpans, tokenAt } from './tokenizer';

const SNIPPET_LENGTH = 220;
/** Share of the snippet shown before the first match. */
const LEAD = 0.3;
/** How far from a probe hit to look for the start of its token (longer tokens are not indexed). */
const TOKEN_REACH = 100;
const MAX_PROBES = 24;

/** The body of a note file: everything after the frontmatter block, if there is one. */
export function noteBody(fileText: string): string {
  const text = fileText.charCodeAt(0) === 0xfeff ? fileText.slice(1) : fileText;
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return text;
  const rest = text.slice(open[0].length);
  const end = /^---[ \t]*(?:\r?\n|$)/m.exec(rest);
  return end ? rest.slice(end.index + end[0].length) : text;
}

/**
 * Finds a query's words in texts. Where the query's words allow it, a single regular expression
 * of "probes" (text every highlighted token must contain) finds the candidates, and only those are
 * tokenized; a note is mostly words the query did not ask for.
 */
export class Highlighter {
  private readonly probe: RegExp | null;

  /**
   * @param terms the index terms the query matched
   * @param probes strings, any of which a highlighted token contains (lowercase), or null to read every token
   * @param goal how many different words the query has: a snippet holding that many cannot be beaten
   */
  constructor(
    private readonly terms: Pick<TermMatcher, 'has'> & Partial<Pick<TermMatcher, 'isWhole'>>,
    probes: readonly string[] | null,
    private readonly goal = Infinity,
  ) {
    this.probe = probes && probes.length > 0 ? new RegExp(probes.map(escapeRegExp).join('|'), 'giu') : null;
  }

  /** Every highlight in `text`, in order. */
  ranges(text: string): TextRange[] {
    return this.matches(text, Infinity).ranges;
  }

  /**
   * The best stretch of `body` for the query: the window holding the most different matched words,
   * earliest first. Without a match, the body's opening.
   */
  snippet(body: string): Snippet {
    const { ranges, best } = this.matches(body, this.goal);
    return ranges.length > 0 ? windowAround(body, ranges, best) : { text: excerptOf(body), highlights: [] };
  }

  private matches(text: string, goal: number): { ranges: TextRange[]; best: [number, number] } {
    const window = new DistinctWindow(text);

    const visit = (raw: string, start: number): boolean => {
      for (const [from, to, term] of highlightSpans(raw, this.terms)) window.add([start + from, start + to], this.terms.isWhole?.(term) ?? true);
      return window.wholeWords < goal;
    };
    if (!this.probe) {
      forEachToken(text, visit);
      return window;
    }
    const probe = this.probe;
    probe.lastIndex = 0;
    for (let hit = probe.exec(text); hit !== null; hit = probe.exec(text)) {
      // Tokenize just around the hit, from the whitespace before it, and visit the token holding it.
      const at = hit.index;
      const from = Math.max(text.lastIndexOf(' ', at), text.lastIndexOf('\n', at), at - TOKEN_REACH, 0);
      const token = tokenAt(text, from, at);
      if (token === null) continue;
      // A hit outside any token (in punctuation) highlights nothing.
      if (token.index <= at && !visit(token[0], token.index)) break;
      // The next probe hit can only matter in a later token.
      probe.lastIndex = Math.max(probe.lastIndex, token.index + token[0].length);
    }
    return window;
  }
}

/** What a query's highlighter needs: the terms it matched, and probes when its clauses give them. */
export function highlighterFor(query: ParsedQuery, matchedTerms: TermMatcher): Highlighter {
  const shown = query.clauses.filter((clause) => clause.presence !== PRESENCE.PROHIBITED);
  const goal = new Set(shown.map((clause) => clause.word.toLowerCase())).size;
  const probes = new Set<string>();
  // A stem may end differently from the word (retry -> retri): probe without its last letters.
  const probe = (term: string): string => (term.length > 4 ? term.slice(0, -2) : term);
  for (const clause of shown) {
    for (const automaton of clause.automata) {
      if (automaton.kind === 'exact') probes.add(probe(automaton.term));
      else if (automaton.kind === 'prefix') probes.add(automaton.prefix);
    }
  }
  // Wildcards and typos: the terms they matched are known, and usually few.
  for (const term of matchedTerms.expanded) probes.add(probe(term));
  return new Highlighter(matchedTerms, probes.size <= MAX_PROBES ? [...probes] : null, goal);
}

/**
 * Highlights so far, and the run of them fitting one snippet that shows the query best: the most
 * different words, where a whole match (`source/core/Ky.ts`) counts more than a part of one (`Ky`).
 */
class DistinctWindow {
  readonly ranges: TextRange[] = [];
  best: [number, number] = [0, 0];
  /** Different words matched whole in the best window. */
  wholeWords = 0;
  private bestScore = 0;
  private first = 0;
  private readonly whole: boolean[] = [];
  private readonly inWindow = new Map<string, number>();
  private readonly wholeInWindow = new Map<string, number>();

  constructor(private readonly text: string) {}

  add(range: TextRange, whole: boolean): void {
    this.ranges.push(range);
    this.whole.push(whole);
    const word = this.word(range);
    increment(this.inWindow, word, 1);
    if (whole) increment(this.wholeInWindow, word, 1);
    while (range[1] - this.ranges[this.first]![0] > SNIPPET_LENGTH) {
      const gone = this.word(this.ranges[this.first]!);
      increment(this.inWindow, gone, -1);
      if (this.whole[this.first]) increment(this.wholeInWindow, gone, -1);
      this.first++;
    }
    const score = this.inWindow.size + this.wholeInWindow.size;
    if (score > this.bestScore) {
      this.bestScore = score;
      this.wholeWords = this.wholeInWindow.size;
      this.best = [this.first, this.ranges.length - 1];
    }
  }

  private word([from, to]: TextRange): string {
    return this.text.slice(from, to).toLowerCase();
  }
}

function increment(counts: Map<string, number>, key: string, by: number): void {
  const count = (counts.get(key) ?? 0) + by;
  if (count === 0) counts.delete(key);
  else counts.set(key, count);
}

function windowAround(text: string, ranges: TextRange[], [first, last]: [number, number]): Snippet {
  const clusterStart = ranges[first]![0];
  const clusterEnd = ranges[last]![1];
  const room = Math.max(0, SNIPPET_LENGTH - (clusterEnd - clusterStart));
  let start = Math.max(0, clusterStart - Math.round(room * LEAD));
  let end = Math.min(text.length, Math.max(clusterEnd, start + SNIPPET_LENGTH));
  if (end === text.length) start = Math.max(0, Math.min(start, end - SNIPPET_LENGTH));
  // Cut at word boundaries, never inside a highlight: after the first space in the lead, before
  // the last word that the end would cut.
  if (start > 0) {
    for (let i = start; i < clusterStart; i++) {
      if (isSpace(text.charCodeAt(i))) {
        start = i + 1;
        break;
      }
    }
  }
  if (end < text.length) {
    for (let i = end - 1; i >= clusterEnd; i--) {
      if (isSpace(text.charCodeAt(i))) {
        end = i;
        break;
      }
    }
  }
  return compact(text, start, end, ranges.filter(([from, to]) => from >= start && to <= end));
}

/** Whitespace as `\s` has it. */
function isSpace(code: number): boolean {
  return (code >= 9 && code <= 13) || code === 32 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * Collapses whitespace and drops Markdown syntax as a reader of the rendered note never sees it
 * (code marks and fences, star emphasis, strike marks, heading and quote marks, table rules; a
 * table's cell borders become ` · `), moving the highlight ranges along. Underscores are always
 * kept: in agents' notes they are far more often identifiers (`tool_result`, `this._retry`) than
 * emphasis. Code spans keep every character but their backticks.
 */
function compact(text: string, start: number, end: number, ranges: TextRange[]): Snippet {
  let out = start > 0 ? '…' : '';
  // Where each highlight's ends land in `out`: ranges are in text order, so their ends are met in order.
  const ends: number[] = [];
  for (const [from, to] of ranges) ends.push(from, to);
  const moved: number[] = new Array<number>(ends.length);
  let next = 0;
  let pendingSpace = false;
  let pendingCell = false;
  let inCode = false;
  let fence = false;
  // Runs of kept characters are copied as slices, not one character at a time.
  let runStart = start;
  for (let i = start; i < end; i++) {
    const char = text.charCodeAt(i);
    // A code fence's line (```ts) is syntax, its language name included.
    if (char === BACKTICK && !fence && text.startsWith('```', i) && atLineStart(text, i)) fence = true;
    if (char === NEWLINE) fence = false;
    if (char === BACKTICK && !fence) inCode = !inCode;
    const syntax = fence || char === BACKTICK || char === SPACE || char === NEWLINE || char === TAB || char === RETURN ? 'space' : inCode ? 'keep' : markdownSyntax(text, i, char);
    if (syntax !== 'keep') {
      while (next < ends.length && ends[next] === i) moved[next++] = out.length + (i - runStart);
      out += text.slice(runStart, i);
      runStart = i + 1;
      if (syntax === 'cell') pendingCell = out.length > 0;
      else if (char !== BACKTICK && syntax === 'space') pendingSpace = out.length > 0;
      if (char === NEWLINE) inCode = false;
      continue;
    }
    if (pendingCell || pendingSpace) {
      // Nothing is pending in the run here: a space or syntax just ended it.
      out += pendingCell && !out.endsWith(' · ') ? (out.endsWith(' ') ? '· ' : ' · ') : ' ';
      pendingSpace = false;
      pendingCell = false;
    }
    while (next < ends.length && ends[next] === i) moved[next++] = out.length + (i - runStart);
  }
  out += text.slice(runStart, end);
  while (next < ends.length) moved[next++] = out.length;
  if (end < text.length) out += '…';
  const highlights: TextRange[] = [];
  for (let r = 0; r < ranges.length; r++) highlights.push([moved[r * 2]!, moved[r * 2 + 1]!]);
  return { text: out, highlights };
}

/** What a character outside code is to a reader: text, syntax to drop, or a table cell's border. */
function markdownSyntax(text: string, i: number, char: number): 'keep' | 'drop' | 'cell' {
  switch (char) {
    case STAR:
    case TILDE:
      // Emphasis and strike marks touch a word; `2 * 3` keeps its star.
      return isSpaceAt(text, i - 1) && isSpaceAt(text, i + 1) ? 'keep' : 'drop';
    case HASH:
    case GREATER:
      return atLineStart(text, i) ? 'drop' : 'keep';
    case PIPE:
      return 'cell';
    case DASH:
    case COLON:
      // A table's rule row (`|---|:--:|`) is all syntax.
      return inTableRule(text, i) ? 'drop' : 'keep';
    default:
      return 'keep';
  }
}

function isSpaceAt(text: string, i: number): boolean {
  return i < 0 || i >= text.length || isSpace(text.charCodeAt(i));
}

/** Only spaces (or heading and quote marks) between the line's start and `i`. */
function atLineStart(text: string, i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const code = text.charCodeAt(j);
    if (code === NEWLINE) return true;
    if (code !== SPACE && code !== TAB && code !== HASH && code !== GREATER) return false;
  }
  return true;
}

function inTableRule(text: string, i: number): boolean {
  const from = text.lastIndexOf('\n', i) + 1;
  const to = text.indexOf('\n', i);
  const line = text.slice(from, to === -1 ? text.length : to);
  return /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(line);
}

const BACKTICK = 0x60;
const STAR = 0x2a;
const TILDE = 0x7e;
const HASH = 0x23;
const GREATER = 0x3e;
const PIPE = 0x7c;
const DASH = 0x2d;
const COLON = 0x3a;
const SPACE = 0x20;
const NEWLINE = 0x0a;
const TAB = 0x09;
const RETURN = 0x0d;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
