// Facts about the installed Fieldnotes package the command line needs: version and file locations.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The nearest folder at or above `from` whose package.json is Fieldnotes'. Found by walking up, not
 * by counting folders: this code runs from electron/cli/ (sources), out/main/ (the bundle) and
 * out/main/chunks/ (a chunk the bundle split off), each a different depth below the root.
 */
export function findPackageRoot(from: string): { root: string; version: string } {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'fieldnotes') return { root: dir, version: manifest.version ?? '0.0.0' };
    }
    if (dirname(dir) === dir) throw new Error(`Fieldnotes' package.json was not found above ${from}.`);
  }
}

const found = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** The package's root folder (where package.json is). */
export const PACKAGE_ROOT = found.root;

export const VERSION: string = found.version;

/** The built renderer the browser mode serves. */
export const RENDERER_DIR = process.env.FIELDNOTES_RENDERER_DIR ?? join(PACKAGE_ROOT, 'out', 'renderer');

export function rendererIsBuilt(dir = RENDERER_DIR): boolean {
  return existsSync(join(dir, 'index.html'));
}

/** How to run this `fieldnotes` again (the launcher picks the build or the sources): tasks' MCP servers use it. */
export const FIELDNOTES_COMMAND = { command: process.execPath, args: [join(PACKAGE_ROOT, 'electron', 'cli', 'fieldnotes.mjs')] };
