// The notebook's boundary. Every path that comes from outside — an API call, a CLI argument, a
// trash record, a link in a note — goes through here before Fieldnotes reads or writes it.
import { lstat, realpath } from 'node:fs/promises';
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
    return abs === this.root || abs.startsWith(this.root.endsWith(sep) ? this.root : this.root + sep);
  }

  private async assertReal(abs: string, shown: string): Promise<void> {
    const info = await lstat(abs).catch(() => null);
    if (info?.isSymbolicLink()) {
      const target = await realpath(abs).catch(() => null);
      if (target === null || !this.contains(target)) {
        throw new ApiError('PATH_OUTSIDE_NOTEBOOK', `${JSON.stringify(shown)} is a symlink to somewhere outside the notebook; Fieldnotes does not follow it.`);
      }
    }
    let folder = dirname(abs);
    for (;;) {
      const real = await realpath(folder).catch(() => null);
      if (real !== null) {
        if (!this.contains(real)) {
          throw new ApiError('PATH_OUTSIDE_NOTEBOOK', `${JSON.stringify(shown)} lies in a folder that links outside the notebook; Fieldnotes does not follow it.`);
        }
        return;
      }
      if (folder === this.root || !this.contains(folder)) return;
      folder = dirname(folder);
    }
  }
}

function outside(path: string): ApiError {
  return new ApiError('PATH_OUTSIDE_NOTEBOOK', `${JSON.stringify(path)} is outside the notebook folder; Fieldnotes only reads and writes inside it.`);
}
