// The files of a commit and their contents, in a fixed number of git calls whatever the number of
// files: `git ls-tree -r` for the names and blobs, one `git cat-file --batch` for the contents.
import { git, gitBytes } from './git';

/** A commit's files: path → blob hash, and which paths end in a given file name (for resolving). */
export interface CommitTree {
  blobs: Map<string, string>;
  byName: Map<string, string[]>;
  /** Folders that hold files (`src`, `src/router`). */
  folders: Set<string>;
}

/** The files of `commit` (submodules and links left out); null when git cannot list it. */
export async function commitTree(repoRoot: string, commit: string): Promise<CommitTree | null> {
  const result = await git(repoRoot, ['-c', 'core.quotepath=off', 'ls-tree', '-r', '-z', '--full-tree', commit]);
  if (result.code !== 0) return null;
  const tree: CommitTree = { blobs: new Map(), byName: new Map(), folders: new Set() };
  for (const entry of result.stdout.split('\0')) {
    // `<mode> <type> <hash>\t<path>`
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, hash] = entry.slice(0, tab).split(' ');
    if (type !== 'blob' || mode === '120000' || !hash) continue;
    const path = entry.slice(tab + 1);
    tree.blobs.set(path, hash);
    const parts = path.split('/');
    const name = parts[parts.length - 1]!;
    const same = tree.byName.get(name);
    if (same) same.push(path);
    else tree.byName.set(name, [path]);
    for (let i = 1; i < parts.length; i++) tree.folders.add(parts.slice(0, i).join('/'));
  }
  return tree;
}

/** The contents of blobs by hash, in one `git cat-file --batch`; missing ones are left out. */
export async function blobContents(repoRoot: string, hashes: readonly string[]): Promise<Map<string, Buffer>> {
  const unique = [...new Set(hashes)];
  const contents = new Map<string, Buffer>();
  if (unique.length === 0) return contents;
  const { stdout, code } = await gitBytes(repoRoot, ['cat-file', '--batch'], { input: unique.join('\n') + '\n' });
  if (code !== 0) return contents;
  let at = 0;
  while (at < stdout.length) {
    const newline = stdout.indexOf(0x0a, at);
    if (newline < 0) break;
    const header = stdout.toString('utf8', at, newline).split(' ');
    at = newline + 1;
    if (header[1] === 'missing' || header.length < 3) continue;
    const size = Number(header[2]);
    contents.set(header[0]!, stdout.subarray(at, at + size));
    at += size + 1;
  }
  return contents;
}
