// The parts of lunr 2.3 this index uses, typed: @types/lunr leaves out the query parser, clause
// presence and token-set internals, which are public in lunr's own documentation.
import lunr from 'lunr';

export const PRESENCE = { OPTIONAL: 1, REQUIRED: 2, PROHIBITED: 3 } as const;
export type Presence = (typeof PRESENCE)[keyof typeof PRESENCE];

/** A clause as lunr's QueryParser leaves it (after `Query.clause` filled in the defaults). */
export interface LunrClause {
  term: string;
  fields: string[];
  boost: number;
  usePipeline: boolean;
  presence: Presence;
  editDistance?: number;
}

export interface LunrQuery {
  clauses: LunrClause[];
  allFields: string[];
  isNegated(): boolean;
}

/** A node of lunr's token-set automaton. */
export interface TokenSetNode {
  id: number;
  final: boolean;
  edges: Record<string, TokenSetNode>;
}

interface LunrParts {
  Query: new (allFields: string[]) => LunrQuery;
  QueryParser: new (text: string, query: LunrQuery) => { parse(): LunrQuery };
  QueryParseError: new (...args: never[]) => Error;
  TokenSet: { fromClause(clause: { term: string; editDistance?: number }): TokenSetNode };
}

const parts = lunr as unknown as LunrParts;

/** Parses lunr query syntax into clauses; throws lunr's QueryParseError on a mistake. */
export function parseLunrQuery(text: string, fields: readonly string[]): LunrQuery {
  return new parts.QueryParser(text, new parts.Query([...fields])).parse();
}

export function isQueryParseError(error: unknown): error is Error & { start: number; end: number } {
  return error instanceof parts.QueryParseError;
}

/** lunr's automaton for a clause term: exact, with `*` wildcards, or within an edit distance. */
export function clauseAutomaton(term: string, editDistance: number | undefined): TokenSetNode {
  return parts.TokenSet.fromClause(editDistance === undefined ? { term } : { term, editDistance });
}
