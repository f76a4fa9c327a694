// The three-way merge of one note changed on both sides of a sync. Frontmatter merges key by key
// (tags as a set, the newer side wins where both changed a key, status included); bodies merge
// line by line when the edits do not overlap, and otherwise both are kept (note-conflict.ts).
// Nothing it returns ever holds a git conflict marker.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { withConflictSection } from '../../../shared/model/note-conflict';
import { git } from '../repos/git';
import { editFrontmatter, splitNote, type SplitNote } from '../notebook/note-format';

export interface NoteSides {
  /** The common ancestor's text; null when both sides added the file. */
  base: string | null;
  mine: string;
  theirs: string;
  /** When each side last changed (commit times, ms): the newer side wins a key both changed. */
  mineTime: number;
  theirsTime: number;
  /** The commit their text comes from (named in a conflict). */
  theirsCommit: string;
}

export interface MergedNote {
  text: string;
  /** True when the bodies conflicted and both are kept in the note. */
  conflict: boolean;
}

export async function mergeNote(sides: NoteSides): Promise<MergedNote> {
  if (sides.mine === sides.theirs) return { text: sides.mine, conflict: false };
  if (sides.base !== null && sides.mine === sides.base) return { text: sides.theirs, conflict: false };
  if (sides.base !== null && sides.theirs === sides.base) return { text: sides.mine, conflict: false };
  const mine = trySplit(sides.mine);
  const theirs = trySplit(sides.theirs);
  const base = sides.base === null ? null : trySplit(sides.base);
  if (!mine || !theirs || (sides.base !== null && !base)) {
    // A file that is not readable frontmatter: merge it as text, keeping both where they clash.
    const body = await mergeBodies(sides.base ?? '', sides.mine, sides.theirs);
    return body !== null ? { text: body, conflict: false } : { text: withConflictSection(sides.mine, sides.theirs, sides.theirsCommit), conflict: true };
  }
  const theirsNewer = sides.theirsTime > sides.mineTime;
  const patch = mergeFrontmatter(base?.data ?? {}, mine.data, theirs.data, theirsNewer);
  const merged = await mergeBodies(base?.body ?? '', mine.body, theirs.body);
  let body = merged ?? mine.body;
  if (merged === null) {
    body = withConflictSection(mine.body, theirs.body, sides.theirsCommit);
    patch.conflict = { theirs: sides.theirsCommit, at: new Date().toISOString() };
  }
  const head = Object.keys(patch).length > 0 ? editFrontmatter(mine, patch) : mine.head;
  return { text: head + body, conflict: merged === null };
}

function trySplit(text: string): SplitNote | null {
  try {
    return splitNote(text);
  } catch {
    return null;
  }
}

/**
 * The keys whose merged value differs from mine, as a patch on my frontmatter (null removes a key).
 * A key changed on one side only takes that change; changed on both, tags join, others go to the
 * newer side.
 */
export function mergeFrontmatter(base: Record<string, unknown>, mine: Record<string, unknown>, theirs: Record<string, unknown>, theirsNewer: boolean): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)]);
  for (const key of keys) {
    const b = base[key];
    const m = mine[key];
    const t = theirs[key];
    let value: unknown;
    if (isDeepStrictEqual(m, t) || isDeepStrictEqual(t, b)) value = m;
    else if (isDeepStrictEqual(m, b)) value = t;
    else if (key === 'tags') value = mergeTags(b, m, t);
    else value = theirsNewer ? t : m;
    if (!isDeepStrictEqual(value, m)) patch[key] = value === undefined ? null : value;
  }
  return patch;
}

/** Tags as a set: what either side added is in, what either side removed is out. */
function mergeTags(base: unknown, mine: unknown, theirs: unknown): string[] {
  const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
  const b = new Set(list(base));
  const m = list(mine);
  const t = list(theirs);
  const removed = new Set([...b].filter((tag) => !m.includes(tag) || !t.includes(tag)));
  return [...new Set([...m, ...t])].filter((tag) => !removed.has(tag));
}

/** A line-level three-way merge (git merge-file); null when the edits overlap. */
async function mergeBodies(base: string, mine: string, theirs: string): Promise<string | null> {
  if (mine === theirs || theirs === base) return mine;
  if (mine === base) return theirs;
  const dir = await mkdtemp(join(tmpdir(), 'fieldnotes-merge-'));
  try {
    await Promise.all([writeFile(join(dir, 'mine'), mine), writeFile(join(dir, 'base'), base), writeFile(join(dir, 'theirs'), theirs)]);
    const result = await git(dir, ['merge-file', '-p', '--quiet', 'mine', 'base', 'theirs']);
    return result.code === 0 ? result.stdout : null;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
