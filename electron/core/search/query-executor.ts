// Runs a parsed query over the segments with lunr's semantics (see `lunr.Index#query`): clause
// terms expand through the vocabulary; each field gets a query vector of boosts; a note's score is
// the sum over fields of (query vector · the note's BM25 term weights) / |query vector|; `+` terms
// must match, `-` terms must not, and a query of only `-` terms matches everything else.
// The one difference is on purpose: BM25 weights are computed from the index's current statistics
// at query time instead of being baked into stored field vectors, so segments built at different
// times rank as one index, and the index never stores a vector per note and field.
import type { SearchFacets, SearchSort } from '../../../shared/contract/search';
import { BM25, FIELD_BOOSTS, FIELD_COUNT, FIELDS } from './fields';
import { FacetCounter, isUnfiltered, type NoteFilter } from './filters';
import { PRESENCE } from './lunr-parts';
import type { ParsedQuery } from './query-parser';
import { blockBuffer, emptyPosting, type Segment } from './segment';
import { QueryTerms, TermMatcher } from './query-terms';
import { TopNotes } from './top-notes';

export interface ScoredNote {
  segment: Segment;
  note: number;
  score: number;
}

export interface QueryOutcome {
  /** How many notes match and pass the filters. */
  total: number;
  /** The best `keep` of them, in the requested order. */
  top: ScoredNote[];
  facets: SearchFacets;
  /** Which index terms the query matched (not the `-not` ones): what snippets highlight. */
  matched: TermMatcher;
}

const BOOSTS = FIELDS.map((field) => FIELD_BOOSTS[field]);

/**
 * Scores the notes that match, keeps the best `keep`, and counts the facets of all that match
 * unless `facets` is false (then a query without filters never looks at a note's facts).
 */
export function runQuery(segments: readonly Segment[], query: ParsedQuery, filter: NoteFilter, sort: SearchSort, keep: number, facets = true): QueryOutcome {
  const counter = new FacetCounter(filter, facets);
  const filtering = facets || !isUnfiltered(filter);
  const top = new TopNotes(keep, sort);
  let matched = new TermMatcher();
  const outcome = (): QueryOutcome => ({ total: top.total, top: top.best(), facets: counter.facets(), matched });
  let noteCount = 0;
  const averageLength = new Float64Array(FIELD_COUNT);
  for (const segment of segments) {
    noteCount += segment.liveCount;
    for (let field = 0; field < FIELD_COUNT; field++) averageLength[field]! += segment.liveFieldLength(field);
  }
  if (noteCount === 0 || query.clauses.length === 0) return outcome();
  for (let field = 0; field < FIELD_COUNT; field++) averageLength[field]! /= noteCount;

  const terms = new QueryTerms(segments, query);
  matched = terms.matcher;
  // A required word the index does not have at all: nothing can match (as in lunr).
  const absent = (c: number, a: number): boolean => terms.ofAutomaton[c]![a]!.length === 0;
  const impossible = query.clauses.some(
    (clause, c) =>
      clause.presence === PRESENCE.REQUIRED &&
      clause.tokens.some((token) => absent(c, token.whole) && (token.words.length === 0 || token.words.some((word) => absent(c, word)))),
  );
  if (impossible) return outcome();

  const termCount = terms.count;
  const magnitude = new Float64Array(FIELD_COUNT);
  const boosts = terms.boosts;
  for (let g = 0; g < termCount; g++) {
    for (let field = 0; field < FIELD_COUNT; field++) magnitude[field]! += boosts[g * FIELD_COUNT + field]! * boosts[g * FIELD_COUNT + field]!;
  }
  for (let field = 0; field < FIELD_COUNT; field++) magnitude[field] = Math.sqrt(magnitude[field]!);
  const idf = inverseDocumentFrequencies(segments, terms, noteCount);

  const requiredCount = query.clauses.filter((clause) => clause.presence === PRESENCE.REQUIRED).length;
  const posting = emptyPosting();
  const k = BM25.k1 * (1 - BM25.b);
  const kLength = averageLength.map((average) => (average > 0 ? (BM25.k1 * BM25.b) / average : 0));
  const scored = new Uint8Array(termCount);
  const blocks = blockBuffer();

  for (let s = 0; s < segments.length; s++) {
    const segment = segments[s]!;
    const size = segment.size;
    const { scores, hit } = scratch.forNotes(size);
    scored.fill(0);
    const foundTerms = terms.foundTerms[s]!;
    const foundIndexes = terms.foundIndexes[s]!;
    const fieldLengths = segment.fieldLengths;
    for (let i = 0; i < foundTerms.length; i++) {
      const g = foundTerms[i]!;
      if (scored[g]) continue;
      scored[g] = 1;
      const idfWeight = idf[g]! * (BM25.k1 + 1);
      const found = segment.blocksOf(foundIndexes[i]!, blocks);
      for (let b = 0; b < found; b++) {
        const field = blocks[b * 3]!;
        const count = blocks[b * 3 + 1]!;
        const boost = boosts[g * FIELD_COUNT + field]!;
        if (boost === 0) continue;
        const queryWeight = boost / magnitude[field]!;
        const fieldBoost = BOOSTS[field]!;
        const lengthWeight = kLength[field]!;
        segment.decode(blocks[b * 3 + 2]!, count, posting);
        const notes = posting.notes;
        const frequencies = posting.frequencies;
        for (let p = 0; p < count; p++) {
          const note = notes[p]!;
          const frequency = frequencies[p]!;
          const length = fieldLengths[note * FIELD_COUNT + field]!;
          // lunr rounds each stored weight to three decimals; so do we, to rank as it does.
          const weight = Math.round(((idfWeight * frequency) / (k + lengthWeight * length + frequency)) * fieldBoost * 1000) / 1000;
          scores[note]! += queryWeight * weight;
          hit[note] = 1;
        }
      }
    }

    const { required, prohibited } = requiredAndProhibited(segment, s, query, terms, requiredCount);
    const deleted = segment.deleted;
    const negated = query.negated;
    if (filtering) counter.begin(segment);
    // Without filters every match passes: its facets are counted in one pass after the loop.
    const perNote = filtering && !counter.unfiltered;
    const matches = facets && !perNote ? scratch.matches(size) : null;
    let matched = 0;
    for (let note = 0; note < size; note++) {
      if (deleted[note] || (prohibited && prohibited[note])) continue;
      if (!negated && !hit[note]) continue;
      if (required && required[note] !== requiredCount) continue;
      if (perNote && !counter.accept(note)) continue;
      if (matches) matches[matched++] = note;
      top.offer(segment, note, negated ? 0 : scores[note]!);
    }
    if (matches) counter.countAll(matches, matched);
  }
  return outcome();
}

/**
 * Per note of one segment: how many `+` clauses it has, and whether it has a `-` clause. A clause
 * is present when each of its tokens is: its whole term, or all the words of an identifier
 * (`+dispatchRequest` takes `dispatchRequest` or `dispatch … request`, not a lone `request`).
 */
function requiredAndProhibited(segment: Segment, s: number, query: ParsedQuery, terms: QueryTerms, requiredCount: number) {
  const required = requiredCount > 0 ? new Uint16Array(segment.size) : null;
  // Most queries have neither `+` nor `-` clauses: nothing to allocate per note then.
  const prohibited = query.clauses.some((clause) => clause.presence === PRESENCE.PROHIBITED) ? new Uint8Array(segment.size) : null;
  if (!query.clauses.some((clause) => clause.presence !== PRESENCE.OPTIONAL)) return { required, prohibited };
  const indexIn = new Map<number, number>();
  const foundTerms = terms.foundTerms[s]!;
  for (let i = 0; i < foundTerms.length; i++) indexIn.set(foundTerms[i]!, terms.foundIndexes[s]![i]!);
  const posting = emptyPosting();
  const blocks = blockBuffer();
  query.clauses.forEach((clause, c) => {
    if (clause.presence === PRESENCE.OPTIONAL) return;
    // Which notes have each of the clause's terms, in the clause's fields.
    const has = clause.automata.map((_automaton, a) => {
      const marks = new Uint8Array(segment.size);
      for (const g of terms.ofAutomaton[c]![a]!) {
        const index = indexIn.get(g);
        if (index === undefined) continue;
        const found = segment.blocksOf(index, blocks);
        for (let b = 0; b < found; b++) {
          if (!clause.fields.includes(blocks[b * 3]!)) continue;
          segment.decode(blocks[b * 3 + 2]!, blocks[b * 3 + 1]!, posting);
          for (let p = 0; p < posting.count; p++) marks[posting.notes[p]!] = 1;
        }
      }
      return marks;
    });
    for (let note = 0; note < segment.size; note++) {
      const present = clause.tokens.every(
        (token) => has[token.whole]![note] === 1 || (token.words.length > 0 && token.words.every((word) => has[word]![note] === 1)),
      );
      if (!present) continue;
      if (clause.presence === PRESENCE.PROHIBITED) prohibited![note] = 1;
      else required![note]! += 1;
    }
  });
  return { required, prohibited };
}

/**
 * lunr's idf: log(1 + |(N - df + 0.5) / (df + 0.5)|), where df counts (note, field) pairs that
 * hold the term, over the notes not deleted.
 */
function inverseDocumentFrequencies(segments: readonly Segment[], terms: QueryTerms, noteCount: number): Float64Array {
  const frequency = new Float64Array(terms.count);
  const counted = new Uint8Array(terms.count);
  const posting = emptyPosting();
  const blocks = blockBuffer();
  segments.forEach((segment, s) => {
    counted.fill(0);
    const foundTerms = terms.foundTerms[s]!;
    for (let i = 0; i < foundTerms.length; i++) {
      const g = foundTerms[i]!;
      if (counted[g]) continue;
      counted[g] = 1;
      const found = segment.blocksOf(terms.foundIndexes[s]![i]!, blocks);
      for (let b = 0; b < found; b++) {
        const count = blocks[b * 3 + 1]!;
        if (segment.deletedCount === 0) {
          frequency[g]! += count;
          continue;
        }
        segment.decode(blocks[b * 3 + 2]!, count, posting);
        for (let p = 0; p < count; p++) if (!segment.deleted[posting.notes[p]!]) frequency[g]!++;
      }
    }
  });
  for (let g = 0; g < frequency.length; g++) {
    const df = frequency[g]!;
    frequency[g] = Math.log(1 + Math.abs((noteCount - df + 0.5) / (df + 0.5)));
  }
  return frequency;
}

/**
 * Per-note score and hit arrays, kept between queries instead of allocated per segment and query
 * (garbage in proportion to the notebook, ~90 KB a query at 10,000 notes). Queries run one at a
 * time, and each segment's use ends before the next one's begins.
 */
class NoteScratch {
  private scores = new Float64Array(0);
  private hit = new Uint8Array(0);
  private matched = new Int32Array(0);

  /** Room for the numbers of `size` notes (not zeroed). */
  matches(size: number): Int32Array {
    if (this.matched.length < size) this.matched = new Int32Array(size);
    return this.matched;
  }

  /** Zeroed arrays for `size` notes (views of the kept ones). */
  forNotes(size: number): { scores: Float64Array; hit: Uint8Array } {
    if (this.scores.length < size) {
      this.scores = new Float64Array(size);
      this.hit = new Uint8Array(size);
    }
    const scores = this.scores.subarray(0, size);
    const hit = this.hit.subarray(0, size);
    scores.fill(0);
    hit.fill(0);
    return { scores, hit };
  }
}

const scratch = new NoteScratch();
