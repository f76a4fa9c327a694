// The terms a query touches, numbered across segments. Each clause expands in each segment to a
// sorted run of vocabulary entries; merging the runs (as a k-way merge of sorted lists) gives each
// distinct term one number without hashing its text — `rout*` expands to some 30,000 terms on
// 10,000 notes, and most of them are code identifiers that occur once.
import { FIELD_COUNT } from './fields';
import { PRESENCE } from './lunr-parts';
import type { ParsedQuery } from './query-parser';
import type { Segment } from './segment';
import { expand } from './term-expansion';
import type { Vocabulary } from './vocabulary';

/** One clause's matches in one segment: vocabulary indexes, ascending. */
interface Run {
  clause: number;
  automaton: number;
  segment: number;
  vocabulary: Vocabulary;
  /** The indexes, or null for the range from, from + 1, … (a prefix). */
  list: number[] | null;
  from: number;
  length: number;
  at: number;
  /** Keep the texts of this run's terms (for highlighting wildcard and fuzzy matches). */
  spell: boolean;
}

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

export class QueryTerms {
  /** How many distinct terms. */
  count = 0;
  /** `boosts[g * FIELD_COUNT + f]`: term g's weight in field f's query vector. */
  boosts: Float64Array = new Float64Array(0);
  /** Per segment, (term number, vocabulary index) pairs. */
  readonly found: number[][];
  /** Per clause, its term numbers. */
  readonly ofClause: number[][];
  /** Per clause and automaton of the clause, its term numbers (for `+` and `-`). */
  readonly ofAutomaton: number[][][];
  readonly matcher = new TermMatcher();

  constructor(segments: readonly Segment[], query: ParsedQuery) {
    this.found = segments.map(() => []);
    this.ofClause = query.clauses.map(() => []);
    this.ofAutomaton = query.clauses.map((clause) => clause.automata.map(() => []));
    const runs: Run[] = [];
    query.clauses.forEach((clause, c) => {
      const shown = clause.presence !== PRESENCE.PROHIBITED;
      const wholes = new Set(clause.tokens.map((token) => token.whole));
      clause.automata.forEach((automaton, a) => {
        if (shown && automaton.kind === 'exact') (wholes.has(a) ? this.matcher.exact : this.matcher.parts).add(automaton.term);
        if (shown && automaton.kind === 'prefix') this.matcher.prefixes.push(automaton.prefix);
        segments.forEach((segment, s) => {
          const vocabulary = segment.terms;
          const run: Run = { clause: c, automaton: a, segment: s, vocabulary, list: null, from: 0, length: 0, at: 0, spell: shown && automaton.kind === 'automaton' };
          if (automaton.kind === 'prefix') {
            const [from, to] = vocabulary.prefixRange(automaton.prefix);
            run.from = from;
            run.length = to - from;
          } else {
            const list: number[] = [];
            expand(automaton, vocabulary, (index) => list.push(index));
            run.list = list;
            run.length = list.length;
          }
          if (run.length > 0) runs.push(run);
        });
      });
    });
    this.merge(runs);
    const boosts = new Float64Array(this.count * FIELD_COUNT);
    query.clauses.forEach((clause, c) => {
      if (clause.presence === PRESENCE.PROHIBITED) return;
      for (const g of this.ofClause[c]!) for (const field of clause.fields) boosts[g * FIELD_COUNT + field]! += clause.boost;
    });
    this.boosts = boosts;
  }

  /** Walks all runs in term order; equal terms (across segments and clauses) get one number. */
  private merge(runs: Run[]): void {
    const head = (run: Run): number => (run.list ? run.list[run.at]! : run.from + run.at);
    const compare = (a: Run, b: Run): number => a.vocabulary.compareWith(head(a), b.vocabulary, head(b));
    const heap = new RunHeap(compare);
    for (const run of runs) heap.push(run);
    const equal: Run[] = [];
    while (heap.size > 0) {
      const g = this.count++;
      equal.length = 0;
      equal.push(heap.pop());
      while (heap.size > 0 && compare(heap.peek(), equal[0]!) === 0) equal.push(heap.pop());
      for (let e = 0; e < equal.length; e++) {
        const run = equal[e]!;
        const index = head(run);
        this.found[run.segment]!.push(g, index);
        // A term is in each of its clauses' lists once, however many segments have it.
        let listed = false;
        for (let earlier = 0; earlier < e && !listed; earlier++) listed = equal[earlier]!.clause === run.clause;
        if (!listed) this.ofClause[run.clause]!.push(g);
        const ofAutomaton = this.ofAutomaton[run.clause]![run.automaton]!;
        if (ofAutomaton.at(-1) !== g) ofAutomaton.push(g);
        if (run.spell) this.matcher.expanded.add(run.vocabulary.term(index));
        run.at++;
        if (run.at < run.length) heap.push(run);
      }
    }
  }
}

class RunHeap {
  private readonly items: Run[] = [];

  constructor(private readonly compare: (a: Run, b: Run) => number) {}

  get size(): number {
    return this.items.length;
  }

  peek(): Run {
    return this.items[0]!;
  }

  push(run: Run): void {
    const items = this.items;
    items.push(run);
    let at = items.length - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (this.compare(items[parent]!, items[at]!) <= 0) break;
      [items[parent], items[at]] = [items[at]!, items[parent]!];
      at = parent;
    }
  }

  pop(): Run {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let at = 0;
      for (;;) {
        const left = at * 2 + 1;
        const right = left + 1;
        let least = at;
        if (left < items.length && this.compare(items[left]!, items[least]!) < 0) least = left;
        if (right < items.length && this.compare(items[right]!, items[least]!) < 0) least = right;
        if (least === at) break;
        [items[least], items[at]] = [items[at]!, items[least]!];
        at = least;
      }
    }
    return top;
  }
}
