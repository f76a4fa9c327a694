// Temporary folders that tests create and always clean up.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function tempDir(prefix = 'fieldnotes-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
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
