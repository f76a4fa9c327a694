// Running the engine for one command: the same createApi the app and `serve` use, reached through
// the in-process client (the contract's gate), so every rule of the engine holds for the command
// line too. Each command says what it needs, and the engine starts only that: no watcher, search
// only when a search method is called, the settings file and task recovery only for commands that
// run agents. The engine is imported when a command runs, not when the program starts: `--help`
// and a mistyped option should not wait for it.
import type { InProcessApi } from '../core/api-client';
import { defaultNotebookDir, settingsFile, userDataDir } from '../core/app-paths';
import type { GlobalOptions } from './cli-error';
import { FIELDNOTES_COMMAND, VERSION } from './project';

export interface CommandNeeds {
  /** The notebook named by the global options: one that must exist, one set up when missing, or none. */
  notebook: 'existing' | 'create' | 'none';
  /**
   * Agents (`ask`, `agents`): the app's settings file (agent paths, default agents; the notebook is
   * remembered as the app's), its scratch folder, and the notes of interrupted tasks recovered.
   * Without it, settings stay in memory and the command leaves the settings file as it was.
   */
  agents?: boolean;
  /**
   * The app's settings file without agents (`sync`, `clone`): the sharing settings apply, and the
   * notebook opened is remembered as the app's.
   */
  settings?: boolean;
}

/** Runs `work` with a client over an engine that has what `needs` asks for; the engine closes after. */
export async function withApi<T>(globals: GlobalOptions, needs: CommandNeeds, work: (api: InProcessApi) => Promise<T>): Promise<T> {
  const [{ createApi }, { inProcessClient }] = await Promise.all([import('../core/api'), import('../core/api-client')]);
  const log = (message: string): void => console.error(`fieldnotes: ${message}`);
  const engine = await createApi({
    app: { name: 'Fieldnotes', version: VERSION },
    transport: 'http',
    ...(needs.notebook === 'none' ? {} : { notebook: globals.notebook, createNotebook: needs.notebook === 'create' }),
    defaultNotebook: defaultNotebookDir(),
    // The app's data folder always (a read-only notebook's index lives there); the settings file
    // only for commands that run agents, so the others never change what the app remembers.
    userDataDir: userDataDir(),
    ...(needs.agents || needs.settings ? { settingsFile: settingsFile() } : {}),
    recoverTasks: needs.agents === true,
    watch: false,
    search: 'on-demand',
    fieldnotes: FIELDNOTES_COMMAND,
    log,
  });
  try {
    return await work(inProcessClient(engine, { logError: (name, error) => console.error(`fieldnotes: ${name} failed:`, error) }));
  } finally {
    await engine.close();
  }
}

/** The open notebook's folder (every command that opened one has it). */
export async function notebookRoot(api: InProcessApi): Promise<string> {
  const { notebook } = await api.app.info();
  if (!notebook) throw new Error('No notebook is open.');
  return notebook.path;
}
