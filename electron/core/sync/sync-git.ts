// Git as a sync runs it: the user's git and its credentials (SSH agent, credential helpers) as they
// are, never a prompt; an environment of our own only where asked (a temporary index).
import { execFile } from 'node:child_process';
import type { GitResult } from '../repos/git';

export interface SyncGitOptions {
  env?: NodeJS.ProcessEnv;
  input?: string;
  timeoutMs?: number;
}

export function syncGit(cwd: string, args: string[], options: SyncGitOptions = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      ['-C', cwd, ...args],
      {
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        timeout: options.timeoutMs ?? 120_000,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', GIT_EDITOR: 'true', GIT_MERGE_AUTOEDIT: 'no', LC_ALL: 'C', ...options.env },
      },
      (error, stdout, stderr) => {
        if (error && typeof (error as NodeJS.ErrnoException).code === 'string') {
          const code = (error as NodeJS.ErrnoException).code;
          reject(new Error(code === 'ENOENT' ? 'git is not installed or not on PATH: install git to sync the notebook.' : `git failed to run: ${error.message}`));
          return;
        }
        resolve({ stdout, stderr, code: error ? (typeof error.code === 'number' ? error.code : 1) : 0 });
      },
    );
    if (options.input !== undefined) {
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(options.input);
    } else child.stdin?.end();
  });
}

/** Like syncGit, but a non-zero exit is an error with git's own last lines. */
export async function syncGitOk(cwd: string, args: string[], options: SyncGitOptions = {}): Promise<string> {
  const result = await syncGit(cwd, args, options);
  if (result.code !== 0) {
    const message = (result.stderr.trim() || result.stdout.trim()).split('\n').slice(-3).join(' ') || `exit ${result.code}`;
    throw new Error(`git ${args[0]} failed: ${message}`);
  }
  return result.stdout;
}

/** The text of `path` at `commit`, or null when it is not there. */
export async function showFile(cwd: string, spec: string): Promise<string | null> {
  const result = await syncGit(cwd, ['cat-file', 'blob', spec]);
  return result.code === 0 ? result.stdout : null;
}
