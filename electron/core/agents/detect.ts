// Finding an agent CLI: the executable on PATH (or at a given path) and its version.
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Detection, DetectInput, Env } from './agent-adapter';

export interface ExecutableSpec {
  /** The user-facing name, e.g. "Claude Code". */
  label: string;
  /** The command name looked up on PATH, e.g. "claude". */
  command: string;
  installHint: string;
  versionArgs?: string[];
}

const VERSION_TIMEOUT_MS = 20_000;

export async function detectExecutable(spec: ExecutableSpec, input: DetectInput): Promise<Detection> {
  const found = input.path ?? (await findOnPath(spec.command, input.env));
  if (found === undefined) {
    return {
      available: false,
      reason: `${spec.label} is not installed: no \`${spec.command}\` command on PATH.`,
      installHint: spec.installHint,
    };
  }
  if (!(await isExecutable(found))) {
    return { available: false, path: found, reason: `${found} is not an executable file.`, installHint: spec.installHint };
  }
  try {
    const output = await run(found, spec.versionArgs ?? ['--version'], input.env);
    const version = /\d+\.\d+\.\d+[\w.+-]*/.exec(output)?.[0];
    return { available: true, path: found, ...(version ? { version } : {}) };
  } catch (error) {
    return {
      available: false,
      path: found,
      reason: `${spec.label} was found at ${found} but \`${spec.command} --version\` failed: ${errorText(error)}`,
      installHint: spec.installHint,
    };
  }
}

/** The first executable file called `command` in `env.PATH`, or undefined. */
export async function findOnPath(command: string, env: Env): Promise<string | undefined> {
  if (command.includes('/')) return (await isExecutable(command)) ? path.resolve(command) : undefined;
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, command);
    if (await isExecutable(candidate)) return candidate;
  }
  return undefined;
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

function run(file: string, args: string[], env: Env): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { env, timeout: VERSION_TIMEOUT_MS, maxBuffer: 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(stderr.trim() || error.message));
      else resolve(`${stdout}\n${stderr}`);
    });
  });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] ?? error.message : String(error);
}
