// The git blob hash of files at a commit, in one `git cat-file --batch-check` for any number of
// paths: how a note pins "the files the agent read" to exact content.
import { git } from './git';

/**
 * Maps each path (relative to the repository root, forward slashes) to its blob hash at `commit`.
 * Paths that do not exist at that commit, or are not files, are left out.
 */
export async function blobHashes(repoRoot: string, commit: string, paths: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(paths)].filter((path) => path.length > 0 && !path.includes('\n'));
  const hashes = new Map<string, string>();
  if (unique.length === 0) return hashes;
  const input = unique.map((path) => `${commit}:${path}`).join('\n') + '\n';
  const result = await git(repoRoot, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], { input });
  if (result.code !== 0) return hashes;
  const lines = result.stdout.split('\n');
  unique.forEach((path, i) => {
    const [hash, type] = (lines[i] ?? '').split(' ');
    if (hash && type === 'blob') hashes.set(path, hash);
  });
  return hashes;
}
