// The notebook folder and Fieldnotes' own data inside it (DESIGN.md, Notebook on disk). Opening a
// folder that is not a notebook yet sets one up; a folder that cannot be one is refused at once,
// with what to do, and a folder Fieldnotes may not write in opens read-only.
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { access, lstat, mkdir, mkdtemp, readdir, realpath, stat, statfs, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ApiError } from '../../../shared/contract/errors';
import { userDataDir } from '../app-paths';
import { errorCode } from './note-names';
import { folderInside, isWithin } from './safe-path';

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
 * Linux file systems that show the kernel's state as files (`statfs` magic numbers). Walking them
 * finds nothing to read, and some answer `mkdir -p` with an endless loop.
 */
const SYSTEM_FILE_SYSTEMS: Record<number, string> = {
  0x9fa0: 'proc',
  0x62656572: 'sysfs',
  0x1cd1: 'devpts',
  0x27e0eb: 'cgroup',
  0x63677270: 'cgroup2',
  0x64626720: 'debugfs',
  0x74726163: 'tracefs',
  0x73636673: 'securityfs',
  0xcafe4a11: 'bpf',
  0x6165676c: 'pstore',
  0xde5e81e4: 'efivarfs',
  0x62656570: 'configfs',
  0x65735543: 'fusectl',
  0xf97cff8c: 'selinuxfs',
  0x42494e4d: 'binfmt_misc',
  0x19800202: 'mqueue',
};

/** A notebook folder as opened. */
export interface NotebookFolder {
  /** The folder's real path. */
  root: string;
  /** Why Fieldnotes may not write in the notebook (it then only reads), or null when it may. */
  readOnly: string | null;
  /**
   * Where derived data goes (the summary cache, the search index): `.fieldnotes/cache`, or for a
   * read-only notebook a folder in the app's data folder named by a hash of the real path.
   */
  cacheDir: string;
}

export interface PrepareOptions {
  /** Create the folder when it is missing (the default notebook). */
  create?: boolean;
  /** The app's data folder, where a read-only notebook's caches go. Default: userDataDir(). */
  dataDir?: string;
}

/**
 * Makes `root` a notebook. The folder itself is created only when `create` is set; a folder that is
 * missing, is a file, is the home or root folder, a system or device folder, or cannot hold
 * Fieldnotes' data is refused with a message that says what to do.
 */
export async function prepareNotebookFolder(root: string, options: PrepareOptions = {}): Promise<NotebookFolder> {
  const info = await stat(root).catch((error: unknown) => {
    if (errorCode(error) === 'ENOENT') return null;
    throw unavailable(root, error);
  });
  if (info === null) {
    if (!options.create) {
      throw new ApiError('NOTEBOOK_UNAVAILABLE', `There is no folder at ${root}. Create it first, or choose another folder.`);
    }
    await makeFolder(root);
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
  await refuseSystemFolder(root, real);
  await checkDataFolders(root, real);

  let readOnly = await writeProblem(root, real);
  if (readOnly === null) {
    try {
      await folderInside(real, join(real, LAYOUT.cache));
      await writeFile(join(real, DATA_DIR, '.gitignore'), GITIGNORE, { flag: 'wx' }).catch((error: unknown) => {
        if (errorCode(error) !== 'EEXIST') throw error;
      });
    } catch (error) {
      readOnly = deniedWrite(error);
      if (readOnly === null) throw cannotHold(root, error);
    }
  }
  if (readOnly === null) return { root: real, readOnly, cacheDir: join(real, LAYOUT.cache) };
  return { root: real, readOnly, cacheDir: await readOnlyCacheDir(root, real, options.dataDir ?? userDataDir()) };
}

/**
 * Where the caches of a read-only notebook go: the app's data folder, keyed by the notebook's real
 * path. Where that cannot be written either (a process in an agent's OS sandbox, such as a task's
 * own `fieldnotes mcp`), the notebook's own cache is read as it is, and what changed since is kept
 * in memory; failing that, a private temp folder holds caches for this process only.
 */
async function readOnlyCacheDir(root: string, real: string, dataDir: string): Promise<string> {
  const cacheDir = join(dataDir, 'notebook-cache', createHash('sha256').update(real).digest('hex').slice(0, 16));
  const made = await mkdir(cacheDir, { recursive: true }).then(() => access(cacheDir, constants.W_OK)).then(() => null, (error: unknown) => error);
  if (made === null) return cacheDir;
  const own = join(real, LAYOUT.cache);
  if ((await stat(own).catch(() => null))?.isDirectory()) return own;
  return mkdtemp(join(tmpdir(), 'fieldnotes-cache-')).catch((error: unknown) => {
    throw new ApiError('NOTEBOOK_UNAVAILABLE', `Cannot open the read-only notebook ${root}: its cache folder ${cacheDir} cannot be made (${errorCode(made)}), nor a temporary one (${errorCode(error)}).`, { cause: error });
  });
}

/**
 * Makes a missing notebook folder and its missing parents, one at a time (`mkdir -p` loops forever
 * in /proc), after checking the folder it goes in is not a system folder.
 */
async function makeFolder(root: string): Promise<void> {
  const missing: string[] = [];
  let base = root;
  while ((await stat(base).catch(() => null)) === null && base !== dirname(base)) {
    missing.unshift(base);
    base = dirname(base);
  }
  await refuseSystemFolder(root, await realpath(base));
  for (const folder of missing) {
    await mkdir(folder).catch((error: unknown) => {
      if (errorCode(error) !== 'EEXIST') throw unavailable(root, error);
    });
  }
}

/** The kernel's folders (/proc, /sys) and device folders (/dev) hold no notes and misbehave when walked. */
async function refuseSystemFolder(root: string, real: string): Promise<void> {
  if (process.platform === 'linux') {
    const kind = SYSTEM_FILE_SYSTEMS[(await statfs(real).catch(() => null))?.type ?? -1];
    if (kind !== undefined) {
      throw new ApiError('NOTEBOOK_UNAVAILABLE', `${root} is a system folder (the ${kind} file system shows the kernel's state, not files you keep). Choose a folder for notes, like ~/Documents/Fieldnotes.`);
    }
  }
  const entries = await readdir(real, { withFileTypes: true }).catch(() => []);
  if (entries.some((entry) => entry.isCharacterDevice() || entry.isBlockDevice())) {
    throw new ApiError('NOTEBOOK_UNAVAILABLE', `${root} holds device files (a device folder, like /dev), not notes. Choose a folder for notes, like ~/Documents/Fieldnotes.`);
  }
}

/**
 * `.fieldnotes` and its folders are Fieldnotes' own: one that is a file, or a symlink out of the
 * notebook (it may have come with `git pull`), would have Fieldnotes read and write elsewhere.
 */
async function checkDataFolders(root: string, real: string): Promise<void> {
  for (const rel of [DATA_DIR, ...Object.values(LAYOUT)]) {
    const abs = join(real, ...rel.split('/'));
    const info = await lstat(abs).catch(() => null);
    if (info === null) continue;
    if (info.isSymbolicLink()) {
      const target = await realpath(abs).catch(() => null);
      if (target === null || !isWithin(real, target)) {
        throw new ApiError(
          'NOTEBOOK_UNAVAILABLE',
          `${join(root, rel)} is a symlink to ${target ?? 'a place that does not exist'}, outside the notebook; Fieldnotes keeps its data inside the notebook and does not follow links out of it. Replace the link with a folder.`,
        );
      }
    }
    if (!(await stat(abs).catch(() => null))?.isDirectory()) {
      throw new ApiError('NOTEBOOK_UNAVAILABLE', `${join(root, rel)} is not a folder; Fieldnotes keeps its data in a folder of that name. Move that file away and open the notebook again.`);
    }
  }
}

/** Why Fieldnotes may not write in the notebook, or null. `access` answers for this user, root included (a read-only mount). */
async function writeProblem(root: string, real: string): Promise<string | null> {
  for (const folder of [real, join(real, DATA_DIR)]) {
    try {
      await access(folder, constants.W_OK);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') continue;
      const denied = deniedWrite(error);
      if (denied === null) throw unavailable(root, error);
      return denied;
    }
  }
  return null;
}

function deniedWrite(error: unknown): string | null {
  const code = errorCode(error);
  if (code === 'EROFS') return 'its file system is mounted read-only';
  if (code === 'EACCES' || code === 'EPERM') return 'you are not allowed to write in it';
  return null;
}

function cannotHold(root: string, error: unknown): ApiError {
  return new ApiError(
    'NOTEBOOK_UNAVAILABLE',
    `${root} cannot hold a notebook: Fieldnotes could not make its ${DATA_DIR} folder there (${errorCode(error)}). Choose a folder on an ordinary disk, like ~/Documents/Fieldnotes.`,
    { cause: error },
  );
}

function unavailable(root: string, error: unknown): ApiError {
  const code = errorCode(error);
  const hint = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? ' Check its permissions.' : '';
  return new ApiError('NOTEBOOK_UNAVAILABLE', `Cannot open ${root} as a notebook (${code}).${hint}`, { cause: error });
}
