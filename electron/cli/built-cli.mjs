// Whether the bundled command line (out/main/cli.js, made by `npm run build`) is current: written
// after the last change to anything it is built from. Plain JavaScript, because the launcher asks
// before anything that compiles TypeScript is loaded.
import { statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Folders the bundle is built from. */
const SOURCE_DIRS = ['electron', 'shared'];
/** Files at the root that change what the bundle is (dependencies, the build's own settings). */
const ROOT_FILES = ['package.json', 'electron.vite.config.ts'];
const SOURCE_FILE = /\.(ts|mts|cts|mjs|cjs|js|json)$/;

/**
 * The path of out/main/cli.js under the package `root` when it is current, else null (run the
 * sources). FIELDNOTES_CLI_FROM_SOURCE=1 in `env` always means null.
 *
 * Modification times, not content hashes: this runs on every command, and a walk of ~200 files'
 * metadata takes a few milliseconds. A folder's own time counts too, so a source file deleted or
 * added since the build makes it stale (a file's time alone would not show that).
 * @param {string} root
 * @param {Record<string, string | undefined>} [env]
 * @returns {string | null}
 */
export function currentBuild(root, env = process.env) {
  if (env.FIELDNOTES_CLI_FROM_SOURCE === '1') return null;
  const built = join(root, 'out', 'main', 'cli.js');
  const builtAt = mtime(built);
  if (builtAt === null) return null;
  if (ROOT_FILES.some((name) => (mtime(join(root, name)) ?? 0) > builtAt)) return null;
  return SOURCE_DIRS.some((dir) => changedSince(join(root, dir), builtAt)) ? null : built;
}

/** Whether `dir`, or a source file or folder anywhere under it, changed after `time`. */
function changedSince(dir, time) {
  const dirTime = mtime(dir);
  if (dirTime === null) return false;
  if (dirTime > time) return true;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() ? changedSince(path, time) : SOURCE_FILE.test(entry.name) && (mtime(path) ?? 0) > time) return true;
  }
  return false;
}

/** @param {string} path */
function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}
