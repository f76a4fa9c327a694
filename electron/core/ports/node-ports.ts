// Native ports for plain Node (the browser mode and the CLI): the system's own opener —
// `xdg-open` on Linux, `open` on macOS, Explorer on Windows — spawned with an argv array, never
// through a shell, and detached so it outlives nothing of ours.
import { dirname } from 'node:path';
import { launchDetached } from './launch-detached';
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

function launch([command, args]: [string, string[]], env: Env): Promise<void> {
  return launchDetached(command, args, { env, missingHint: `Cannot open files here; open ${args.at(-1)} yourself.` });
}
