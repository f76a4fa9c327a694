// What Fieldnotes records about a codebase: its name, and when it is a git repository, the HEAD
// commit, branch, remote and whether the working tree has changes.
import { realpath, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { RepoRef } from '../../../shared/model/note';
import { git } from './git';

export interface RepoFacts extends RepoRef {
  path: string;
  /** The repository's top-level folder (the given path may be inside it). */
  root?: string;
  isGit: boolean;
}

/**
 * Reads a folder's git facts. A folder that is not a git repository (or has no commit yet) still
 * works: it gets a name and a path, and no commit.
 */
export async function readRepoFacts(path: string): Promise<RepoFacts> {
  const real = await realpath(path).catch(() => {
    throw new Error(`${path} does not exist.`);
  });
  const info = await stat(real);
  if (!info.isDirectory()) throw new Error(`${path} is not a folder.`);

  const top = await git(real, ['rev-parse', '--show-toplevel']);
  if (top.code !== 0) return { name: basename(real), path: real, isGit: false };
  const root = top.stdout.trim();

  const [head, branch, remote, status] = await Promise.all([
    git(real, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']),
    git(real, ['symbolic-ref', '--quiet', '--short', 'HEAD']),
    git(real, ['config', '--get', 'remote.origin.url']),
    git(real, ['status', '--porcelain=v1', '-z', '--ignore-submodules=dirty']),
  ]);
  const facts: RepoFacts = { name: basename(root), path: real, root, isGit: true };
  if (head.code === 0 && head.stdout.trim()) facts.commit = head.stdout.trim();
  if (branch.code === 0 && branch.stdout.trim()) facts.branch = branch.stdout.trim();
  if (remote.code === 0 && remote.stdout.trim()) facts.remote = redactCredentials(remote.stdout.trim());
  if (status.code === 0) facts.dirty = status.stdout.length > 0;
  return facts;
}

/** Remote URLs can carry a token (`https://user:token@host/…`); it must never reach a note. */
export function redactCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1');
}
