// Expands a wildcard or fuzzy clause into the vocabulary terms it matches, with lunr's own
// automaton (`lunr.TokenSet.fromClause`) walked against a segment's sorted vocabulary — the same
// answer `lunr.Index` gets by intersecting two token sets, without building a token set of the
// whole vocabulary (which costs hundreds of megabytes at this scale).
import { clauseAutomaton, type TokenSetNode } from './lunr-parts';
import type { Vocabulary } from './vocabulary';

/** The automaton of a clause term: built once per query, walked in every segment. */
export type TermAutomaton = { kind: 'exact'; term: string } | { kind: 'prefix'; prefix: string } | { kind: 'automaton'; root: TokenSetNode };

const PLAIN_PREFIX = /^[^*]+\*$/;

export function termAutomaton(term: string, editDistance: number | undefined): TermAutomaton {
  if (editDistance === undefined || editDistance === 0) {
    if (!term.includes('*')) return { kind: 'exact', term };
    // `rout*` is every term that starts with "rout": a range of the sorted vocabulary.
    if (PLAIN_PREFIX.test(term)) return { kind: 'prefix', prefix: term.slice(0, -1) };
  }
  return { kind: 'automaton', root: clauseAutomaton(term, editDistance) };
}

/** Calls `visit` with the index of each vocabulary term the automaton accepts, in vocabulary order. */
export function expand(automaton: TermAutomaton, vocabulary: Vocabulary, visit: (index: number) => void): void {
  if (automaton.kind === 'exact') {
    const index = vocabulary.find(automaton.term);
    if (index >= 0) visit(index);
    return;
  }
  if (automaton.kind === 'prefix') {
    const [from, to] = vocabulary.prefixRange(automaton.prefix);
    for (let i = from; i < to; i++) visit(i);
    return;
  }
  const accepted: number[] = [];
  walk(automaton.root, vocabulary, accepted);
  accepted.sort((a, b) => a - b);
  for (const index of accepted) visit(index);
}

interface Frame {
  node: TokenSetNode;
  from: number;
  to: number;
  depth: number;
}

/**
 * Depth-first over (automaton state, vocabulary range sharing a prefix). A `*` edge follows every
 * next character present in the range; a literal edge narrows the range by binary search.
 */
function walk(root: TokenSetNode, vocabulary: Vocabulary, accepted: number[]): void {
  const seen = new Set<string>();
  const found = new Set<number>();
  const stack: Frame[] = [{ node: root, from: 0, to: vocabulary.size, depth: 0 }];
  while (stack.length > 0) {
    const { node, from, to, depth } = stack.pop()!;
    const key = `${node.id}:${from}:${depth}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // Sorted, so a term exactly as long as the prefix comes first in its range.
    const exactHere = from < to && vocabulary.termLength(from) === depth;
    if (exactHere && node.final && !found.has(from)) {
      found.add(from);
      accepted.push(from);
    }
    const start = exactHere ? from + 1 : from;
    for (const edge of Object.keys(node.edges)) {
      const next = node.edges[edge]!;
      if (edge === '*') {
        for (let i = start; i < to; ) {
          const code = vocabulary.charCodeAt(i, depth);
          const end = upperBoundAt(vocabulary, depth, code, i, to);
          stack.push({ node: next, from: i, to: end, depth: depth + 1 });
          i = end;
        }
      } else {
        const code = edge.charCodeAt(0);
        const lo = lowerBoundAt(vocabulary, depth, code, start, to);
        const hi = upperBoundAt(vocabulary, depth, code, lo, to);
        if (lo < hi) stack.push({ node: next, from: lo, to: hi, depth: depth + 1 });
      }
    }
  }
}

/** In [from, to), where every term is longer than `depth` and sorted, the first whose char at depth is >= code. */
function lowerBoundAt(vocabulary: Vocabulary, depth: number, code: number, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (vocabulary.charCodeAt(mid, depth) < code) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBoundAt(vocabulary: Vocabulary, depth: number, code: number, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (vocabulary.charCodeAt(mid, depth) <= code) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
