// Starts a desktop program (a file opener, an editor) with an argv array, never through a shell,
// detached so it outlives nothing of ours; resolves once it is running.
import { spawn } from 'node:child_process';
import { ApiError } from '../../../shared/contract/errors';

type Env = Record<string, string | undefined>;

export interface LaunchOptions {
  env?: Env;
  cwd?: string;
  /** What to say when the command is not installed (after "<command> is not installed."). */
  missingHint?: string;
}

export function launchDetached(command: string, args: readonly string[], options: LaunchOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { detached: true, stdio: 'ignore', env: (options.env ?? process.env) as NodeJS.ProcessEnv, cwd: options.cwd, shell: false });
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new ApiError(
          'UNAVAILABLE',
          error.code === 'ENOENT'
            ? `${command} is not installed (or not on PATH). ${options.missingHint ?? `Open ${args.at(-1)} yourself.`}`
            : `Could not start ${command}: ${error.message}`,
        ),
      );
    });
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
