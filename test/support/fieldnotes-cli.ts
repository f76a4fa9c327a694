// Runs the real `fieldnotes` command in a child process, as a user would from a shell.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CLI } from './paths';

const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `fieldnotes <args>` with `home` as FIELDNOTES_HOME and working directory. A non-zero exit is a
 * result to check, not a thrown error.
 */
export async function runFieldnotes(args: string[], home: string): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { env: { ...process.env, FIELDNOTES_HOME: home }, cwd: home });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as CliResult;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
