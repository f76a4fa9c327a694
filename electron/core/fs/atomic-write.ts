// Writing files so that a crash, a kill or a full disk never leaves a half-written one: write a
// temp file beside the target, fsync it, rename it over the target, fsync the folder.
import { randomBytes } from 'node:crypto';
import { chmod, link, lstat, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temp files end with this; listings and the watcher skip them (they also start with a dot). */
export const TEMP_SUFFIX = '.fieldnotes-tmp';

export function isTempFile(name: string): boolean {
  return name.endsWith(TEMP_SUFFIX);
}

export interface AtomicWriteOptions {
  /** Fail with EEXIST instead of replacing a file that is already there. */
  exclusive?: boolean;
}

/**
 * Replaces `path` with `data` atomically: readers see the old file or the new one, never a mix,
 * whatever happens mid-write. An existing file's permissions are kept.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const temp = await writeTempBeside(path, data, { keepModeOf: options.exclusive ? undefined : path });
  try {
    if (options.exclusive) await placeExclusive(temp, path);
    else await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(dirname(path));
}

/**
 * Writes `data` to a new temp file beside `path` and fsyncs it; returns the temp file's path.
 * With `keepModeOf`, the temp file gets that file's permissions (when it exists).
 */
export async function writeTempBeside(path: string, data: string | Uint8Array, options: { keepModeOf?: string } = {}): Promise<string> {
  const temp = join(dirname(path), `.${basename(path).slice(0, 120)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  const existing = options.keepModeOf ? await stat(options.keepModeOf).catch(() => null) : null;
  const handle = await open(temp, 'wx');
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (existing) await chmod(temp, existing.mode & 0o7777);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  return temp;
}

/**
 * Moves `temp` to `path` only if nothing is there. A hard link fails atomically when the target
 * exists; file systems without hard links fall back to check-then-rename.
 */
async function placeExclusive(temp: string, path: string): Promise<void> {
  try {
    await link(temp, path);
    await unlink(temp);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
    if (await lstat(path).then(() => true, () => false)) {
      throw Object.assign(new Error(`EEXIST: file already exists, ${path}`), { code: 'EEXIST' });
    }
    await rename(temp, path);
  }
}

/** Makes a rename durable. Windows cannot open folders for syncing, and does not need to. */
export async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on folders; the rename itself is still atomic.
  } finally {
    await handle.close();
  }
}
