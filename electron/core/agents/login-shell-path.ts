// The PATH the user's shell sets up, for the desktop app. Opened from the Dock, Finder or a
// desktop launcher, an app gets the system's bare PATH, without the folders the dotfiles add
// (Homebrew, ~/.local/bin, nvm, npm's global bin). Agents installed there would look missing.
import { delimiter } from 'node:path';
import { shellEnv } from 'shell-env';
import type { Env } from './agent-adapter';

/** How long a login shell may take to start; slow dotfiles (nvm, conda) take a second or two. */
const SHELL_TIMEOUT_MS = 5_000;

export interface LoginShellOptions {
  /** The shell to ask; the user's default shell when absent. */
  shell?: string;
  timeoutMs?: number;
  log?: (message: string) => void;
}

/**
 * Adds the login shell's PATH to `env.PATH`: its folders first, then the ones `env` had that it
 * lacks. On Windows, or when the shell fails or takes too long, `env` is left as it was. Never
 * throws.
 */
export async function adoptLoginShellPath(env: Env, options: LoginShellOptions = {}): Promise<void> {
  if (process.platform === 'win32') return;
  const timeoutMs = options.timeoutMs ?? SHELL_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const shell = await Promise.race([shellEnv(options.shell), timedOut]);
    if (shell === 'timeout') {
      options.log?.(`your login shell took over ${timeoutMs / 1000} s to start; agents are looked for on the PATH Fieldnotes started with`);
      return;
    }
    if (shell.PATH) env.PATH = mergePath(shell.PATH, env.PATH ?? '');
  } catch (error) {
    options.log?.(`could not read the PATH your login shell sets up (${shellFailure(error)}); agents are looked for on the PATH Fieldnotes started with`);
  } finally {
    clearTimeout(timer);
  }
}

/** `first`'s folders, then `then`'s that `first` lacks; empty entries are dropped. */
export function mergePath(first: string, then: string): string {
  const folders = [...first.split(delimiter), ...then.split(delimiter)].filter((folder) => folder !== '');
  return [...new Set(folders)].join(delimiter);
}

/** Why the shell failed, in a few words: "spawn /bin/fish ENOENT", "exit code 1". */
function shellFailure(error: unknown): string {
  const failed = error as { originalMessage?: string; exitCode?: number; message?: string };
  if (failed.originalMessage) return failed.originalMessage;
  if (typeof failed.exitCode === 'number') return `exit code ${failed.exitCode}`;
  return failed.message ?? String(error);
}
