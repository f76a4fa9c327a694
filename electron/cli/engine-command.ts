// Running the whole engine for one command (`ask`, `agents`): the same createApi the app uses,
// with the app's settings and scratch folder, no watcher; closed when the command ends. The engine
// is imported when a command runs, not when the program starts: `--help` and a mistyped option
// should not wait for it.
import type { Input, MethodName, Output } from '../../shared/contract';
import { ApiError } from '../../shared/contract/errors';
import type { Engine } from '../core/api';
import { defaultNotebookDir, settingsFile, userDataDir } from '../core/app-paths';
import type { GlobalOptions } from './cli-error';
import { FIELDNOTES_COMMAND, VERSION } from './project';

/** Runs `work` with an engine; `notebook` opens the notebook named by the global options. */
export async function withEngine<T>(globals: GlobalOptions, options: { notebook: boolean }, work: (engine: Engine) => Promise<T>): Promise<T> {
  const { createApi } = await import('../core/api');
  const engine = await createApi({
    app: { name: 'Fieldnotes', version: VERSION },
    transport: 'http',
    ...(options.notebook ? { notebook: globals.notebook } : {}),
    defaultNotebook: defaultNotebookDir(),
    settingsFile: settingsFile(),
    userDataDir: userDataDir(),
    watch: false,
    fieldnotes: FIELDNOTES_COMMAND,
    log: (message) => console.error(`fieldnotes: ${message}`),
  });
  try {
    return await work(engine);
  } finally {
    await engine.close();
  }
}

/** Calls a method through the contract's gate (input checked as for the app); failures throw ApiError. */
export async function call<M extends MethodName>(engine: Engine, method: M, input: Input<M>): Promise<Output<M>> {
  const { dispatch } = await import('../core/dispatch');
  const result = await dispatch(engine.handlers, method, input, {
    logError: (name, error) => console.error(`fieldnotes: ${name} failed:`, error),
  });
  if (!result.ok) throw ApiError.from(result.error);
  return result.value as Output<M>;
}
