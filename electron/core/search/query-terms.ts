// The terms a query touches, numbered across segments: a term every segment has gets one number,
// so its document frequency and its place in the query vector are the index's, not a segment's.
// `rout*` expands to some 30,000 terms on 10,000 notes (most are code identifiers that occur in
// one note), so terms are matched by the hash of their text each segment stores, into typed
// arrays sized up front: no string, Map entry or array growth per term.
import { FIELD_COUNT } from './fields';
import { PRESENCE } from './lunr-parts';
import type { ParsedQuery } from './query-parser';
import type { Segment } from './segment';
import { expand } from './term-expansion';

/**
 * Which terms a snippet highlights: the query's exact terms and prefixes, and the terms its
 * wildcards and fuzzy words matched. Parts of a query identifier (`ky` of `source/core/Ky.ts`) are
 * highlighted too, but a snippet prefers the whole.
 */
export class TermMatcher {
  readonly exact = new Set<string>();
  readonly parts = new Set<string>();
  readonly prefixes: string[] = [];
  readonly expanded = new Set<string>();

  has(term: string): boolean {
    return this.isWhole(term) || this.parts.has(term);
  }

  /** A term the query named as a whole word (not as a part of an identifier). */
  isWhole(term: string): boolean {
    return this.exact.has(term) || this.expanded.has(term) || this.prefixes.some((prefix) => term.startsWith(prefix));
  }
}

/** The vocabulary entries one clause automaton matched in one segment: a range, or a list. */
interface Matched {
  clause: number;
  automaton: number;
  segment: number;
  from: number;
  to: number;
  list: number[] | null;
}

export class QueryTerms {
  /** How many distinct terms. */
  count = 0;
  /** `boosts[g * FIELD_COUNT + f]`: term g's weight in field f's query vector. */
  readonly boosts: Float64Array;
  /** Per segment, the term numbers found there and their vocabulary indexes, side by side. */
  readonly foundTerms: Int32Array[];
  readonly foundIndexes: Int32Array[];
  /** Per clause, its term numbers. */
  readonly ofClause: Int32Array[];
  /** Per clause and automaton of the clause, its term numbers (for `+` and `-`). */
  readonly ofAutomaton: Int32Array[][];
  readonly matcher = new TermMatcher();

  constructor(segments: readonly Segment[], query: ParsedQuery) {
    const matched = this.expandAll(segments, query);
    const entries = matched.reduce((sum, m) => sum + (m.list ? m.list.length : m.to - m.from), 0);
    const perSegment = new Int32Array(segments.length);
    for (const m of matched) perSegment[m.segment]! += m.list ? m.list.length : m.to - m.from;
    this.foundTerms = Array.from(perSegment, (size) => new Int32Array(size));
    this.foundIndexes = Array.from(perSegment, (size) => new Int32Array(size));
    const foundCount = new Int32Array(segments.length);
    const clauseTerms = query.clauses.map(() => new Int32Array(entries));
    const clauseCount = new Int32Array(query.clauses.length);
    // Per clause automaton (numbered a + clause offset), room for every entry it matched.
    const automatonBase = query.clauses.map((_clause, c) => query.clauses.slice(0, c).reduce((sum, clause) => sum + clause.automata.length, 0));
    const automatonRoom = new Int32Array(query.clauses.reduce((sum, clause) => sum + clause.automata.length, 0));
    for (const m of matched) automatonRoom[automatonBase[m.clause]! + m.automaton]! += m.list ? m.list.length : m.to - m.from;
    const automatonTerms = Array.from(automatonRoom, (room) => new Int32Array(room));
    const automatonCount = new Int32Array(automatonRoom.length);
    const inClause = new Int32Array(entries).fill(-1);
    const inAutomaton = new Int32Array(entries).fill(-1);
    const table = new TermTable(segments, entries);

    for (const m of matched) {
      const vocabulary = segments[m.segment]!.terms;
      const clause = query.clauses[m.clause]!;
      const spell = clause.presence !== PRESENCE.PROHIBITED && clause.automata[m.automaton]!.kind === 'automaton';
      const automaton = automatonBase[m.clause]! + m.automaton;
      const count = m.list ? m.list.length : m.to - m.from;
      for (let k = 0; k < count; k++) {
        const index = m.list ? m.list[k]! : m.from + k;
        const g = table.number(m.segment, index);
        const at = foundCount[m.segment]!++;
        this.foundTerms[m.segment]![at] = g;
        this.foundIndexes[m.segment]![at] = index;
        if (inClause[g] !== m.clause) {
          inClause[g] = m.clause;
          clauseTerms[m.clause]![clauseCount[m.clause]!++] = g;
        }
        if (inAutomaton[g] !== automaton) {
          inAutomaton[g] = automaton;
          automatonTerms[automaton]![automatonCount[automaton]!++] = g;
        }
        if (spell) this.matcher.expanded.add(vocabulary.term(index));
      }
    }
    this.count = table.count;
    this.ofClause = clauseTerms.map((terms, c) => terms.subarray(0, clauseCount[c]));
    this.ofAutomaton = query.clauses.map((clause, c) =>
      clause.automata.map((_automaton, a) => automatonTerms[automatonBase[c]! + a]!.subarray(0, automatonCount[automatonBase[c]! + a])),
    );
    this.boosts = new Float64Array(this.count * FIELD_COUNT);
    query.clauses.forEach((clause, c) => {
      if (clause.presence === PRESENCE.PROHIBITED) return;
      const terms = this.ofClause[c]!;
      for (const field of clause.fields) for (let i = 0; i < terms.length; i++) this.boosts[terms[i]! * FIELD_COUNT + field]! += clause.boost;
    });
  }

  /** Every clause automaton in every segment: ranges for prefixes, lists for the rest. */
  private expandAll(segments: readonly Segment[], query: ParsedQuery): Matched[] {
    const matched: Matched[] = [];
    query.clauses.forEach((clause, c) => {
      const shown = clause.presence !== PRESENCE.PROHIBITED;
      const wholes = new Set(clause.tokens.map((token) => token.whole));
      clause.automata.forEach((automaton, a) => {
        if (shown && automaton.kind === 'exact') (wholes.has(a) ? this.matcher.exact : this.matcher.parts).add(automaton.term);
        if (shown && automaton.kind === 'prefix') this.matcher.prefixes.push(automaton.prefix);
        segments.forEach((segment, s) => {
          if (automaton.kind === 'prefix') {
            const [from, to] = segment.terms.prefixRange(automaton.prefix);
            if (to > from) matched.push({ clause: c, automaton: a, segment: s, from, to, list: null });
            return;
          }
          const list: number[] = [];
          expand(automaton, segment.terms, (index) => list.push(index));
          if (list.length > 0) matched.push({ clause: c, automaton: a, segment: s, from: 0, to: 0, list });
        });
      });
    });
    return matched;
  }
}

/**
 * Numbers terms by their text, read in place: an open-addressing table on an FNV-1a hash of the
 * characters, whose rare collisions are told apart by comparing the texts.
 */
class TermTable {
  count = 0;
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly homeSegment: Int32Array;
  private readonly homeIndex: Int32Array;
  private readonly hashes: Int32Array;

  constructor(
    private readonly segments: readonly Segment[],
    capacity: number,
  ) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    this.homeSegment = new Int32Array(capacity);
    this.homeIndex = new Int32Array(capacity);
    this.hashes = new Int32Array(capacity);
  }

  /** The number of the term at `index` in segment `segment`: the one it already has, or a new one. */
  number(segment: number, index: number): number {
    const vocabulary = this.segments[segment]!.terms;
    // The hash was computed when the segment was built.
    const hash = vocabulary.hashes[index]! | 0;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const g = this.slots[slot]!;
      if (g < 0) {
        const fresh = this.count++;
        this.slots[slot] = fresh;
        this.homeSegment[fresh] = segment;
        this.homeIndex[fresh] = index;
        this.hashes[fresh] = hash;
        return fresh;
      }
      if (this.hashes[g] === hash && this.segments[this.homeSegment[g]!]!.terms.compareWith(this.homeIndex[g]!, vocabulary, index) === 0) return g;
    }
  }
}
