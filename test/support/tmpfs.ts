// A small disk of its own for a test that needs one to fill up: a tmpfs mounted on a temp folder.
// Mounting needs privileges (root, or CAP_SYS_ADMIN): where it is not allowed, the test is told
// why, to skip with that reason.
import { execFile } from 'node:child_process';
import { statfs, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tempDir } from './temp';

const run = promisify(execFile);

export interface SmallDisk {
  dir: string;
  /** Bytes still free on it. */
  free(): Promise<number>;
  /** Fills it with one file (`filler.bin`) until only `leave` bytes are free. */
  fill(leave: number): Promise<void>;
  unmount(): Promise<void>;
}

/** Mounts a tmpfs of `bytes`; resolves with the reason instead when mounting is not allowed here. */
export async function mountSmallDisk(bytes: number): Promise<SmallDisk | { cannot: string }> {
  if (process.platform !== 'linux') return { cannot: `mounting a tmpfs is a Linux test; this is ${process.platform}` };
  const dir = await tempDir('fieldnotes-small-disk-');
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir]);
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    return { cannot: `mounting a tmpfs failed here (it needs root or CAP_SYS_ADMIN): ${(stderr || message).trim()}` };
  }
  const free = async () => {
    const stats = await statfs(dir);
    return stats.bavail * stats.bsize;
  };
  return {
    dir,
    free,
    async fill(leave) {
      try {
        await writeFile(join(dir, 'filler.bin'), Buffer.alloc(Math.max(0, (await free()) - leave)));
      } catch (error) {
        // Filling it to the last byte: what did not fit is the point.
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      }
    },
    async unmount() {
      await run('umount', ['--lazy', dir]);
    },
  };
}
