// The notebook folder and Fieldnotes' own data inside it (DESIGN.md, Notebook on disk). Opening a
// folder that is not a notebook yet sets one up.
import { homedir } from 'node:os';
import { mkdir, realpath, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ApiError } from '../../../shared/contract/errors';
import { errorCode } from './note-files';

export const DATA_DIR = '.fieldnotes';

/** Fieldnotes' folders, relative to the notebook. */
export const LAYOUT = {
  cache: `${DATA_DIR}/cache`,
  trash: `${DATA_DIR}/trash`,
  transcripts: `${DATA_DIR}/transcripts`,
  artifacts: `${DATA_DIR}/artifacts`,
  /** Leases of tasks running right now: which process runs each (see tasks/task-leases.ts). */
  running: `${DATA_DIR}/running`,
} as const;

const GITIGNORE = '# Derived data Fieldnotes rebuilds when it is missing, and what runs on this machine now.\ncache/\nrunning/\n';

/**
 * Makes `root` a notebook and returns its real path. The folder itself is created only when
 * `create` is set (the default notebook); a folder that is missing, is a file, or is the home or
 * root folder is refused with a message that says what to do.
 */
export async function prepareNotebookFolder(root: string, options: { create?: boolean } = {}): Promise<string> {
  const info = await stat(root).catch((error: unknown) => {
    if (errorCode(error) === 'ENOENT') return null;
    throw unavailable(root, error);
  });
  if (info === null) {
    if (!options.create) {
      throw new ApiError('NOTEBOOK_UNAVAILABLE', `There is no folder at ${root}. Create it first, or choose another folder.`);
    }
    await mkdir(root, { recursive: true }).catch((error: unknown) => {
      throw unavailable(root, error);
    });
  } else if (!info.isDirectory()) {
    throw new ApiError('NOTEBOOK_UNAVAILABLE', `${root} is a file, not a folder. Choose a folder for the notebook.`);
  }
  const real = await realpath(root);
  if (real === dirname(real) || real === (await realpath(homedir()).catch(() => homedir()))) {
    throw new ApiError(
      'NOTEBOOK_UNAVAILABLE',
      `${root} is your ${real === dirname(real) ? 'file system root' : 'home folder'}; Fieldnotes would read every Markdown file under it. Choose a folder just for notes, like ~/Documents/Fieldnotes.`,
    );
  }
  try {
    await mkdir(join(real, LAYOUT.cache), { recursive: true });
    await writeFile(join(real, DATA_DIR, '.gitignore'), GITIGNORE, { flag: 'wx' }).catch((error: unknown) => {
      if (errorCode(error) !== 'EEXIST') throw error;
    });
  } catch (error) {
    throw unavailable(root, error);
  }
  return real;
}

function unavailable(root: string, error: unknown): ApiError {
  const code = errorCode(error);
  const hint = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? ' Fieldnotes needs to write in it: check its permissions.' : '';
  return new ApiError('NOTEBOOK_UNAVAILABLE', `Cannot open ${root} as a notebook (${code}).${hint}`, { cause: error });
}
