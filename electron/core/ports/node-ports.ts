// Native ports for plain Node (the browser mode and the CLI): the system's own opener —
// `xdg-open` on Linux, `open` on macOS, Explorer on Windows — spawned with an argv array, never
// through a shell, and detached so it outlives nothing of ours.
import { spawn } from 'node:child_process';
import { dirname } from 'node:path';
import { ApiError } from '../../../shared/contract/errors';
import type { NativePorts } from './native-ports';

type Env = Record<string, string | undefined>;

export function nodePorts(options: { platform?: NodeJS.Platform; env?: Env } = {}): NativePorts {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  return {
    openPath: (path) => launch(openCommand(platform, path), env),
    revealPath: (path) => launch(revealCommand(platform, path), env),
  };
}

function openCommand(platform: NodeJS.Platform, path: string): [string, string[]] {
  if (platform === 'darwin') return ['open', [path]];
  if (platform === 'win32') return ['explorer.exe', [path]];
  return ['xdg-open', [path]];
}

function revealCommand(platform: NodeJS.Platform, path: string): [string, string[]] {
  if (platform === 'darwin') return ['open', ['-R', path]];
  if (platform === 'win32') return ['explorer.exe', [`/select,${path}`]];
  // Linux has no standard way to select a file in the file manager: open its folder.
  return ['xdg-open', [dirname(path)]];
}

/** Starts the opener and resolves once it is running; fails clearly when it is not installed. */
function launch([command, args]: [string, string[]], env: Env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', env: env as NodeJS.ProcessEnv, shell: false });
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new ApiError(
          'UNAVAILABLE',
          error.code === 'ENOENT'
            ? `Cannot open files here: ${command} is not installed. Open ${args.at(-1)} yourself.`
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
