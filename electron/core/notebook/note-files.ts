// Finding and reading the note files of a notebook folder, without notebook state: usable from a
// worker thread. Files that cannot be notes are skipped with a reason; files that are notes but
// broken are read into a Note with a problem.
import { constants, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { lstat, open, realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { Note } from '../../../shared/model/note';
import { isTempFile } from '../fs/atomic-write';
import { parseNoteFile, problemNote, type FileStamp } from './note-file';
import { MAX_NOTE_BYTES, isHiddenName, isNoteName } from './note-names';

export { isHiddenName, isNoteName } from './note-names';

/** A note file and the facts that tell whether it changed. */
export interface NoteFileInfo extends FileStamp {
  /** Relative to the notebook, with forward slashes. */
  path: string;
}

/** Something in the folder that is not listed, and why. */
export interface SkippedFile {
  path: string;
  reason: string;
}

/**
 * Every note file under `root` (which must be a real path) with its mtime and size, and the
 * absolute paths of Fieldnotes' temp files found beside them. Symlinked
 * files are listed when they point inside the notebook; symlinked folders are never followed (no
 * loops, no escaping), and are reported in `skipped`.
 *
 * The walk uses synchronous calls on purpose: for metadata the OS has cached they are 2–3× faster
 * than the thread-pool round trips of fs/promises (10,000 files: ~90 ms against ~250 ms here), and
 * this walk is the floor of every notebook open. It blocks the event loop for that long.
 */
export async function listNoteFiles(root: string): Promise<{ files: NoteFileInfo[]; skipped: SkippedFile[]; temps: string[] }> {
  const files: NoteFileInfo[] = [];
  const skipped: SkippedFile[] = [];
  const temps: string[] = [];
  const visit = (folder: string, prefix: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      if (prefix) skipped.push({ path: prefix.slice(0, -1), reason: `cannot read this folder (${errorCode(error)})` });
      return;
    }
    for (const entry of entries) {
      const name = entry.name;
      if (isHiddenName(name)) {
        if (isTempFile(name) && entry.isFile()) temps.push(join(folder, name));
        continue;
      }
      const rel = prefix + name;
      if (entry.isDirectory()) visit(join(folder, name), rel + '/');
      else if (entry.isFile()) {
        if (isNoteName(name)) statInto(join(folder, name), rel, files, skipped);
      } else if (entry.isSymbolicLink()) {
        if (isNoteName(name)) linkedFile(root, join(folder, name), rel, files, skipped);
        else skipped.push({ path: rel, reason: 'a symlink; Fieldnotes does not follow symlinked folders (loops, links out of the notebook)' });
      }
    }
  };
  visit(root, '');
  return { files, skipped, temps };
}

function statInto(abs: string, rel: string, files: NoteFileInfo[], skipped: SkippedFile[]): void {
  try {
    const info = statSync(abs);
    files.push({ path: rel, mtimeMs: info.mtimeMs, size: info.size });
  } catch (error) {
    // Gone between readdir and stat: nothing to list.
    if (errorCode(error) !== 'ENOENT') skipped.push({ path: rel, reason: `cannot look at this file (${errorCode(error)})` });
  }
}

function linkedFile(root: string, abs: string, rel: string, files: NoteFileInfo[], skipped: SkippedFile[]): void {
  let target: string;
  try {
    target = realpathSync(abs);
  } catch (error) {
    const code = errorCode(error);
    skipped.push({ path: rel, reason: code === 'ELOOP' ? 'a symlink loop' : `a broken symlink (${code})` });
    return;
  }
  if (!isInside(root, target)) {
    skipped.push({ path: rel, reason: 'a symlink to a file outside the notebook; Fieldnotes does not read outside the notebook folder' });
    return;
  }
  const info = statSync(abs, { throwIfNoEntry: false });
  if (info?.isFile()) files.push({ path: rel, mtimeMs: info.mtimeMs, size: info.size });
  else skipped.push({ path: rel, reason: 'a symlink to something that is not a file' });
}

/**
 * Reads one note file. Null when the file is gone (or is not a file); otherwise a Note, with a
 * problem when the file is too large, unreadable, binary, not UTF-8 or has broken frontmatter.
 * The stamp is taken from the same open file the bytes come from.
 */
export async function readNoteFile(root: string, relPath: string): Promise<{ note: Note; stamp: FileStamp } | null> {
  const abs = join(root, ...relPath.split('/'));
  let handle;
  try {
    handle = await openInside(root, abs);
    if (!handle) return null;
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EACCES' || code === 'EPERM') {
      const info = await lstat(abs).catch(() => null);
      if (!info) return null;
      const stamp = { mtimeMs: info.mtimeMs, size: info.size };
      return {
        stamp,
        note: problemNote(relPath, stamp, {
          code: 'UNREADABLE',
          message: 'Fieldnotes is not allowed to read this file (permission denied). Check its permissions, for example with chmod u+r.',
        }),
      };
    }
    return null;
  }
  let stamp: FileStamp | null = null;
  try {
    const info = await handle.stat();
    if (!info.isFile()) return null;
    stamp = { mtimeMs: info.mtimeMs, size: info.size };
    if (info.size > MAX_NOTE_BYTES) {
      const megabytes = (info.size / 1024 / 1024).toFixed(1);
      return {
        stamp,
        note: problemNote(relPath, stamp, {
          code: 'TOO_LARGE',
          message: `The file is ${megabytes} MB; Fieldnotes opens notes up to ${MAX_NOTE_BYTES / 1024 / 1024} MB. Split it, or move it out of the notebook.`,
        }),
      };
    }
    const bytes = await handle.readFile();
    return { stamp: { mtimeMs: info.mtimeMs, size: bytes.length }, note: parseNoteFile(relPath, bytes, stamp) };
  } catch (error) {
    if (errorCode(error) === 'EISDIR' || stamp === null) return null;
    const message = `Fieldnotes could not read this file (${errorCode(error)}). Check that the disk is healthy and the file is not locked.`;
    return { stamp, note: problemNote(relPath, stamp, { code: 'UNREADABLE', message }) };
  } finally {
    await handle.close();
  }
}

const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/** Opens a file for reading; a symlink only when it leads to a file inside `root`. */
async function openInside(root: string, abs: string) {
  try {
    return await open(abs, constants.O_RDONLY | NO_FOLLOW);
  } catch (error) {
    // O_NOFOLLOW makes opening a symlink fail with ELOOP (EMLINK on some BSDs).
    if (errorCode(error) !== 'ELOOP' && errorCode(error) !== 'EMLINK') throw error;
    const target = await realpath(abs).catch(() => null);
    if (target === null || !isInside(root, target)) return null;
    return open(target, constants.O_RDONLY);
  }
}

function isInside(root: string, path: string): boolean {
  return path.startsWith(root + sep);
}

export function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? String(error);
}
