// The note file format: YAML frontmatter between `---` lines, then the Markdown body. Splitting a
// file keeps the exact frontmatter text and body, so a rewrite changes only what was patched.
import matter from 'gray-matter';
import yaml from 'js-yaml';
import { FRONTMATTER_ORDER } from '../../../shared/model/note';

/** A note file split into its parts. */
export interface SplitNote {
  /** True when the file starts with a frontmatter block. */
  hasFrontmatter: boolean;
  /** The parsed YAML, exactly as read: unknown keys and key order kept. */
  data: Record<string, unknown>;
  /** Everything before the body (delimiters included), byte for byte; '' without frontmatter. */
  head: string;
  /** The Markdown body, byte for byte. */
  body: string;
}

/** Why a frontmatter block could not be read; `code` is the note problem code. */
export class FrontmatterError extends Error {
  constructor(
    readonly code: 'BAD_YAML' | 'NOT_YAML' | 'BAD_FRONTMATTER',
    message: string,
  ) {
    super(message);
  }
}

/** Expanded YAML nodes allowed in one frontmatter: aliases can make a tiny file expand enormously. */
const MAX_NODES = 20_000;

const refuseLanguage = (name: string) => () => {
  throw new FrontmatterError('NOT_YAML', `The frontmatter is marked as ${name}; Fieldnotes reads only YAML frontmatter.`);
};

/**
 * YAML's core schema: no timestamp type, so `reviewed: 2026-11-21` stays the text it was (the
 * default schema turns it into a Date that writes back as `2026-11-21T00:00:00.000Z`). Parsing and
 * writing use the same schema, so what Fieldnotes does not know round-trips unchanged.
 */
const SCHEMA = yaml.CORE_SCHEMA;

/**
 * gray-matter evaluates `---js` frontmatter as JavaScript. Notes are untrusted input, so every
 * engine but YAML is replaced by one that refuses. Passing options also turns off gray-matter's
 * cache, which would otherwise keep every string it ever parsed.
 */
const MATTER_OPTIONS = {
  language: 'yaml',
  engines: {
    yaml: (text: string) => yaml.safeLoad(text, { schema: SCHEMA }) as object,
    javascript: refuseLanguage('JavaScript'),
    json: refuseLanguage('JSON'),
    coffee: refuseLanguage('CoffeeScript'),
    toml: refuseLanguage('TOML'),
  },
};

const BOM = '\uFEFF';

/** Splits a note's text; throws FrontmatterError when the frontmatter cannot be read. */
export function splitNote(text: string): SplitNote {
  const start = text.startsWith(BOM) ? 1 : 0;
  const source = start ? text.slice(1) : text;
  if (!/^---[^\S\r\n]*(?:[A-Za-z]+[^\S\r\n]*)?\r?\n/.test(source)) {
    return { hasFrontmatter: false, data: {}, head: text.slice(0, start), body: source };
  }
  if (!/\r?\n---[^\S\r\n]*(?:\r?\n|$)/.test(source)) {
    throw new FrontmatterError('BAD_YAML', 'The frontmatter has no closing --- line. Add one after the last key.');
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(source, MATTER_OPTIONS);
  } catch (error) {
    if (error instanceof FrontmatterError) throw error;
    const reason = (error instanceof Error ? error.message.split('\n')[0]! : String(error)).replace(/[\s:.]+$/, '');
    throw new FrontmatterError('BAD_YAML', `The frontmatter is not valid YAML: ${reason}. Fix it in any editor.`);
  }
  const data: unknown = parsed.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new FrontmatterError('BAD_FRONTMATTER', 'The frontmatter is not a list of key: value lines.');
  }
  if (countNodes(data, MAX_NODES) >= MAX_NODES) {
    throw new FrontmatterError('BAD_FRONTMATTER', 'The frontmatter is too large once its YAML aliases are expanded.');
  }
  const body = parsed.content;
  return { hasFrontmatter: true, data: data as Record<string, unknown>, head: text.slice(0, text.length - body.length), body };
}

/** Counts nodes with aliases expanded, stopping at `limit`. */
function countNodes(value: unknown, limit: number): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && count < limit) {
    const next = stack.pop();
    count += 1;
    if (next !== null && typeof next === 'object' && !(next instanceof Date)) {
      stack.push(...(Array.isArray(next) ? next : Object.values(next)));
    }
  }
  return count;
}

/** The frontmatter block for `data`: `---\n<yaml>---\n`. Undefined values are left out. */
export function frontmatterBlock(data: Record<string, unknown>): string {
  // No line folding (long strings stay on one line), no anchors in the output.
  const text = yaml.safeDump(withoutUndefined(data), { schema: SCHEMA, lineWidth: -1, noRefs: true });
  return `---\n${text}---\n`;
}

/** A whole note file. The body is written exactly as given. */
export function serializeNote(data: Record<string, unknown>, body: string): string {
  return frontmatterBlock(data) + body;
}

/** The frontmatter of a new note, in Fieldnotes' key order; other keys follow in their order. */
export function orderedFrontmatter(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of FRONTMATTER_ORDER) if (fields[key] !== undefined) out[key] = fields[key];
  for (const [key, value] of Object.entries(fields)) if (!(key in out) && value !== undefined) out[key] = value;
  return out;
}

/**
 * `data` with `patch` applied: keys keep their place, new keys go last, `null` removes a key.
 * Keys the patch does not name (unknown ones included) are kept as they were read.
 */
export function patchFrontmatter(data: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...data };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) delete out[key];
    else out[key] = value;
  }
  return out;
}

function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== undefined).map(withoutUndefined);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = withoutUndefined(item);
  return out;
}
