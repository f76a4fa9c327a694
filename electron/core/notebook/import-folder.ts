// `fieldnotes import <dir>`: copies a folder of Markdown files into the notebook as notes.
import { readFile, realpath } from 'node:fs/promises';
import { basename, join, relative, isAbsolute } from 'node:path';
import { ApiError } from '../../../shared/contract/errors';
import { listNoteFiles, readNoteFile } from './note-files';
import type { Notebook } from './notebook';

export interface ImportReport {
  imported: Array<{ from: string; path: string; id: string }>;
  /**
   * Files not imported, with the reason: 'already' in the notebook (same id), 'skipped' (not a
   * note: a symlink, an unreadable folder) or 'failed' (broken, too large, conflicting keys).
   */
  notImported: Array<{ from: string; kind: 'already' | 'skipped' | 'failed'; reason: string }>;
}

/**
 * Imports every Markdown file under `folder` (hidden folders and symlinked folders left out).
 * Notes go to `<repo>/<date>-<slug>.md`, where the repo is the note's own, else `options.repo`,
 * else the folder's name.
 */
export async function importFolder(notebook: Notebook, folder: string, options: { repo?: string } = {}): Promise<ImportReport> {
  const source = await realpath(folder).catch(() => {
    throw new ApiError('NOT_FOUND', `There is no folder at ${folder} to import.`);
  });
  const inside = (parent: string, child: string) => {
    const rel = relative(parent, child);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  };
  if (inside(notebook.root, source) || inside(source, notebook.root)) {
    throw new ApiError('BAD_INPUT', `${folder} is the notebook or overlaps it; import from a folder outside ${notebook.root}.`);
  }
  const { files, skipped } = await listNoteFiles(source);
  const report: ImportReport = { imported: [], notImported: skipped.map((file) => ({ from: file.path, kind: 'skipped', reason: file.reason })) };
  const repo = options.repo ?? basename(source);
  for (const file of files.sort((a, b) => a.path.localeCompare(b.path))) {
    try {
      const read = await readNoteFile(source, file.path);
      if (!read) continue;
      const problem = read.note.summary.problem;
      if (problem) {
        report.notImported.push({ from: file.path, kind: 'failed', reason: problem.message });
        continue;
      }
      const text = await readFile(join(source, ...file.path.split('/')), 'utf8');
      const note = await notebook.importNote(text, { repo, modified: file.mtimeMs, from: file.path });
      report.imported.push({ from: file.path, path: note.summary.path, id: note.summary.id });
    } catch (error) {
      const kind = error instanceof ApiError && error.code === 'CONFLICT' ? 'already' : 'failed';
      report.notImported.push({ from: file.path, kind, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return report;
}
