// Where Fieldnotes keeps things on this machine when nobody says otherwise.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

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

/** The settings file (recent notebooks, the notebook to open at start). */
export function settingsFile(env: Env = process.env): string {
  return join(userDataDir(env), 'settings.json');
}

/**
 * The user's documents folder. On Linux it is the XDG one (`~/.config/user-dirs.dirs`), which
 * desktops localize (`~/Dokumente`); elsewhere `~/Documents`.
 */
export function documentsDir(env: Env = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = homedir();
  if (platform === 'linux') {
    if (env.XDG_DOCUMENTS_DIR && isAbsolute(env.XDG_DOCUMENTS_DIR)) return env.XDG_DOCUMENTS_DIR;
    try {
      const dirs = readFileSync(join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'user-dirs.dirs'), 'utf8');
      const match = /^XDG_DOCUMENTS_DIR="([^"]+)"/m.exec(dirs);
      const dir = match?.[1]?.replace(/^\$HOME/, home);
      if (dir && isAbsolute(dir) && dir !== home) return dir;
    } catch {
      // No user-dirs file: the usual folder.
    }
  }
  return join(home, 'Documents');
}

/** The default notebook: `$FIELDNOTES_NOTEBOOK`, else a `Fieldnotes` folder in the documents folder. */
export function defaultNotebookDir(env: Env = process.env): string {
  if (env.FIELDNOTES_NOTEBOOK) return env.FIELDNOTES_NOTEBOOK;
  return join(documentsDir(env), PRODUCT_NAME);
}

/**
 * The notebook to open at start: `--notebook`, else `$FIELDNOTES_NOTEBOOK`, else the one opened
 * last (the setting) while its folder exists, else the default folder.
 */
export function startNotebookDir(options: { flag?: string; env?: Env; remembered?: string }): string {
  const env = options.env ?? process.env;
  const remembered = options.remembered && existsSync(options.remembered) ? options.remembered : undefined;
  return options.flag ?? env.FIELDNOTES_NOTEBOOK ?? remembered ?? defaultNotebookDir(env);
}
