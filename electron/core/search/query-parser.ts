// Reads what the user typed with lunr's query syntax — `+must -not field:term prefix* fuzzy~1
// term^2` — without ever throwing at them. Each word is checked first: a syntax mistake (`foo:`, a
// lone `+`, `title:`) becomes a short message and the rest is still searched; code (`Foo::bar`,
// `a^b`, `kebab-case`, `http://x`) is escaped so lunr reads it as a word. lunr's own QueryParser
// then decides presence, fields, boosts, wildcards and edit distance, as `lunr.Index#search` would.
import type { QueryMessage, SearchField } from '../../../shared/contract/search';
import { FIELD_ALIASES, FIELDS, FILTER_NAMES, type FilterName } from './fields';
import { isQueryParseError, parseLunrQuery, PRESENCE, type Presence } from './lunr-parts';
import { forEachToken, queryToken, type QueryToken } from './tokenizer';
import { termAutomaton, type TermAutomaton } from './term-expansion';

/** Edit distances above this make fuzzy matching slow and noisy (lunr advises below 3). */
const MAX_EDIT_DISTANCE = 2;

/** One clause, ready to run: lunr's semantics, with our analysis of its word. */
export interface SearchClause {
  /** The word as typed (without syntax), for messages and suggestions. */
  word: string;
  /** Field numbers (indexes into FIELDS) the clause searches. */
  fields: number[];
  boost: number;
  presence: Presence;
  /** One automaton per index term the word stands for (e.g. `dispatchRequest` -> whole, dispatch, request). */
  automata: TermAutomaton[];
  /**
   * When the clause counts as present in a note (for `+` and `-`): every token of the word is, and
   * a token is when its whole term is or all its words are. Numbers index `automata`.
   */
  tokens: Array<{ whole: number; words: number[] }>;
  /** A plain word (no wildcard or edit distance): a candidate for a fuzzy suggestion. */
  plain: boolean;
}

export interface ParsedQuery {
  clauses: SearchClause[];
  /** Filters written in the query, like `repo:ky`. */
  filters: Partial<Record<FilterName, string[]>>;
  messages: QueryMessage[];
  /** Only `-not` clauses: every note without those words matches (lunr's negated query). */
  negated: boolean;
}

interface Word {
  /** The word with lunr syntax, escaped where needed. */
  syntax: string;
  /** The word itself, original case, no syntax. */
  text: string;
}

const FIELD_PREFIX = /^([A-Za-z]+):(?!:)(.*)$/s;
const MODIFIERS = /^(.*?[^\\])((?:[~^]\d*)+)$/s;
/** Characters lunr's lexer reads as syntax inside a word; escaped so they stay part of it. */
const LEXER_SPECIAL = /[\\:~^+-]/g;

export function parseQuery(input: string): ParsedQuery {
  const messages: QueryMessage[] = [];
  const filters: Partial<Record<FilterName, string[]>> = {};
  const words: Word[] = [];
  for (const chunk of input.trim().split(/\s+/)) {
    if (chunk === '') continue;
    const word = readWord(chunk, messages, filters);
    if (word) words.push(word);
  }

  let lunrClauses;
  try {
    lunrClauses = parseLunrQuery(words.map((word) => word.syntax).join(' '), FIELDS).clauses;
  } catch (error) {
    // Our checks should leave nothing lunr rejects; if it still does, search the words plainly.
    const reason = isQueryParseError(error) ? error.message : String(error);
    messages.push({ code: 'SYNTAX', message: `Could not read the query's syntax (${reason}), so its words were searched as plain text.` });
    lunrClauses = parseLunrQuery(words.map((word) => escapeWord(word.text)).join(' '), FIELDS).clauses;
  }

  const clauses: SearchClause[] = [];
  lunrClauses.forEach((clause, index) => {
    // One lunr clause per word we passed, in order; lunr lowercases, so take the case from our word
    // (camelCase is how `dispatchRequest` splits into its parts).
    const text = words.length === lunrClauses.length ? words[index]!.text : clause.term;
    const editDistance = clause.editDistance === undefined ? undefined : Math.min(clause.editDistance, MAX_EDIT_DISTANCE);
    const automata: TermAutomaton[] = [];
    const tokens: SearchClause['tokens'] = [];
    const numbered = new Map<string, number>();
    const number = (term: string): number => {
      let at = numbered.get(term);
      if (at === undefined) {
        at = automata.push(termAutomaton(term, editDistance)) - 1;
        numbered.set(term, at);
      }
      return at;
    };
    for (const token of clause.usePipeline ? queryTokens(text) : [{ whole: clause.term, words: [], extras: [] }]) {
      tokens.push({ whole: number(token.whole), words: token.words.map(number) });
      token.extras.forEach(number);
    }
    if (tokens.length === 0) return;
    clauses.push({
      word: text,
      fields: clause.fields.map((field) => FIELDS.indexOf(field as SearchField)).filter((field) => field >= 0),
      boost: clause.boost,
      presence: clause.presence,
      automata,
      tokens,
      plain: clause.usePipeline && editDistance === undefined,
    });
  });

  if (clauses.length === 0 && words.length > 0 && messages.length === 0) {
    messages.push({ code: 'IGNORED', message: 'Those words are too common to search for. Add a more specific word.' });
  }
  const negated = clauses.length > 0 && clauses.every((clause) => clause.presence === PRESENCE.PROHIBITED);
  return { clauses, filters, messages, negated };
}

/** The tokens of a query word, analyzed as the notes' text is. */
export function queryTokens(word: string): QueryToken[] {
  const tokens: QueryToken[] = [];
  forEachToken(word, (raw) => {
    const token = queryToken(raw);
    if (token) tokens.push(token);
  });
  return tokens;
}

/** Every index term a query word stands for. */
export function queryTerms(word: string): string[] {
  return [...new Set(queryTokens(word).flatMap((token) => [token.whole, ...token.extras, ...token.words]))];
}

function readWord(chunk: string, messages: QueryMessage[], filters: Partial<Record<FilterName, string[]>>): Word | null {
  let rest = chunk;
  let presence = '';
  if (rest[0] === '+' || rest[0] === '-') {
    presence = rest[0];
    rest = rest.slice(1);
    if (rest === '' || rest === '+' || rest === '-') {
      messages.push({ code: 'SYNTAX', message: `A lone ${chunk} needs a word right after it, like ${presence}retry.` });
      return null;
    }
  }

  let field = '';
  const prefixed = FIELD_PREFIX.exec(rest);
  if (prefixed && !prefixed[2]!.startsWith('/')) {
    const name = prefixed[1]!.toLowerCase();
    const value = prefixed[2]!;
    const alias = FIELD_ALIASES[name];
    if (alias || isFilterName(name)) {
      if (value === '') {
        messages.push({ code: 'SYNTAX', message: `${name}: needs a word right after it, like ${name}:${alias ? 'router' : 'ky'}.` });
        return null;
      }
      if (!alias) {
        if (presence === '-') messages.push({ code: 'IGNORED', message: `Filters cannot be negated, so ${chunk} was left out.` });
        else (filters[name as FilterName] ??= []).push(value);
        return null;
      }
      field = `${alias}:`;
      rest = value;
    } else if (value === '') {
      messages.push({ code: 'UNKNOWN_FIELD', message: `${name} is not a field, so “${name}” was searched as a word. ${FIELD_HELP}` });
      rest = name;
    } else {
      messages.push({ code: 'UNKNOWN_FIELD', message: `${name} is not a field, so “${rest}” was searched as text. ${FIELD_HELP}` });
    }
  }

  let modifiers = '';
  const modified = MODIFIERS.exec(rest);
  if (modified) {
    rest = modified[1]!;
    for (const [, sign, digits] of modified[2]!.matchAll(/([~^])(\d*)/g)) {
      if (sign === '~') {
        const distance = digits === '' ? 1 : Number(digits);
        if (digits === '') messages.push({ code: 'SYNTAX', message: `~ takes the number of typos to allow, like ${rest}~1; searched with ~1.` });
        if (distance > MAX_EDIT_DISTANCE) messages.push({ code: 'SYNTAX', message: `At most ${MAX_EDIT_DISTANCE} typos are allowed (${rest}~${MAX_EDIT_DISTANCE}).` });
        modifiers += `~${Math.min(distance, MAX_EDIT_DISTANCE)}`;
      } else if (digits === '') {
        messages.push({ code: 'SYNTAX', message: `^ takes a weight, like ${rest}^10; the weight was left out.` });
      } else {
        modifiers += `^${digits}`;
      }
    }
  }

  if (/^\**$/.test(rest)) {
    messages.push({ code: 'SYNTAX', message: `A lone * would match every word. Put letters before it, like rout*.` });
    return null;
  }
  return { syntax: presence + field + escapeWord(rest) + modifiers, text: rest };
}

const FIELD_HELP = `Fields: ${FIELDS.join(', ')}; filters: ${FILTER_NAMES.join(', ')}.`;

function isFilterName(name: string): name is FilterName {
  return (FILTER_NAMES as readonly string[]).includes(name);
}

/** Escapes what lunr's lexer would read as syntax; `*` stays a wildcard. */
function escapeWord(word: string): string {
  return word.replace(LEXER_SPECIAL, (char) => `\\${char}`);
}
