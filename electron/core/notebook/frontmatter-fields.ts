// Reading frontmatter field by field: every valid field is kept, every wrong one is named, and a
// number YAML read where text is expected (`commit: 1234567`, `blob: 8e5`) is read as the text
// the user wrote. One wrong field never throws away the others.
import type { z } from 'zod';
import { Frontmatter } from '../../../shared/model/note';
import type { SplitNote } from './note-format';

type Path = readonly (string | number)[];

/** A frontmatter read field by field. */
export interface FrontmatterFields {
  /** The data with numbers read as text where text is expected, and wrong fields left out. */
  valid: Record<string, unknown>;
  /** Wrong fields: `status: Invalid option…`, by dotted path. */
  issues: Array<{ path: string; message: string }>;
  /** The valid known fields as Fieldnotes reads them (dates normalized, defaults filled in). */
  read: Partial<Frontmatter>;
  /** Set when every field is valid: the frontmatter as Fieldnotes reads it (defaults filled in). */
  frontmatter?: Frontmatter;
}

const SHAPE = Frontmatter.shape;
const KNOWN = new Set(Object.keys(SHAPE));
/** Passes of number-to-text fixes: each one can only fix what the previous validation reported. */
const MAX_PASSES = 3;

/** Reads `data` (as split from `split`, which knows the source text of its numbers). */
export function readFields(data: Record<string, unknown>, numberText: SplitNote['numberText']): FrontmatterFields {
  const fixed = new Map<string, unknown>();
  const read: Record<string, unknown> = {};
  const issues: FrontmatterFields['issues'] = [];
  for (const key of KNOWN) {
    const schema = SHAPE[key as keyof typeof SHAPE] as z.ZodType;
    let value = key === 'tags' ? tagsAsText(data.tags, numberText) : data[key];
    let result = schema.safeParse(value);
    for (let pass = 0; !result.success && pass < MAX_PASSES; pass++) {
      const next = numbersAsText(value, [key], result.error.issues, numberText);
      if (next === value) break;
      value = next;
      result = schema.safeParse(value);
    }
    if (result.success) {
      fixed.set(key, value);
      if (result.data !== undefined) read[key] = result.data;
    }
    else for (const issue of result.error.issues) issues.push({ path: [key, ...issue.path.map(String)].join('.'), message: issue.message });
  }
  // Key order as in the file; wrong fields left out.
  const valid: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(data)) {
    if (!KNOWN.has(key)) valid[key] = raw;
    else if (fixed.has(key) && fixed.get(key) !== undefined) valid[key] = fixed.get(key);
  }
  if (issues.length > 0) return { valid, issues, read: read as Partial<Frontmatter> };
  const frontmatter = Frontmatter.parse(valid);
  return { valid, issues, read: frontmatter, frontmatter };
}

/** Tag lists may hold numbers (`tags: [2024, 1e3]`): those are read as their text. */
function tagsAsText(tags: unknown, numberText: SplitNote['numberText']): unknown {
  if (!Array.isArray(tags)) return tags;
  return tags.map((tag: unknown, index) => (typeof tag === 'number' ? (numberText(['tags', index]) ?? String(tag)) : tag));
}

/** `value` with each number that an issue says should be text replaced by its source text. */
function numbersAsText(value: unknown, base: Path, issues: readonly z.core.$ZodIssue[], numberText: SplitNote['numberText']): unknown {
  let out = value;
  for (const issue of issues) {
    if (issue.code !== 'invalid_type' || issue.expected !== 'string') continue;
    const text = numberText([...base, ...(issue.path as Path)]);
    if (text !== undefined) out = setIn(out, issue.path as Path, text);
  }
  return out;
}

/** A copy of `value` with `path` set to `text` (only the containers on the path are copied). */
function setIn(value: unknown, path: Path, text: string): unknown {
  if (path.length === 0) return text;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[head as number] = setIn(copy[head as number], rest, text);
    return copy;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return { ...record, [head!]: setIn(record[head as string], rest, text) };
  }
  return value;
}
