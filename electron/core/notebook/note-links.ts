// Links from a note to files of the repo it describes (`src/router/index.ts:42`): where they lead,
// and whether opening them is safe. Notes are untrusted, so a link can only reach an existing file
// inside the note's repo, and a file that could run as a program is shown in its folder instead.
// (repo.path comes from the note too: a link can open a file elsewhere, but never run one.)
import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { ApiError } from '../../../shared/contract/errors';
import type { Note } from '../../../shared/model/note';
import { describeOddCharacter, findOddCharacter } from '../../../shared/model/safe-text';

export interface LinkedFile {
  /** The absolute path of the file or folder. */
  path: string;
  /** The line the link points at, when it names one. */
  line?: number;
  /** 'reveal' for files that could run as programs; 'open' for the rest (folders open in the file manager). */
  action: 'open' | 'reveal';
}

/** Extensions whose default "open" runs or installs something: such files are revealed, never opened. */
const RUNNABLE_EVERYWHERE = '.app .appimage .bat .bin .cmd .com .command .deb .desktop .dmg .exe .jar .lnk .msi .pkg .rpm .run .scr .tool .url .webloc';
const RUNNABLE_ON: Partial<Record<NodeJS.Platform, string>> = {
  // Windows runs scripts through their associations (Windows Script Host, Python's launcher).
  win32: '.application .cpl .gadget .hta .inf .js .jse .msc .msp .mst .pif .pl .ps1 .psm1 .py .pyw .rb .reg .scf .sct .shb .shs .vbe .vbs .ws .wsc .wsf .wsh .xbap',
  darwin: '.applescript .scpt .terminal .workflow',
};

function isRunnable(path: string, mode: number, platform: NodeJS.Platform): boolean {
  const ext = extname(path).toLowerCase();
  if (ext && `${RUNNABLE_EVERYWHERE} ${RUNNABLE_ON[platform] ?? ''}`.split(' ').includes(ext)) return true;
  // An executable bit means "a program" to some file managers.
  return platform !== 'win32' && (mode & 0o111) !== 0;
}

/**
 * Resolves a link written in a note against the note's repo folder (`repo.path` in its
 * frontmatter). Accepts `path`, `path:line`, `path:line:col` and `path#L42`.
 */
export async function resolveNoteLink(note: Note, target: string, platform: NodeJS.Platform = process.platform): Promise<LinkedFile> {
  const odd = findOddCharacter(target, { path: true });
  if (odd) throw new ApiError('BAD_INPUT', `The link ${describeOddCharacter(odd)}; Fieldnotes does not open it.`);
  const { file, line } = splitLine(target.trim());
  if (/^[a-z][a-z0-9+.-]*:/i.test(file) && !/^[a-z]:[\\/]/i.test(file)) {
    throw new ApiError('BAD_INPUT', `${JSON.stringify(file)} is a web or app address, not a file of the repo; Fieldnotes opens only files.`);
  }
  const repoPath = note.frontmatter?.repo?.path;
  if (!repoPath || !isAbsolute(repoPath)) {
    throw new ApiError('NOT_FOUND', `This note does not say where its repository is on this machine (repo.path), so Fieldnotes cannot find ${file}.`);
  }
  const repoRoot = await realpath(repoPath).catch(() => {
    throw new ApiError('NOT_FOUND', `The note's repository folder ${repoPath} does not exist on this machine, so ${file} cannot be opened.`);
  });
  const wanted = resolve(repoRoot, file.replace(/^\.\//, ''));
  const real = await realpath(wanted).catch(() => {
    const commit = note.frontmatter?.repo?.commit;
    throw new ApiError(
      'NOT_FOUND',
      `${file} does not exist in ${repoRoot}${commit ? ` (the note describes commit ${commit.slice(0, 7)}; the file may have moved since)` : ''}.`,
    );
  });
  const rel = relative(repoRoot, real);
  if (rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) {
    throw new ApiError('BAD_INPUT', `${JSON.stringify(file)} leads outside the repository ${repoRoot}; Fieldnotes opens only files inside it.`);
  }
  const info = await stat(real);
  return { path: real, line, action: info.isFile() && isRunnable(real, info.mode, platform) ? 'reveal' : 'open' };
}

function splitLine(target: string): { file: string; line?: number } {
  const hash = /^(.*)#L(\d+)(?:-L?\d+)?$/.exec(target);
  if (hash) return { file: hash[1]!, line: Number(hash[2]) };
  const colon = /^(.*?):(\d+)(?::\d+)?(?:-\d+)?$/.exec(target);
  if (colon && colon[1]) return { file: colon[1], line: Number(colon[2]) };
  return { file: target };
}
