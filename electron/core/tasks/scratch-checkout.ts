// Scratch checkouts for proof-of-concept tasks: a detached `git worktree` of the repo's HEAD (or a
// new empty git repo when there is none) where an agent may edit and run code. The user's own
// working tree is never touched. The checkout stays until the user discards it.
import { mkdir, readFile, readdir, rm, stat, lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { git, gitOk } from '../repos/git';
import type { RepoFacts } from '../repos/repo-facts';

export interface ScratchCheckout {
  /** The folder the agent works in. */
  dir: string;
  /** `worktree` of a repository, or an `empty` scratch repository. */
  kind: 'worktree' | 'empty';
  /** The commit the checkout started from; its diff is taken against it. */
  base: string;
  /** The repository the worktree belongs to (worktrees only). */
  repoRoot?: string;
}

const IDENTITY = ['-c', 'user.name=Fieldnotes', '-c', 'user.email=scratch@fieldnotes.invalid', '-c', 'commit.gpgsign=false'];

/** Creates `<scratchRoot>/<name>` from the repo's HEAD, or as an empty git repo. */
export async function createScratchCheckout(scratchRoot: string, name: string, repo: RepoFacts | null): Promise<ScratchCheckout> {
  if (!/^[\w.-]{1,80}$/.test(name)) throw new Error(`Not a safe scratch folder name: ${name}`);
  await mkdir(scratchRoot, { recursive: true });
  const dir = join(scratchRoot, name);
  if (repo?.isGit && repo.root && repo.commit) {
    await gitOk(repo.root, ['worktree', 'add', '--detach', '--quiet', dir, repo.commit]);
    return { dir, kind: 'worktree', base: repo.commit, repoRoot: repo.root };
  }
  await mkdir(dir);
  await gitOk(dir, ['init', '--quiet']);
  await gitOk(dir, [...IDENTITY, 'commit', '--quiet', '--allow-empty', '-m', 'Fieldnotes scratch start']);
  const base = (await gitOk(dir, ['rev-parse', 'HEAD'])).trim();
  return { dir, kind: 'empty', base };
}

/**
 * Everything the agent changed in the checkout since its base, new files included, as a patch
 * `git apply` understands. Empty when nothing changed.
 */
export async function scratchDiff(checkout: Pick<ScratchCheckout, 'dir' | 'base'>): Promise<string> {
  // Intent-to-add makes new files show up in the diff without committing anything.
  await git(checkout.dir, ['add', '--all', '--intent-to-add']);
  return gitOk(checkout.dir, ['diff', '--binary', '--no-color', '--no-ext-diff', checkout.base, '--']);
}

export interface ScratchSummary {
  name: string;
  dir: string;
  bytes: number;
  kind: 'worktree' | 'empty';
  modified: string;
}

/** The scratch checkouts that exist, with their disk use. */
export async function listScratchCheckouts(scratchRoot: string): Promise<ScratchSummary[]> {
  const entries = await readdir(scratchRoot, { withFileTypes: true }).catch(() => []);
  const checkouts = await Promise.all(
    entries
      .filter((entry) => entry.isDirectory())
      .map(async (entry): Promise<ScratchSummary> => {
        const dir = join(scratchRoot, entry.name);
        const gitEntry = await lstat(join(dir, '.git')).catch(() => null);
        return {
          name: entry.name,
          dir,
          bytes: await diskUse(dir),
          kind: gitEntry?.isFile() ? 'worktree' : 'empty',
          modified: (await stat(dir)).mtime.toISOString(),
        };
      }),
  );
  return checkouts.sort((a, b) => (a.modified < b.modified ? 1 : -1));
}

/** Removes a scratch checkout and, for a worktree, prunes it from its repository. */
export async function discardScratchCheckout(scratchRoot: string, name: string): Promise<void> {
  if (!/^[\w.-]{1,80}$/.test(name)) throw new Error(`Not a scratch checkout: ${name}`);
  const dir = join(scratchRoot, name);
  const repoRoot = await worktreeRepo(dir);
  await rm(dir, { recursive: true, force: true });
  if (repoRoot) await git(repoRoot, ['worktree', 'prune']);
}

/** The main repository of a worktree, from the `gitdir:` line of its `.git` file. */
async function worktreeRepo(dir: string): Promise<string | null> {
  const text = await readFile(join(dir, '.git'), 'utf8').catch(() => null);
  const match = text ? /^gitdir: (.+)$/m.exec(text) : null;
  if (!match?.[1]) return null;
  const gitDir = match[1].trim();
  const marker = `${join('.git', 'worktrees')}`;
  const at = gitDir.lastIndexOf(marker);
  return at > 0 ? gitDir.slice(0, at - 1) : null;
}

async function diskUse(dir: string): Promise<number> {
  let total = 0;
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += await diskUse(path);
    else if (entry.isFile()) total += (await lstat(path).catch(() => ({ size: 0 }))).size;
  }
  return total;
}
