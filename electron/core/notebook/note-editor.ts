// Changing notes on disk: create, patch, retitle (rename), trash and restore. Every write is atomic,
// writes to one note are serialized, and a file is only rewritten when it read cleanly.
import { lstat, mkdir, readFile, rename, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { ApiError } from '../../../shared/contract/errors';
import { Frontmatter, FrontmatterPatch, NewNote, type Note, type TrashedNote } from '../../../shared/model/note';
import { notePath, renamedNotePath, slugify } from '../../../shared/model/note-path';
import { writeFileAtomic } from '../fs/atomic-write';
import type { KeyLock } from '../fs/key-lock';
import { newId } from '../ids';
import { parseNoteFile, parseNoteText, type FileStamp } from './note-file';
import { readNoteFile } from './note-files';
import { frontmatterBlock, orderedFrontmatter, patchFrontmatter, serializeNote, splitNote, type SplitNote } from './note-format';
import type { NoteIndex } from './note-index';
import type { NotebookPaths } from './safe-path';
import type { Trash } from './trash';

/** A write Fieldnotes made, for the index and the change feed. */
export type OwnChange =
  | { kind: 'added' | 'changed'; path: string; note: Note; stamp: FileStamp }
  | { kind: 'removed'; path: string };

export interface EditorContext {
  paths: NotebookPaths;
  index: NoteIndex;
  lock: KeyLock;
  trash: Trash;
  /** Runs a write to these paths; the watcher does not report them as outside changes meanwhile. */
  writing<T>(paths: string[], work: () => Promise<T>): Promise<T>;
  /** Updates the index and tells listeners; called inside `writing`. */
  record(changes: OwnChange[]): void;
}

/** The lock for choosing file names: two new notes never get the same one. */
const NAMES = 'names';
const MAX_ATTEMPTS = 1000;

export class NoteEditor {
  constructor(private readonly ctx: EditorContext) {}

  async create(input: NewNote): Promise<Note> {
    const { body, ...fields } = parseInput(NewNote, input, 'The new note');
    const created = fields.created ?? new Date().toISOString();
    const data = orderedFrontmatter({
      id: newId(fields.created ? Date.parse(created) : undefined),
      ...fields,
      mode: fields.mode ?? 'explain',
      status: fields.status ?? 'done',
      created,
      tags: fields.tags ?? [],
    });
    return this.place(serializeNote(data, body), { repo: fields.repo?.name, created, title: fields.title });
  }

  /**
   * Brings a Markdown file from elsewhere into the notebook. A Fieldnotes note is copied byte for
   * byte; other Markdown keeps its frontmatter and gains an id (and a title and date if missing).
   */
  async import(text: string, options: { repo?: string; modified: number; from?: string }): Promise<Note> {
    const parsed = parseNoteText(options.from ?? 'imported.md', text, { mtimeMs: options.modified, size: text.length });
    const { summary } = parsed;
    if (summary.problem) throw new ApiError('BAD_INPUT', summary.problem.message);
    if (parsed.frontmatter) {
      const existing = this.ctx.index.pathOf(parsed.frontmatter.id);
      if (existing !== undefined) throw new ApiError('CONFLICT', `It is already in the notebook, as ${existing} (same id).`);
      return this.place(text, { repo: parsed.frontmatter.repo?.name ?? options.repo, created: summary.created, title: summary.title });
    }
    const split = splitNote(text);
    const data = { id: newId(Date.parse(summary.created)), title: summary.title, created: summary.created, ...split.data };
    const checked = Frontmatter.safeParse(data);
    if (!checked.success) {
      throw new ApiError('BAD_INPUT', `Its frontmatter uses keys Fieldnotes reads differently: ${z.prettifyError(checked.error)} Rename those keys and import it again.`);
    }
    return this.place(serializeNote(data, split.body), { repo: options.repo, created: summary.created, title: summary.title });
  }

  /** Writes a new note file at the first free `<repo>/<date>-<slug>[-n].md`. */
  private place(text: string, name: { repo?: string; created: string; title: string }): Promise<Note> {
    return this.ctx.lock.run(NAMES, async () => {
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const path = notePath({ ...name, attempt });
        if (this.ctx.index.hasPathIgnoringCase(path)) continue;
        const abs = await this.ctx.paths.resolveReal(path);
        await mkdir(dirname(abs), { recursive: true });
        const note = await this.ctx.writing([path], async () => {
          try {
            await writeFileAtomic(abs, text, { exclusive: true });
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
            throw error;
          }
          return this.recordWrite('added', path, abs, text);
        });
        if (note) return note;
      }
      throw new ApiError('CONFLICT', `There are already ${MAX_ATTEMPTS} notes named like “${name.title}” on that day. Choose another title.`);
    });
  }

  async update(id: string, patch: { frontmatter?: FrontmatterPatch; body?: string }): Promise<Note> {
    const changes = patch.frontmatter === undefined ? {} : parseInput(FrontmatterPatch, patch.frontmatter, 'The frontmatter change');
    if (patch.body !== undefined && typeof patch.body !== 'string') throw new ApiError('BAD_INPUT', 'The body must be text.');
    const touchesFrontmatter = Object.values(changes).some((value) => value !== undefined);

    return this.ctx.lock.run(`note:${id}`, async () => {
      const path = this.requirePath(id);
      const current = await this.readForRewrite(path);
      let head = current.split.head;
      let title = current.note.summary.title;
      let created = current.note.summary.created;
      if (touchesFrontmatter) {
        const base = current.note.frontmatter ? current.split.data : adopt(current.note, current.split);
        const data = patchFrontmatter(base, changes);
        const checked = Frontmatter.safeParse(data);
        if (!checked.success) throw new ApiError('BAD_INPUT', `That change would break the note's frontmatter: ${z.prettifyError(checked.error)}`);
        head = frontmatterBlock(data);
        title = checked.data.title;
        created = checked.data.created;
      }
      const text = head + (patch.body ?? current.split.body);
      if (text === current.text) return current.note;

      const abs = join(this.ctx.paths.root, ...path.split('/'));
      if (changes.title === undefined || slugify(changes.title) === slugify(current.note.summary.title)) {
        return this.ctx.writing([path], async () => {
          await writeFileAtomic(abs, text);
          return this.recordWrite('changed', path, abs, text);
        });
      }
      // A new title renames the file. Rename first, then rewrite: a crash in between leaves one
      // file with the old title, never two files with the same id.
      return this.ctx.lock.run(NAMES, async () => {
        const target = await this.freePath((attempt) => renamedNotePath(path, created, title, attempt), path);
        const targetAbs = await this.ctx.paths.resolveReal(target);
        return this.ctx.writing([path, target], async () => {
          await rename(abs, targetAbs);
          await writeFileAtomic(targetAbs, text);
          return this.recordWrite('added', target, targetAbs, text, [{ kind: 'removed', path }]);
        });
      });
    });
  }

  async delete(id: string): Promise<TrashedNote> {
    return this.ctx.lock.run(`note:${id}`, async () => {
      const path = this.requirePath(id);
      const entry = this.ctx.index.get(path)!;
      const listed = this.ctx.index.listed(entry);
      return this.ctx.writing([path], async () => {
        const trashed = await this.ctx.trash.put({ id: listed.id, title: listed.title, path }, join(this.ctx.paths.root, ...path.split('/')));
        this.ctx.record([{ kind: 'removed', path }]);
        return trashed;
      });
    });
  }

  async restore(trashId: string): Promise<Note> {
    const { record, abs } = await this.ctx.trash.locate(trashId);
    return this.ctx.lock.run(NAMES, async () => {
      const target = await this.freePath((attempt) => withSuffix(record.path, attempt));
      const targetAbs = await this.ctx.paths.resolveReal(target, 'The trashed note’s original path');
      await mkdir(dirname(targetAbs), { recursive: true });
      return this.ctx.writing([target], async () => {
        await rename(abs, targetAbs);
        await this.ctx.trash.discard(trashId);
        const read = await readNoteFile(this.ctx.paths.root, target);
        if (!read) throw new ApiError('NOT_FOUND', 'The restored note vanished while it was being put back.');
        this.ctx.record([{ kind: 'added', path: target, note: read.note, stamp: read.stamp }]);
        return read.note;
      });
    });
  }

  private requirePath(id: string): string {
    const path = this.ctx.index.pathOf(id);
    if (path === undefined) throw new ApiError('NOTE_NOT_FOUND', `No note with id ${id} in this notebook.`);
    return path;
  }

  /** Reads a note to rewrite it; refuses files that did not read cleanly. */
  private async readForRewrite(path: string): Promise<{ note: Note; split: SplitNote; text: string }> {
    const abs = join(this.ctx.paths.root, ...path.split('/'));
    const bytes = await readFile(abs).catch(() => null);
    if (!bytes) throw new ApiError('NOTE_NOT_FOUND', `The note ${path} is gone: it was moved or deleted outside Fieldnotes.`);
    const info = await stat(abs);
    const note = parseNoteFile(path, bytes, { mtimeMs: info.mtimeMs, size: bytes.length });
    const entry = this.ctx.index.get(path);
    const problem = note.summary.problem ?? (entry ? this.ctx.index.listed(entry).problem : undefined);
    if (problem) {
      throw new ApiError('CONFLICT', `Fieldnotes does not rewrite ${path} while it has a problem: ${problem.message}`);
    }
    const text = bytes.toString('utf8');
    return { note, split: splitNote(text), text };
  }

  /** The first free path among the candidates (free in the index and on disk). */
  private async freePath(candidate: (attempt: number) => string, current?: string): Promise<string> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const path = candidate(attempt);
      if (path === current) return path;
      if (this.ctx.index.hasPathIgnoringCase(path)) continue;
      const taken = await lstat(this.ctx.paths.resolve(path)).then(() => true, () => false);
      if (!taken) return path;
    }
    throw new ApiError('CONFLICT', `Could not find a free file name for ${candidate(1)}. Rename some notes and try again.`);
  }

  /** Records a file Fieldnotes just wrote (with any other changes of the same operation). */
  private async recordWrite(kind: 'added' | 'changed', path: string, abs: string, text: string, along: OwnChange[] = []): Promise<Note> {
    const info = await stat(abs);
    const stamp = { mtimeMs: info.mtimeMs, size: info.size };
    const note = parseNoteText(path, text, stamp);
    this.ctx.record([...along, { kind, path, note, stamp }]);
    return note;
  }
}

/**
 * Frontmatter for a note that had none of Fieldnotes' own (plain Markdown, another tool's keys):
 * it gets an id, a title and a date; the keys it had are kept.
 */
function adopt(note: Note, split: SplitNote): Record<string, unknown> {
  return orderedFrontmatter({ ...split.data, id: newId(), title: note.summary.title, created: note.summary.created });
}

/** `ky/note.md` → `ky/note-2.md` for the second attempt. */
function withSuffix(path: string, attempt: number): string {
  return attempt === 1 ? path : path.replace(/(\.md)?$/i, (ext) => `-${attempt}${ext || ''}`);
}

function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ApiError('BAD_INPUT', `${what} is not valid: ${z.prettifyError(result.error)}`);
  return result.data;
}
