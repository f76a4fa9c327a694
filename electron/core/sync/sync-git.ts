// Git as a sync runs it: the user's git and its credentials (SSH agent, credential helpers) as they
// are, never a prompt; an environment of our own only where asked (a temporary index).
import { git, gitOk, type GitOptions, type GitResult } from '../repos/git';

export type SyncGitOptions = Pick<GitOptions, 'env' | 'input' | 'timeoutMs'>;

// A sync moves whole histories: more time and output than a query of the repo, and a merge never
// stops to ask for its message.
function syncOptions(options: SyncGitOptions): GitOptions {
  return { maxBuffer: 256 * 1024 * 1024, timeoutMs: 120_000, ...options, env: { GIT_MERGE_AUTOEDIT: 'no', ...options.env } };
}

export function syncGit(cwd: string, args: string[], options: SyncGitOptions = {}): Promise<GitResult> {
  return git(cwd, args, syncOptions(options));
}

/** Like syncGit, but a non-zero exit is an error with git's own last lines. */
export function syncGitOk(cwd: string, args: string[], options: SyncGitOptions = {}): Promise<string> {
  return gitOk(cwd, args, syncOptions(options));
}

/** The text of `path` at `commit`, or null when it is not there. */
export async function showFile(cwd: string, spec: string): Promise<string | null> {
  const result = await syncGit(cwd, ['cat-file', 'blob', spec]);
  return result.code === 0 ? result.stdout : null;
}
