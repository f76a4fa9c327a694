// The `fieldnotes` command run in a home of its own: FIELDNOTES_HOME and the working directory.
import { runCli, type CliRun } from './cli-process';

export type CliResult = CliRun;

/** `fieldnotes <args>` with `home` as FIELDNOTES_HOME and working directory. */
export function runFieldnotes(args: string[], home: string): Promise<CliResult> {
  return runCli(args, { env: { FIELDNOTES_HOME: home }, cwd: home });
}
