// The git blob hash of files at a commit, in one `git cat-file --batch-check` for any number of
// paths: how a note pins "the files the agent read" to exact content, and how it later tells that
// they changed.
import { git } from './git';

/**
 * Maps each path (relative to the repository root, forward slashes) to its blob hash at `commit`.
 * Paths that do not exist at that commit, or are not files, are left out.
 */
export async function blobHashes(repoRoot: string, commit: string, paths: readonly string[]): Promise<Map<string, string>> {
  const unique = usablePaths(paths);
  const hashes = new Map<string, string>();
  if (unique.length === 0) return hashes;
  const objects = await checkObjects(repoRoot, unique.map((path) => `${commit}:${path}`));
  unique.forEach((path, i) => {
    const object = objects?.[i];
    if (object?.type === 'blob') hashes.set(path, object.hash);
  });
  return hashes;
}

/**
 * The commit the repository's HEAD points at now, and the blob hash of each path there — in the
 * same single git call. Null when the folder is gone, is not a git repository, has no commit yet,
 * or git is not installed.
 */
export async function blobHashesAtHead(repoPath: string, paths: readonly string[]): Promise<{ commit: string; blobs: Map<string, string> } | null> {
  const unique = usablePaths(paths);
  const objects = await checkObjects(repoPath, ['HEAD', ...unique.map((path) => `HEAD:${path}`)]).catch(() => null);
  const head = objects?.[0];
  if (!objects || head?.type !== 'commit') return null;
  const blobs = new Map<string, string>();
  unique.forEach((path, i) => {
    const object = objects[i + 1];
    if (object?.type === 'blob') blobs.set(path, object.hash);
  });
  return { commit: head.hash, blobs };
}

function usablePaths(paths: readonly string[]): string[] {
  return [...new Set(paths)].filter((path) => path.length > 0 && !path.includes('\n'));
}

/** One `cat-file --batch-check` line per object name: its hash and type, or null when missing. */
export async function checkObjects(cwd: string, names: string[]): Promise<Array<{ hash: string; type: string } | null> | null> {
  const result = await git(cwd, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], { input: names.join('\n') + '\n' });
  if (result.code !== 0) return null;
  const lines = result.stdout.split('\n');
  return names.map((_, i) => {
    // A found object reads `<hash> <type>`; a missing one `<name> missing` (names may hold spaces).
    const found = /^([0-9a-f]{40,64}) ([a-z]+)$/.exec(lines[i] ?? '');
    return found ? { hash: found[1]!, type: found[2]! } : null;
  });
}
