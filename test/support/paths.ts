// Where things are, for tests.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = join(ROOT, 'electron', 'cli', 'fieldnotes.mjs');
export const FIXTURES = join(ROOT, 'test', 'fixtures');
export const RENDERER_DIR = join(ROOT, 'out', 'renderer');

export function fixtureNotebook(name: string): string {
  return join(FIXTURES, 'notebooks', name);
}
