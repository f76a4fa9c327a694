// Lists a notebook's note files with their modification time and size, the way the notebook does:
// every `*.md` file, skipping dot-folders (`.fieldnotes/`, `.git/`, `.obsidian/`).
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface NoteFileStat {
  /** Path relative to the notebook folder, with forward slashes. */
  path: string;
  mtimeMs: number;
  size: number;
}

/** Notes larger than this are not indexed (the notebook does not read them either). */
export const MAX_NOTE_BYTES = 16 * 1024 * 1024;

export async function scanNotebook(root: string): Promise<NoteFileStat[]> {
  const found: NoteFileStat[] = [];
  const visit = async (dir: string, prefix: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    await Promise.all(
      entries.map(async (entry) => {
        if (entry.name.startsWith('.')) return;
        const rel = prefix + entry.name;
        if (entry.isDirectory()) return visit(join(dir, entry.name), `${rel}/`);
        if (!entry.isFile() || !entry.name.toLowerCase().endsWith('.md')) return;
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
  if (!path.toLowerCase().endsWith('.md') || path.startsWith('/') || path.includes('\\')) return false;
  return path.split('/').every((part) => part !== '' && part !== '..' && !part.startsWith('.'));
}
