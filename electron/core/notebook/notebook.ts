// A notebook: a plain folder of Markdown notes, with Fieldnotes' own data under `.fieldnotes/`.
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { ApiError } from '../../../shared/contract/errors';
import type { Note, NoteSummary } from '../../../shared/model/note';
import { parseNoteFile } from './note-file';

export const DATA_DIR = '.fieldnotes';
const MAX_NOTE_BYTES = 16 * 1024 * 1024;

export class Notebook {
  private constructor(readonly root: string) {}

  /** Opens a folder as a notebook, creating the folder and `.fieldnotes/` when missing. */
  static async open(root: string): Promise<Notebook> {
    try {
      await mkdir(join(root, DATA_DIR, 'cache'), { recursive: true });
      const gitignore = join(root, DATA_DIR, '.gitignore');
      await writeFile(gitignore, 'cache/\n', { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
    } catch (error) {
      throw new ApiError('NOTEBOOK_UNAVAILABLE', `Cannot open ${root} as a notebook: ${(error as Error).message}`, {
        cause: error,
      });
    }
    return new Notebook(root);
  }

  get name(): string {
    return basename(this.root);
  }

  async list(): Promise<NoteSummary[]> {
    const notes = await this.readAll();
    return notes.map((note) => note.summary).sort((a, b) => (a.created < b.created ? 1 : a.created > b.created ? -1 : 0));
  }

  async get(id: string): Promise<Note> {
    const notes = await this.readAll();
    const note = notes.find((candidate) => candidate.summary.id === id);
    if (!note) throw new ApiError('NOTE_NOT_FOUND', `No note with id ${id} in this notebook.`);
    return note;
  }

  private async readAll(): Promise<Note[]> {
    const files = await this.markdownFiles(this.root);
    const notes = await Promise.all(files.map((file) => this.readNote(file)));
    return notes.filter((note): note is Note => note !== null);
  }

  private async readNote(file: string): Promise<Note | null> {
    const relPath = relative(this.root, file).split(sep).join('/');
    try {
      const info = await stat(file);
      if (info.size > MAX_NOTE_BYTES) return null;
      const text = await readFile(file, 'utf8');
      return parseNoteFile(relPath, text, info.mtime);
    } catch {
      return null;
    }
  }

  private async markdownFiles(dir: string): Promise<string[]> {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    const nested = await Promise.all(
      entries.map(async (entry) => {
        if (entry.name.startsWith('.')) return [];
        const full = join(dir, entry.name);
        if (entry.isDirectory()) return this.markdownFiles(full);
        return entry.isFile() && entry.name.toLowerCase().endsWith('.md') ? [full] : [];
      }),
    );
    return nested.flat();
  }
}
