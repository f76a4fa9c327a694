// Errors the command line reports as one line on stderr with a non-zero exit, and the options
// every command shares.

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export interface GlobalOptions {
  /** Absolute path of the notebook folder. */
  notebook: string;
  json: boolean;
}
