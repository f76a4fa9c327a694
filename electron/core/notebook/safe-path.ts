// The notebook's boundary. Every path that comes from outside — an API call, a CLI argument, a
// trash record, a link in a note — goes through here before Fieldnotes reads or writes it, and so
// does every file Fieldnotes opens in a notebook: symlinks are followed only while they stay inside.
import { constants, lstatSync, openSync, realpathSync } from 'node:fs';
import { lstat, mkdir, open, realpath, stat, type FileHandle } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ApiError } from '../../../shared/contract/errors';
import { describeOddCharacter, findOddCharacter } from '../../../shared/model/safe-text';

const WINDOWS_RESERVED = /[<>:"|?*]/;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * Checks a relative path given from outside (forward slashes) and returns its segments. Refuses
 * absolute paths, `..`, empty segments, backslashes, characters Windows reserves, device names,
 * and odd Unicode, each with a message that says what is wrong.
 */
export function checkRelativePath(relPath: string, what = 'The path'): string[] {
  const quoted = JSON.stringify(relPath);
  if (relPath.length === 0) throw new ApiError('BAD_INPUT', `${what} is empty.`);
  if (relPath.length > 1024) throw new ApiError('BAD_INPUT', `${what} is longer than 1024 characters.`);
  const odd = findOddCharacter(relPath, { path: true });
  if (odd) throw new ApiError('BAD_INPUT', `${what} ${quoted} ${describeOddCharacter(odd)}; Fieldnotes refuses such paths.`);
  if (relPath.startsWith('/') || relPath.startsWith('\\') || /^[A-Za-z]:/.test(relPath) || isAbsolute(relPath)) {
    throw new ApiError('PATH_OUTSIDE_NOTEBOOK', `${what} ${quoted} is absolute; give a path relative to the notebook folder, like ky/2026-11-28-routing.md.`);
  }
  if (relPath.includes('\\')) {
    throw new ApiError('BAD_INPUT', `${what} ${quoted} contains a backslash; separate folders with forward slashes (/).`);
  }
  const segments = relPath.split('/');
  for (const segment of segments) {
    if (segment === '..') {
      throw new ApiError('PATH_OUTSIDE_NOTEBOOK', `${what} ${quoted} climbs out of the notebook with "..", which Fieldnotes never follows.`);
    }
    if (segment === '' || segment === '.') {
      throw new ApiError('BAD_INPUT', `${what} ${quoted} has an empty or "." folder name; write it without "//" or "/./".`);
    }
    if (WINDOWS_RESERVED.test(segment) || WINDOWS_DEVICE.test(segment) || /[ .]$/.test(segment)) {
      throw new ApiError('BAD_INPUT', `${what} ${quoted} has a name that is not valid on every system (${JSON.stringify(segment)}).`);
    }
  }
  return segments;
}

/** Paths inside one notebook folder. `root` must already be a real path (no symlinks in it). */
export class NotebookPaths {
  constructor(readonly root: string) {}

  /** The absolute path for a checked relative path. No file system access. */
  resolve(relPath: string, what?: string): string {
    const abs = join(this.root, ...checkRelativePath(relPath, what));
    if (!this.contains(abs)) throw outside(relPath);
    return abs;
  }

  /**
   * Like resolve, and also follows the file system: the nearest existing folder, and the file
   * itself when it is a symlink, must really be inside the notebook.
   */
  async resolveReal(relPath: string, what?: string): Promise<string> {
    const abs = this.resolve(relPath, what);
    await this.assertReal(abs, relPath);
    return abs;
  }

  /** A path given as absolute, or relative to `cwd`, as a path relative to the notebook. */
  async relativeFromOutside(path: string, cwd: string = process.cwd()): Promise<string> {
    const odd = findOddCharacter(path, { path: true });
    if (odd) throw new ApiError('BAD_INPUT', `The path ${JSON.stringify(path)} ${describeOddCharacter(odd)}; Fieldnotes refuses such paths.`);
    const abs = resolve(cwd, path);
    const real = await realpath(abs).catch(() => abs);
    const rel = relative(this.root, real);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw outside(path);
    return rel.split(sep).join('/');
  }

  /** Notebook-relative path (forward slashes) of an absolute path inside the notebook. */
  relative(abs: string): string {
    return relative(this.root, abs).split(sep).join('/');
  }

  contains(abs: string): boolean {
    return isWithin(this.root, abs);
  }

  private async assertReal(abs: string, shown: string): Promise<void> {
    const info = await lstat(abs).catch(() => null);
    if (info?.isSymbolicLink()) {
      const target = await realpath(abs).catch(() => null);
      if (target === null || !this.contains(target)) throw new ApiError('PATH_OUTSIDE_NOTEBOOK', linkOutMessage(shown, true));
    }
    let folder = dirname(abs);
    for (;;) {
      const real = await realpath(folder).catch(() => null);
      if (real !== null) {
        if (!this.contains(real)) throw new ApiError('PATH_OUTSIDE_NOTEBOOK', linkOutMessage(shown, false));
        return;
      }
      if (folder === this.root || !this.contains(folder)) return;
      folder = dirname(folder);
    }
  }
}

/** True when `path` is `root` or lies under it; both absolute, `root` a real path. */
export function isWithin(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * Reading: the real file is opened, so no link is followed after the check; O_NONBLOCK keeps a
 * named pipe from blocking the open (callers then find it is not a file).
 */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
const APPEND_FLAGS = constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0);

/**
 * Opens a file of the notebook `root` (a real path) for reading, by the notes' rule: symlinks on
 * the way — the file itself or any folder above it — are followed only when they lead to a place
 * inside the notebook; one that leads out is refused with PATH_OUTSIDE_NOTEBOOK. A missing file
 * (or a dangling link) fails as `open` does, with ENOENT. Notes, transcripts, artifacts and trash
 * records are all read through here.
 */
export async function openInside(root: string, abs: string, shown: string = relative(root, abs)): Promise<FileHandle> {
  return open(await realInside(root, abs, shown), READ_FLAGS);
}

/** The real path of something that exists in the notebook, by the same rule as `openInside`. */
export async function realInside(root: string, abs: string, shown: string = relative(root, abs)): Promise<string> {
  const real = await realpath(abs);
  if (!isWithin(root, real)) throw await linkOut(abs, shown);
  return real;
}

/** `openInside` with blocking calls, for the search threads; returns a file descriptor. */
export function openInsideSync(root: string, abs: string, shown: string = relative(root, abs)): number {
  const real = realpathSync.native(abs);
  if (!isWithin(root, real)) {
    const isLink = lstatSync(abs, { throwIfNoEntry: false })?.isSymbolicLink() === true;
    throw new ApiError('PATH_OUTSIDE_NOTEBOOK', linkOutMessage(shown, isLink));
  }
  return openSync(real, READ_FLAGS);
}

/**
 * Opens a file of the notebook for appending (and reading), creating it and its folder when
 * missing. The file and its folders may be links only when they lead to a place inside.
 */
export async function openForAppendInside(root: string, abs: string, shown: string = relative(root, abs)): Promise<FileHandle> {
  await folderInside(root, dirname(abs), shown);
  const real = await realpath(abs).catch((error: unknown) => {
    if (codeOf(error) === 'ENOENT') return null;
    throw error;
  });
  if (real !== null && !isWithin(root, real)) throw await linkOut(abs, shown);
  // A dangling link is refused by O_NOFOLLOW (ELOOP) instead of creating its target.
  return open(real ?? abs, APPEND_FLAGS).catch(async (error: unknown) => {
    throw codeOf(error) === 'ELOOP' || codeOf(error) === 'EMLINK' ? await linkOut(abs, shown) : error;
  });
}

/**
 * Makes sure the folder `abs` (inside `root`) exists and really is inside the notebook: folders
 * that are missing are made one at a time, and one that exists must not be a link out. Unlike
 * `mkdir -p` it never loops: Node's recursive mkdir spins forever where a file system answers
 * ENOENT for a folder whose parent exists (/proc does); here that ENOENT is thrown.
 */
export async function folderInside(root: string, abs: string, shown: string = relative(root, abs)): Promise<void> {
  const real = await realpath(abs).catch((error: unknown) => {
    if (codeOf(error) === 'ENOENT') return null;
    throw error;
  });
  if (real !== null) {
    if (!isWithin(root, real)) throw await linkOut(abs, shown);
    if (!(await stat(real)).isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a folder, ${abs}`), { code: 'ENOTDIR' });
    return;
  }
  const rel = relative(root, abs);
  if (rel.startsWith('..') || isAbsolute(rel)) throw outside(shown);
  let folder = root;
  for (const segment of rel.split(sep)) {
    folder = join(folder, segment);
    const made = await mkdir(folder).then(
      () => true,
      (error: unknown) => {
        if (codeOf(error) !== 'EEXIST') throw error;
        return false;
      },
    );
    if (made) continue;
    const existing = await realpath(folder).catch(() => null);
    if (existing === null || !isWithin(root, existing)) throw await linkOut(folder, relative(root, folder).split(sep).join('/'));
  }
}

async function linkOut(abs: string, shown: string): Promise<ApiError> {
  const isLink = (await lstat(abs).catch(() => null))?.isSymbolicLink() === true;
  return new ApiError('PATH_OUTSIDE_NOTEBOOK', linkOutMessage(shown, isLink));
}

function linkOutMessage(shown: string, isLink: boolean): string {
  return isLink
    ? `${JSON.stringify(shown)} is a symlink to somewhere outside the notebook; Fieldnotes does not follow it.`
    : `${JSON.stringify(shown)} lies in a folder that links outside the notebook; Fieldnotes does not follow it.`;
}

function codeOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function outside(path: string): ApiError {
  return new ApiError('PATH_OUTSIDE_NOTEBOOK', `${JSON.stringify(path)} is outside the notebook folder; Fieldnotes only reads and writes inside it.`);
}
