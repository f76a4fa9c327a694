// Running git: argv arrays only (never a shell string), bounded output, errors that say what failed.
import { execFile } from 'node:child_process';

export interface GitResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface GitOptions {
  input?: string;
  timeoutMs?: number;
  /** Variables of our own on top of the user's environment (a temporary index, merge settings). */
  env?: NodeJS.ProcessEnv;
  maxBuffer?: number;
}

/** Runs `git -C cwd ...args` and resolves with its output, whatever the exit code. */
export function git(cwd: string, args: string[], options: GitOptions = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      ['-C', cwd, ...args],
      {
        encoding: 'utf8',
        maxBuffer: options.maxBuffer ?? 64 * 1024 * 1024,
        timeout: options.timeoutMs ?? 30_000,
        env: { ...gitEnv(), ...options.env },
      },
      (error, stdout, stderr) => {
        if (error && typeof (error as NodeJS.ErrnoException).code === 'string') {
          const code = (error as NodeJS.ErrnoException).code;
          reject(new Error(code === 'ENOENT' ? 'git is not installed or not on PATH.' : `git failed to run: ${error.message}`));
          return;
        }
        resolve({ stdout, stderr, code: error ? (typeof error.code === 'number' ? error.code : 1) : 0 });
      },
    );
    if (options.input !== undefined) {
      // git may exit before reading its input (a folder that is not a repository): the write then
      // fails with EPIPE, which must not crash the process; the exit code tells what happened.
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(options.input);
    } else child.stdin?.end();
  });
}

/** Like `git`, but a non-zero exit becomes an error carrying git's own message. */
export async function gitOk(cwd: string, args: string[], options: GitOptions = {}): Promise<string> {
  const result = await git(cwd, args, options);
  if (result.code !== 0) {
    const message = (result.stderr.trim() || result.stdout.trim()).split('\n').slice(-3).join(' ') || `exit ${result.code}`;
    throw new Error(`git ${args[0]} failed: ${message}`);
  }
  return result.stdout;
}

// Never prompt for credentials or open an editor; never page.
function gitEnv(): NodeJS.ProcessEnv {
  return { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', GIT_EDITOR: 'true', LC_ALL: 'C' };
}

/** Like `git`, but stdout is kept as bytes (file contents, whose sizes git gives in bytes). */
export function gitBytes(cwd: string, args: string[], options: { input?: string; timeoutMs?: number } = {}): Promise<{ stdout: Buffer; code: number }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      ['-C', cwd, ...args],
      { encoding: 'buffer', maxBuffer: 512 * 1024 * 1024, timeout: options.timeoutMs ?? 60_000, env: gitEnv() },
      (error, stdout) => {
        if (error && typeof (error as NodeJS.ErrnoException).code === 'string') {
          reject(new Error(`git failed to run: ${error.message}`));
          return;
        }
        resolve({ stdout, code: error ? (typeof error.code === 'number' ? error.code : 1) : 0 });
      },
    );
    if (options.input !== undefined) {
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(options.input);
    }
  });
}
