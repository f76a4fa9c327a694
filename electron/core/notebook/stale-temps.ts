// Temp files that killed writes left behind (`.<note>.md.<hex>.fieldnotes-tmp`): removed when a
// notebook opens, and kept out of git by a line in the notebook's .gitignore meanwhile.
import { lstat, readdir, readFile, appendFile, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isTempFile, TEMP_SUFFIX } from '../fs/atomic-write';
import { LAYOUT } from './notebook-layout';

/**
 * A temp file older than this is from a write that was killed: a live write renames its temp file
 * within moments, even for a large artifact, and another Fieldnotes process may be writing now.
 */
export const STALE_TEMP_MS = 10 * 60_000;

/** The .gitignore line that keeps temp files out of `git add -A`. */
export const TEMP_IGNORE_LINE = `.*${TEMP_SUFFIX}`;

/**
 * Removes stale temp files: those found beside notes (`noteTemps`, absolute paths from the
 * notebook walk) and those in Fieldnotes' own folders. Returns how many were removed.
 */
export async function removeStaleTemps(root: string, noteTemps: readonly string[], now = Date.now()): Promise<number> {
  const own = await Promise.all([LAYOUT.cache, LAYOUT.running, LAYOUT.trash, LAYOUT.artifacts].map((folder) => tempsUnder(join(root, folder), 1)));
  let removed = 0;
  for (const path of [...noteTemps, ...own.flat()]) {
    const info = await lstat(path).catch(() => null);
    if (!info?.isFile() || now - info.mtimeMs < STALE_TEMP_MS) continue;
    if (await unlink(path).then(() => true, () => false)) removed += 1;
  }
  return removed;
}

/** Temp files in `folder` and, `depth` levels down, in its subfolders (one per trashed note or artifact owner). */
async function tempsUnder(folder: string, depth: number): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  const found = entries.filter((entry) => entry.isFile() && isTempFile(entry.name)).map((entry) => join(folder, entry.name));
  if (depth === 0) return found;
  const below = await Promise.all(entries.filter((entry) => entry.isDirectory()).map((entry) => tempsUnder(join(folder, entry.name), depth - 1)));
  return [...found, ...below.flat()];
}

/**
 * When the notebook is in a git work tree, makes sure its .gitignore has the temp-file line, so a
 * write killed mid-way never ends up committed. The file is created, or the line appended.
 */
export async function ignoreTempsInGit(root: string): Promise<void> {
  if (!(await insideGitWorkTree(root))) return;
  const file = join(root, '.gitignore');
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text !== null && text.split(/\r?\n/).some((line) => line.trim() === TEMP_IGNORE_LINE)) return;
  const separator = text === null || text === '' || text.endsWith('\n') ? '' : '\n';
  await appendFile(file, `${separator}# Fieldnotes' temp files from interrupted writes\n${TEMP_IGNORE_LINE}\n`);
}

async function insideGitWorkTree(root: string): Promise<boolean> {
  for (let folder = root; ; folder = dirname(folder)) {
    if (await lstat(join(folder, '.git')).then(() => true, () => false)) return true;
    if (dirname(folder) === folder) return false;
  }
}
