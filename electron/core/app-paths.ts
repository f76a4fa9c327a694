// Where Fieldnotes keeps things on this machine when nobody says otherwise.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Fieldnotes';

type Env = Record<string, string | undefined>;

/**
 * The folder for settings and app state: the same folder Electron's `app.getPath('userData')`
 * gives, so the CLI, the browser mode and the desktop app share their settings.
 */
export function userDataDir(env: Env = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.FIELDNOTES_HOME) return env.FIELDNOTES_HOME;
  const home = homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
}

/** The default notebook: `$FIELDNOTES_NOTEBOOK`, else a `Fieldnotes` folder in the documents folder. */
export function defaultNotebookDir(env: Env = process.env): string {
  if (env.FIELDNOTES_NOTEBOOK) return env.FIELDNOTES_NOTEBOOK;
  return join(homedir(), 'Documents', PRODUCT_NAME);
}
