// Which files of a notebook folder are notes, and the walk that finds them. Its own small module
// with no parsing libraries, so the search worker lists exactly the notebook's notes — the same
// function decides for both — without loading YAML and schemas.
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { isTempFile } from '../fs/atomic-write';
import { isWithin } from './safe-path';

/** Notes larger than this are listed with a problem instead of being read (and are not indexed). */
export const MAX_NOTE_BYTES = 5 * 1024 * 1024;

/** True for names the notebook never lists: dot files and folders (`.fieldnotes`, `.git`), node_modules. */
export function isHiddenName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

export function isNoteName(name: string): boolean {
  return name.toLowerCase().endsWith('.md') && !isHiddenName(name) && !isTempFile(name);
}

/** A note file and the facts that tell whether it changed. */
export interface NoteFileInfo {
  /** Relative to the notebook, with forward slashes. */
  path: string;
  mtimeMs: number;
  size: number;
}

/** Something in the folder that is not listed, and why. */
export interface SkippedFile {
  path: string;
  reason: string;
}

/**
 * Every note file under `root` (which must be a real path) with its mtime and size. Symlinked
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
  // Fieldnotes' own temp files beside the notes (absolute paths): the notebook removes stale ones.
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
  if (!isWithin(root, target)) {
    skipped.push({ path: rel, reason: 'a symlink to a file outside the notebook; Fieldnotes does not read outside the notebook folder' });
    return;
  }
  const info = statSync(abs, { throwIfNoEntry: false });
  if (info?.isFile()) files.push({ path: rel, mtimeMs: info.mtimeMs, size: info.size });
  else skipped.push({ path: rel, reason: 'a symlink to something that is not a file' });
}

export function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? String(error);
}
