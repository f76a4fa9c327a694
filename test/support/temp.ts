// Temporary folders that tests create; every one is removed when its test file ends
// (see vitest-setup.ts), or explicitly with removeDir.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const created: string[] = [];

export async function tempDir(prefix = 'fieldnotes-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** A fresh copy of a fixture notebook that the test may change freely. */
export async function copyNotebook(fixture: string): Promise<string> {
  const dir = await tempDir('fieldnotes-notebook-');
  await cp(fixture, dir, { recursive: true });
  return dir;
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 3 });
}

/** Removes every folder tempDir made in this process. */
export async function removeTempDirs(): Promise<void> {
  const dirs = created.splice(0);
  await Promise.all(dirs.map(removeDir));
}
