// The note file format: YAML frontmatter between `---` lines, then the Markdown body. Splitting a
// file keeps the exact frontmatter text and body; editing changes only the keys it touches, in the
// text itself, so the user's comments, key order, quoting and flow style stay byte for byte.
//
// Two YAML libraries, each for what it does best: js-yaml reads (a cold open parses every note,
// and js-yaml does that 3–4× faster), yaml's Document API edits (it knows where every node is in
// the text, and its style) and recovers the source text of a scalar.
import type { Document, Node, ParsedNode, Pair } from 'yaml';
import { yamlEditor, yamlReader } from './yaml-libraries';
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
  /** The YAML text between the delimiters (its offset in `head` is `yamlStart`). */
  yaml: string;
  yamlStart: number;
  /**
   * The source text of the plain (unquoted) scalar at `path` (`['repo', 'commit']`), so that a
   * value YAML read as a number where text is meant (`commit: 1234567`, `blob: 8e5`) can be read
   * as the text the user wrote.
   */
  numberText(path: readonly (string | number)[]): string | undefined;
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

/**
 * YAML's core schema: no timestamp type, so `reviewed: 2026-11-21` stays the text it was. Reading
 * and writing use the same schema, so what Fieldnotes does not know round-trips unchanged.
 */
const readOptions = () => ({ schema: yamlReader().CORE_SCHEMA });
const PARSE_OPTIONS = { schema: 'core', uniqueKeys: true, prettyErrors: false } as const;
/** New values: no anchors for repeated objects. */
const CREATE_OPTIONS = { schema: 'core', aliasDuplicateObjects: false } as const;
/** No line folding (long strings stay on one line); quotes only where YAML needs them. */
const STRINGIFY_OPTIONS = { lineWidth: 0, singleQuote: true, indentSeq: true } as const;

const LANGUAGES: Record<string, string> = { js: 'JavaScript', javascript: 'JavaScript', json: 'JSON', coffee: 'CoffeeScript', cson: 'CoffeeScript', toml: 'TOML' };
const BOM = '\uFEFF';
const OPENING = /^---[^\S\r\n]*([A-Za-z]+)?[^\S\r\n]*\r?\n/;
const CLOSING = /^---[^\S\r\n]*(?:\r?\n|$)/gm;
const NO_FRONTMATTER = { hasFrontmatter: false, data: {}, yaml: '', yamlStart: 0, numberText: () => undefined } as const;

/**
 * Splits a note's text; throws FrontmatterError when the frontmatter cannot be read. Frontmatter
 * in another language (`---js`) is refused, never evaluated: notes are untrusted input.
 */
export function splitNote(text: string): SplitNote {
  const start = text.startsWith(BOM) ? 1 : 0;
  const opening = OPENING.exec(start ? text.slice(1) : text);
  if (!opening) return { ...NO_FRONTMATTER, head: text.slice(0, start), body: text.slice(start) };
  const language = opening[1]?.toLowerCase();
  if (language && language !== 'yaml' && language !== 'yml') {
    throw new FrontmatterError('NOT_YAML', `The frontmatter is marked as ${LANGUAGES[language] ?? opening[1]}; Fieldnotes reads only YAML frontmatter.`);
  }
  const yamlStart = start + opening[0].length;
  CLOSING.lastIndex = yamlStart;
  const closing = CLOSING.exec(text);
  if (!closing) throw new FrontmatterError('BAD_YAML', 'The frontmatter has no closing --- line. Add one after the last key.');
  const yaml = text.slice(yamlStart, closing.index);
  const bodyStart = closing.index + closing[0].length;
  const data = readYaml(yaml);
  let doc: Document.Parsed | undefined;
  return {
    hasFrontmatter: true,
    data,
    head: text.slice(0, bodyStart),
    body: text.slice(bodyStart),
    yaml,
    yamlStart,
    numberText: (path) => {
      doc ??= yamlEditor().parseDocument(yaml, PARSE_OPTIONS);
      const node = doc.getIn(path, true);
      return yamlEditor().isScalar(node) && node.type === 'PLAIN' && typeof node.source === 'string' ? node.source : undefined;
    },
  };
}

/** The frontmatter's data; throws FrontmatterError when it is not YAML, or not a map. */
function readYaml(yaml: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = yamlReader().safeLoad(yaml, readOptions());
  } catch (error) {
    const reason = (error instanceof Error ? error.message.split('\n')[0]! : String(error)).replace(/[\s:.]+$/, '');
    throw new FrontmatterError('BAD_YAML', `The frontmatter is not valid YAML: ${reason}. Fix it in any editor.`);
  }
  if (data === undefined || data === null) return {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new FrontmatterError('BAD_FRONTMATTER', 'The frontmatter is not a list of key: value lines.');
  if (countNodes(data, MAX_NODES) >= MAX_NODES) throw tooLarge();
  return data as Record<string, unknown>;
}

function parseYaml(yaml: string): Document.Parsed {
  const doc = yamlEditor().parseDocument(yaml, PARSE_OPTIONS);
  const error = doc.errors[0];
  if (error) {
    const reason = error.message.split('\n')[0]!.replace(/[\s:.]+$/, '');
    throw new FrontmatterError('BAD_YAML', `The frontmatter is not valid YAML: ${reason}. Fix it in any editor.`);
  }
  return doc;
}

function tooLarge(): FrontmatterError {
  return new FrontmatterError('BAD_FRONTMATTER', 'The frontmatter is too large once its YAML aliases are expanded.');
}

/** Counts nodes with aliases expanded, stopping at `limit`. */
function countNodes(value: unknown, limit: number): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && count < limit) {
    const next = stack.pop();
    count += 1;
    if (next !== null && typeof next === 'object') stack.push(...(Array.isArray(next) ? next : Object.values(next)));
  }
  return count;
}

/** The frontmatter block for `data`: `---\n<yaml>---\n`. Undefined values are left out. */
export function frontmatterBlock(data: Record<string, unknown>): string {
  return `---\n${new (yamlEditor().Document)(data, CREATE_OPTIONS).toString(STRINGIFY_OPTIONS)}---\n`;
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

/**
 * The head of `split` with `patch` applied to its frontmatter, changing only the lines of the keys
 * whose value really changes: `null` removes a key, new keys go last (or first, for `leading`
 * keys), and a changed value keeps the style it had (`tags: [a]` stays a flow list, a quoted
 * title stays quoted, comments inside a map stay). Everything else is kept byte for byte.
 */
export function editFrontmatter(split: SplitNote, patch: Record<string, unknown>, leading: readonly string[] = []): string {
  if (!split.hasFrontmatter) {
    const data = orderedFrontmatter(Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== null)));
    return split.head + frontmatterBlock(data);
  }
  const doc = parseYaml(split.yaml);
  const newline = split.yaml.includes('\r\n') ? '\r\n' : '\n';
  const map = doc.contents;
  if (map !== null && (!yamlEditor().isMap(map) || map.flow)) return wholeBlock(split, doc, patch, newline);
  const pairs = map?.items ?? [];
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const first: string[] = [];
  const last: string[] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const pair = pairs.find((item) => yamlEditor().isScalar(item.key) && String(item.key.value) === key) as Pair<ParsedNode, ParsedNode | null> | undefined;
    if (!pair) {
      if (value !== null) (leading.includes(key) ? first : last).push(pairText(new (yamlEditor().Scalar)(key), doc.createNode(value, CREATE_OPTIONS), newline));
      continue;
    }
    const keyNode = pair.key as ParsedNode;
    const start = keyNode.range[0];
    const end = valueEnd(split.yaml, pair.value ?? keyNode);
    if (value === null) {
      edits.push({ start: lineStart(split.yaml, start), end: lineEnd(split.yaml, end), text: '' });
      continue;
    }
    if (pair.value && sameValue(pair.value.toJS(doc), value)) continue;
    const next = restyle(doc, pair.value, value);
    // A comment on the same line as a scalar or flow value lies after the replaced text: it stays.
    if (!yamlEditor().isCollection(next) || next.flow) next.comment = undefined;
    edits.push({ start, end, text: pairText(keyNode, next, newline, flowPadding(split.yaml, pair.value)) });
  }
  let yaml = split.yaml;
  for (const edit of edits.sort((a, b) => b.start - a.start)) yaml = yaml.slice(0, edit.start) + edit.text + yaml.slice(edit.end);
  if (last.length > 0) yaml = (yaml === '' || yaml.endsWith('\n') ? yaml : yaml + newline) + last.map((line) => line + newline).join('');
  if (first.length > 0) yaml = first.map((line) => line + newline).join('') + yaml;
  return split.head.slice(0, split.yamlStart) + yaml + split.head.slice(split.yamlStart + split.yaml.length);
}

/** A top-level flow map (`{a: 1}` as the whole frontmatter) is rewritten as a whole. */
function wholeBlock(split: SplitNote, doc: Document.Parsed, patch: Record<string, unknown>, newline: string): string {
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) doc.delete(key);
    else if (value !== undefined) doc.set(key, value);
  }
  const yaml = doc.toString(STRINGIFY_OPTIONS).replace(/\n/g, newline);
  return split.head.slice(0, split.yamlStart) + yaml + split.head.slice(split.yamlStart + split.yaml.length);
}

/** One `key: value` entry as YAML text, without the final newline. */
function pairText(key: Node, value: Node, newline: string, flowCollectionPadding = false): string {
  const out = new (yamlEditor().Document)(null, CREATE_OPTIONS);
  const bareKey = key.clone();
  bareKey.commentBefore = undefined;
  bareKey.spaceBefore = false;
  const map = new (yamlEditor().YAMLMap)();
  map.items.push(new (yamlEditor().Pair)(bareKey, value));
  out.contents = map;
  const text = out.toString({ ...STRINGIFY_OPTIONS, flowCollectionPadding });
  return text.replace(/\r?\n$/, '').replace(/\n/g, newline);
}

/**
 * A node for `value` that keeps the style of `old`: a map keeps its entries' nodes (and their
 * comments) where they did not change, a list keeps flow or block style and its unchanged items,
 * a string keeps its quoting.
 */
function restyle(doc: Document, old: Node | null, value: unknown): Node {
  if (old && yamlEditor().isMap(old) && isPlainObject(value)) {
    const map = new (yamlEditor().YAMLMap)();
    map.flow = old.flow;
    map.commentBefore = old.commentBefore;
    map.comment = old.comment;
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      const pair = old.items.find((entry) => yamlEditor().isScalar(entry.key) && String(entry.key.value) === key);
      const previous = (pair?.value ?? null) as Node | null;
      const node = previous && sameValue(previous.toJS(doc), item) ? previous.clone() : restyle(doc, previous, item);
      map.items.push(new (yamlEditor().Pair)(pair ? (pair.key as Node).clone() : new (yamlEditor().Scalar)(key), node));
    }
    return map;
  }
  if (old && yamlEditor().isSeq(old) && Array.isArray(value)) {
    const seq = doc.createNode([]) as typeof old;
    seq.flow = old.flow;
    seq.commentBefore = old.commentBefore;
    seq.comment = old.comment;
    const unused = [...old.items] as Node[];
    for (const item of value) {
      const at = unused.findIndex((node) => sameValue(node.toJS(doc), item));
      seq.items.push(at >= 0 ? unused.splice(at, 1)[0]!.clone() : doc.createNode(item, CREATE_OPTIONS));
    }
    return seq;
  }
  const node = doc.createNode(value, CREATE_OPTIONS) as Node;
  if (old && yamlEditor().isScalar(old) && yamlEditor().isScalar(node)) {
    if (typeof old.value === 'string' && typeof value === 'string' && old.type !== 'BLOCK_FOLDED' && old.type !== 'BLOCK_LITERAL') node.type = old.type;
    node.commentBefore = old.commentBefore;
    node.comment = old.comment;
  }
  if (old && yamlEditor().isCollection(node) && yamlEditor().isCollection(old)) node.flow = old.flow;
  return node;
}

/** Where a value's text ends: before the newline that ends a block value, before a trailing comment. */
function valueEnd(yaml: string, node: ParsedNode): number {
  let end = node.range[1];
  while (end > node.range[0] && (yaml[end - 1] === '\n' || yaml[end - 1] === '\r')) end -= 1;
  return end;
}

function lineStart(yaml: string, at: number): number {
  return yaml.lastIndexOf('\n', at - 1) + 1;
}

/** The end of the line `at` is on, newline included (comments on that line go with it). */
function lineEnd(yaml: string, at: number): number {
  const newline = yaml.indexOf('\n', at);
  return newline === -1 ? yaml.length : newline + 1;
}

/** Whether a flow collection was written with spaces inside its brackets (`[ a ]`). */
function flowPadding(yaml: string, node: ParsedNode | null): boolean {
  if (!node || !yamlEditor().isCollection(node) || !node.flow) return false;
  return /^[[{][^\S\r\n]/.test(yaml.slice(node.range[0], node.range[0] + 2));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && sameValue(a[key], b[key]));
  }
  return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
