// Replacing a file only if it still holds what was read (compare-and-swap), so a save another
// program made meanwhile is never overwritten blindly. The check and the rename run back to back
// with synchronous calls, which leaves no event-loop turn between them for anything to slip in.
import { closeSync, fstatSync, openSync, readFileSync, readSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { syncFolder, writeTempBeside } from './atomic-write';

/** What happened to a compare-and-swap. */
export type SwapOutcome =
  /** The file held what was expected and now holds the new data. */
  | { kind: 'replaced' }
  /** The file changed since it was read; nothing was written. `now` is what it holds. */
  | { kind: 'changed'; now: Buffer }
  /** The file is gone (deleted or moved); nothing was written. */
  | { kind: 'gone' }
  /**
   * The new data is in place, but a program that writes files in place (truncate, then write)
   * wrote into the old file after the check: `late` is what it wrote, which is no longer on disk.
   */
  | { kind: 'overtaken'; late: Buffer };

/** How long a file written in place must stay the same before it counts as finished. */
const SETTLE_MS = 15;
const SETTLE_TRIES = 20;

/**
 * Writes `data` to a temp file beside `path`, then renames it over `path` if `path` still holds
 * exactly `expected`. The permissions of the file are kept.
 */
export async function replaceIfUnchanged(path: string, data: string | Uint8Array, expected: Uint8Array): Promise<SwapOutcome> {
  const temp = await writeTempBeside(path, data, { keepModeOf: path });
  let held: number;
  try {
    held = openSync(path, 'r');
  } catch (error) {
    unlinkSync(temp);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'gone' };
    throw error;
  }
  try {
    const now = readAll(held);
    if (!now.equals(expected)) {
      unlinkSync(temp);
      return { kind: 'changed', now };
    }
    // Reading and comparing took a while; a save that renamed a new file over `path` meanwhile
    // left `held` on the old one. One stat right before the rename sees it, which leaves the
    // window for such a save at the two back-to-back system calls (no atomic exchange in Node).
    const current = statSync(path, { throwIfNoEntry: false });
    const opened = fstatSync(held);
    if (!current || current.ino !== opened.ino || current.dev !== opened.dev) {
      unlinkSync(temp);
      const now = current ? readIfThere(path) : null;
      return now ? { kind: 'changed', now } : { kind: 'gone' };
    }
    try {
      renameSync(temp, path);
    } catch (error) {
      unlinkSync(temp);
      throw error;
    }
    // The file we just replaced stays readable through `held`: a write into it after the check
    // (by a program that had it open) shows there and would otherwise be lost.
    if (readAll(held).equals(expected)) return { kind: 'replaced' };
    return { kind: 'overtaken', late: await settled(held) };
  } finally {
    closeSync(held);
    await syncFolder(dirname(path));
  }
}

function readIfThere(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Reads a whole file through an open descriptor, from its start. */
function readAll(fd: number): Buffer {
  const size = fstatSync(fd).size;
  const chunks: Buffer[] = [];
  let position = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.max(size - position, 0) + 1);
    const read = readSync(fd, chunk, 0, chunk.length, position);
    if (read === 0) break;
    chunks.push(chunk.subarray(0, read));
    position += read;
  }
  return Buffer.concat(chunks);
}

/** The content of a file another program is writing in place, once it stops changing. */
async function settled(fd: number): Promise<Buffer> {
  let last = readAll(fd);
  for (let tries = 0; tries < SETTLE_TRIES; tries++) {
    await sleep(SETTLE_MS);
    const now = readAll(fd);
    if (now.equals(last) && now.length > 0) return now;
    last = now;
  }
  return last;
}
