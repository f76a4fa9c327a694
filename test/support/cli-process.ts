// Runs the `fieldnotes` command as a user does: a real process, its stdout, stderr and exit code.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CLI } from './paths';

const run = promisify(execFile);

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `node <launcher> ...args`; `launcher` defaults to the `fieldnotes` bin (electron/cli/fieldnotes.mjs). */
export async function runCli(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; launcher?: string } = {}): Promise<CliRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [options.launcher ?? CLI, ...args], {
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      ...(options.cwd ? { cwd: options.cwd } : {}),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
