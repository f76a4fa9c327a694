// Facts about the installed Fieldnotes package the command line needs: version and file locations.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's root folder (where package.json is). */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const VERSION: string = (
  JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

/** The built renderer the browser mode serves. */
export const RENDERER_DIR = process.env.FIELDNOTES_RENDERER_DIR ?? join(PACKAGE_ROOT, 'out', 'renderer');

export function rendererIsBuilt(dir = RENDERER_DIR): boolean {
  return existsSync(join(dir, 'index.html'));
}
