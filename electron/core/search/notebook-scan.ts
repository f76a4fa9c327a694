// Lists a notebook's note files with their modification time and size, by the notebook's own rules
// (note-names.ts): every `*.md` file, skipping dot-folders (`.fieldnotes/`, `.git/`), node_modules
// and half-written temp files.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_NOTE_BYTES, isHiddenName, isNoteName } from '../notebook/note-names';

export interface NoteFileStat {
  /** Path relative to the notebook folder, with forward slashes. */
  path: string;
  mtimeMs: number;
  size: number;
}

export { MAX_NOTE_BYTES } from '../notebook/note-names';

export async function scanNotebook(root: string): Promise<NoteFileStat[]> {
  const found: NoteFileStat[] = [];
  const visit = async (dir: string, prefix: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    await Promise.all(
      entries.map(async (entry) => {
        if (isHiddenName(entry.name)) return;
        const rel = prefix + entry.name;
        if (entry.isDirectory()) return visit(join(dir, entry.name), `${rel}/`);
        if (!entry.isFile() || !isNoteName(entry.name)) return;
        const info = await stat(join(dir, entry.name)).catch(() => null);
        if (info && info.size <= MAX_NOTE_BYTES) found.push({ path: rel, mtimeMs: info.mtimeMs, size: info.size });
      }),
    );
  };
  await visit(root, '');
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A note path from outside (a change notice) that stays inside the notebook and is a note file. */
export function isNotePath(path: string): boolean {
  if (path.startsWith('/') || path.includes('\\')) return false;
  const parts = path.split('/');
  return isNoteName(parts.at(-1) ?? '') && parts.every((part) => part !== '' && part !== '..' && !isHiddenName(part));
}
