// What the index keeps of a note: the facts results show and filter on, and the text of each
// indexed field. Built from `parseNoteFile`'s output, so search reads notes exactly as the list does.
import { closeSync, fstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Note, NoteMode, NoteStatus } from '../../../shared/model/note';
import type { parseNoteFile as ParseNoteFileFn } from '../notebook/note-file';
import { openInside, openInsideSync } from '../notebook/safe-path';
import { FIELDS } from './fields';

type ParseNoteFile = typeof ParseNoteFileFn;
import { MAX_NOTE_BYTES } from './notebook-scan';

/** The facts of one indexed note (no body: snippets are cut from the file when a note is a hit). */
export interface NoteFacts {
  path: string;
  id: string;
  title: string;
  /** ISO 8601, as in the frontmatter. */
  created: string;
  repo?: string;
  agent?: string;
  mode: NoteMode;
  status: NoteStatus;
  tags: string[];
  /** The file's modification time and size when it was indexed: how a restart spots changed files. */
  mtimeMs: number;
  size: number;
}

export interface IndexedNote {
  facts: NoteFacts;
  /** The text of each field, in FIELDS order. */
  fieldTexts: string[];
}

export function indexedNote(note: Note, file: { mtimeMs: number; size: number }): IndexedNote {
  const { summary, frontmatter } = note;
  const facts: NoteFacts = {
    path: summary.path,
    id: summary.id,
    title: summary.title,
    created: summary.created,
    mode: summary.mode,
    status: summary.status,
    tags: summary.tags,
    mtimeMs: file.mtimeMs,
    size: file.size,
  };
  if (summary.repo !== undefined) facts.repo = summary.repo;
  if (summary.agent !== undefined) facts.agent = summary.agent;
  const text: Record<(typeof FIELDS)[number], string> = {
    title: summary.title,
    question: frontmatter?.question ?? '',
    tags: summary.tags.join('\n'),
    sources: (frontmatter?.sources ?? []).map((source) => source.path).join('\n'),
    body: note.body,
  };
  return { facts, fieldTexts: FIELDS.map((field) => text[field]) };
}

/**
 * Reads and parses one note file for the index; null when it is gone, unreadable, too large or a
 * link out of the notebook (the notebook's rule, safe-path.ts). The parser (YAML, schemas) loads
 * on first use: a worker that only answers queries never needs it.
 */
export async function readIndexedNote(root: string, path: string): Promise<IndexedNote | null> {
  let handle;
  try {
    handle = await openInside(root, join(root, ...path.split('/')), path);
  } catch {
    return null;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.size > MAX_NOTE_BYTES) return null;
    const bytes = await handle.readFile();
    const { parseNoteFile } = await import('../notebook/note-file');
    return indexedNote(parseNoteFile(path, bytes, { mtimeMs: info.mtimeMs, size: info.size }), info);
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

/**
 * `readIndexedNote` with blocking reads, for the helper threads that build segments: nothing else
 * runs there, and a blocking read costs a fraction of an asynchronous one.
 */
export function readIndexedNoteSync(root: string, path: string, parseNoteFile: ParseNoteFile): IndexedNote | null {
  let fd: number;
  try {
    fd = openInsideSync(root, join(root, ...path.split('/')), path);
  } catch {
    return null;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > MAX_NOTE_BYTES) return null;
    return indexedNote(parseNoteFile(path, readFileSync(fd), { mtimeMs: info.mtimeMs, size: info.size }), info);
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
