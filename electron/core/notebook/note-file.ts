// Turns one note file's bytes into a Note — summary, frontmatter and body — and never throws:
// whatever is wrong with the file becomes the summary's `problem`. Pure (no notebook state, no
// I/O), so the search worker can use it too.
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { Frontmatter, Timestamp, type Note, type NoteProblem, type NoteSummary } from '../../../shared/model/note';
import { excerptOf } from './excerpt';
import { readFields, type FrontmatterFields } from './frontmatter-fields';
import { FrontmatterError, splitNote, type SplitNote } from './note-format';

export { excerptOf } from './excerpt';

/** Bump when parsing changes what a summary holds: cached summaries of older versions are re-read. */
export const PARSER_VERSION = 5;

export { MAX_NOTE_BYTES } from './note-names';

/** The facts about a file that decide whether a cached summary is still good. */
export interface FileStamp {
  mtimeMs: number;
  size: number;
}

/** A stable id for a file that has none of its own, derived from its path in the notebook. */
export function pathId(relPath: string): string {
  return 'path-' + createHash('sha256').update(relPath).digest('hex').slice(0, 20);
}

/**
 * Reads a note from its bytes. `relPath` is relative to the notebook, with forward slashes;
 * `stamp.mtimeMs` dates notes that carry no `created` of their own.
 */
export function parseNoteFile(relPath: string, bytes: Uint8Array, stamp: FileStamp): Note {
  if (bytes.length === 0) {
    return problemNote(relPath, stamp, { code: 'EMPTY', message: 'The file is empty. Write something in it, or delete it.' });
  }
  if (bytes.includes(0)) {
    return problemNote(relPath, stamp, {
      code: 'BINARY',
      message: 'The file looks binary (it contains NUL bytes), not like Markdown text. Move it out of the notebook.',
    });
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const note = parseNoteText(relPath, text, stamp);
  if (!isUtf8(bytes)) {
    const at = Buffer.byteLength(text.slice(0, Math.max(0, text.indexOf('\uFFFD'))));
    note.summary.problem = {
      code: 'NOT_UTF8',
      message: `The file is not UTF-8 text (the first bad byte is near byte ${at}). Fieldnotes shows those bytes as � and will not rewrite the file; re-save it as UTF-8 in your editor.`,
    };
  }
  return note;
}

/** Reads a note from its text (already decoded). */
export function parseNoteText(relPath: string, text: string, stamp: FileStamp): Note {
  const modified = new Date(stamp.mtimeMs).toISOString();
  let split;
  try {
    split = splitNote(text);
  } catch (error) {
    const problem = error instanceof FrontmatterError ? { code: error.code, message: error.message } : { code: 'BAD_YAML', message: String(error) };
    const note = problemNote(relPath, stamp, problem);
    note.body = text;
    return note;
  }
  const { data, body } = split;
  const fallbackTitle = titleFromPath(relPath);

  if (!('id' in data)) {
    // Not a Fieldnotes note: plain Markdown, or another tool's frontmatter (an Obsidian vault).
    const tags = Frontmatter.shape.tags.safeParse(data.tags);
    const created = Timestamp.safeParse(data.created ?? data.date);
    return {
      summary: {
        id: pathId(relPath),
        path: relPath,
        title: nonEmptyString(data.title) ?? firstHeading(body) ?? fallbackTitle,
        mode: 'explain',
        status: 'done',
        created: created.success ? created.data : modified,
        tags: tags.success ? tags.data : [],
        excerpt: excerptOf(body),
        imported: true,
      },
      frontmatter: null,
      body,
    };
  }

  const fields = readFields(data, split.numberText);
  const fm = fields.read;
  const problem = fields.frontmatter ? undefined : { code: 'BAD_FRONTMATTER', message: describeIssues(fields.issues) };
  const summary: NoteSummary = {
    id: fm.id ?? keptId(data.id, split.numberText) ?? pathId(relPath),
    path: relPath,
    title: fm.title?.trim() || firstHeading(body) || fallbackTitle,
    repo: fm.repo?.name,
    commit: fm.repo?.commit,
    agent: fm.agent?.id,
    model: fm.agent?.model,
    mode: fm.mode ?? 'explain',
    status: fm.status ?? 'done',
    created: fm.created ?? modified,
    tags: fm.tags ?? [],
    excerpt: excerptOf(body),
    ...(problem ? { problem } : {}),
  };
  for (const key of ['repo', 'commit', 'agent', 'model'] as const) if (summary[key] === undefined) delete summary[key];
  return { summary, frontmatter: fields.frontmatter ?? null, body };
}

/**
 * A hand-written id that is not a ULID is still the note's id (links and `show` keep working), as
 * long as it is one short word: letters, digits, `.`, `_` and `-`.
 */
function keptId(value: unknown, numberText: SplitNote['numberText']): string | undefined {
  const text = typeof value === 'number' ? numberText(['id']) : value;
  return typeof text === 'string' && /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(text) ? text : undefined;
}

/** A note that could not be read, listed with its problem so the user can fix it. */
export function problemNote(relPath: string, stamp: FileStamp, problem: NoteProblem): Note {
  return {
    summary: {
      id: pathId(relPath),
      path: relPath,
      title: titleFromPath(relPath),
      mode: 'explain',
      status: 'done',
      created: new Date(stamp.mtimeMs).toISOString(),
      tags: [],
      excerpt: '',
      problem,
    },
    frontmatter: null,
    body: '',
  };
}

function describeIssues(issues: FrontmatterFields['issues']): string {
  const parts = issues.slice(0, 3).map((issue) => `${issue.path}: ${issue.message}`);
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return `The frontmatter has wrong fields — ${parts.join('; ')}${more}. Fix them in any editor; the other fields are read as they are.`;
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** `ky/2026-11-28-how-does-routing-work.md` → `how does routing work`. */
export function titleFromPath(relPath: string): string {
  const base = relPath.split('/').pop() ?? relPath;
  return base.replace(/\.md$/i, '').replace(/^\d{4}-\d{2}-\d{2}-/, '').replace(/[-_]+/g, ' ').trim() || base;
}

/** The text of the first Markdown heading, if any. */
export function firstHeading(body: string): string | undefined {
  const match = /^#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(body.slice(0, 20_000));
  return match?.[1]?.trim() || undefined;
}
