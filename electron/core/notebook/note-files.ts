// Finding and reading the note files of a notebook folder, without notebook state: usable from a
// worker thread. Files that cannot be notes are skipped with a reason; files that are notes but
// broken are read into a Note with a problem.
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Note } from '../../../shared/model/note';
import { parseNoteFile, problemNote, type FileStamp } from './note-file';
import { MAX_NOTE_BYTES, errorCode } from './note-names';
import { openInside } from './safe-path';

export { errorCode, isHiddenName, isNoteName, listNoteFiles, type NoteFileInfo, type SkippedFile } from './note-names';

/**
 * Reads one note file. Null when the file is gone (or is not a file); otherwise a Note, with a
 * problem when the file is too large, unreadable, binary, not UTF-8 or has broken frontmatter.
 * The stamp is taken from the same open file the bytes come from.
 */
export async function readNoteFile(root: string, relPath: string): Promise<{ note: Note; stamp: FileStamp } | null> {
  const abs = join(root, ...relPath.split('/'));
  let handle;
  try {
    handle = await openInside(root, abs, relPath);
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
    // Gone, or a link out of the notebook: not a note of this notebook.
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

