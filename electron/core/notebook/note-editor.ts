// Changing notes on disk: create, patch, retitle (rename), trash and restore. Every write is atomic,
// writes to one note are serialized, and a file is only rewritten when it read cleanly.
import { lstat, mkdir, readFile, rename, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { ApiError } from '../../../shared/contract/errors';
import { Frontmatter, FrontmatterPatch, NewNote, Timestamp, type Note, type NoteProblem, type TrashedNote } from '../../../shared/model/note';
import { notePath, renamedNotePath, slugify } from '../../../shared/model/note-path';
import { writeFileAtomic } from '../fs/atomic-write';
import { replaceIfUnchanged } from '../fs/compare-and-swap';
import type { KeyLock } from '../fs/key-lock';
import { derivedId, newId } from '../ids';
import { readFields } from './frontmatter-fields';
import { parseNoteFile, parseNoteText, type FileStamp } from './note-file';
import { readNoteFile } from './note-files';
import { editFrontmatter, FrontmatterError, orderedFrontmatter, patchFrontmatter, serializeNote, splitNote, type SplitNote } from './note-format';
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
/** Rewrites of one change retried because another program kept saving the file meanwhile. */
const MAX_SWAPS = 20;
/** Keys a note from elsewhere gains when Fieldnotes adopts it; written before its own keys. */
const IDENTITY = ['id', 'title', 'created'];
/** How long to wait before reading again a note that another program may be half-way through saving. */
const SETTLE_MS = 15;

/** A note file as read for a rewrite: its bytes, and what they say. */
interface ReadNote {
  bytes: Buffer;
  text: string;
  note: Note;
  split: SplitNote;
  problem?: NoteProblem;
}

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
    // The id comes from where the file is and what it says, so importing it again finds it.
    const id = derivedId(Date.parse(summary.created), `${options.from ?? ''}\0${text}`);
    const existing = this.ctx.index.pathOfIdEnding(id.slice(10));
    if (existing !== undefined) throw new ApiError('CONFLICT', `It is already in the notebook, as ${existing} (imported before from the same file).`);
    const split = splitNote(text);
    const identity: Record<string, unknown> = { id };
    if (!('title' in split.data)) identity.title = summary.title;
    if (!('created' in split.data)) identity.created = summary.created;
    const fields = readFields({ ...split.data, ...identity }, split.numberText);
    if (fields.issues.length > 0) {
      throw new ApiError('BAD_INPUT', `Its frontmatter uses keys Fieldnotes reads differently: ${describe(fields.issues)} Rename those keys and import it again.`);
    }
    return this.place(editFrontmatter(split, identity, IDENTITY) + split.body, { repo: options.repo, created: summary.created, title: summary.title });
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

  /**
   * Patches the frontmatter and/or replaces the body. The file is replaced only if it still holds
   * what was read (compare-and-swap); when another program saved it meanwhile, the change is made
   * again on what it saved, so neither edit is lost.
   */
  async update(id: string, patch: { frontmatter?: FrontmatterPatch; body?: string }): Promise<Note> {
    const changes = patch.frontmatter === undefined ? {} : parseInput(FrontmatterPatch, patch.frontmatter, 'The frontmatter change');
    if (patch.body !== undefined && typeof patch.body !== 'string') throw new ApiError('BAD_INPUT', 'The body must be text.');
    const change = (read: ReadNote) => patched(read, changes, patch.body);

    return this.ctx.lock.run(`note:${id}`, async () => {
      const path = this.requirePath(id);
      const first = await this.readForRewrite(path);
      const next = change(first);
      if (next.text === first.text) return first.note;

      if (changes.title === undefined || slugify(changes.title) === slugify(first.note.summary.title)) {
        return this.ctx.writing([path], () => this.swap(path, first, change, 'changed'));
      }
      // A new title renames the file. Rename first, then rewrite: a crash in between leaves one
      // file with the old title, never two files with the same id.
      return this.ctx.lock.run(NAMES, async () => {
        const target = await this.freePath((attempt) => renamedNotePath(path, next.created, next.title, attempt), path);
        const targetAbs = await this.ctx.paths.resolveReal(target);
        return this.ctx.writing([path, target], async () => {
          await rename(this.absolute(path), targetAbs);
          return this.swap(target, first, change, 'added', [{ kind: 'removed', path }]);
        });
      });
    });
  }

  /** Writes `change(read)` over the file at `path` if it still holds `read`; else again, on what it holds. */
  private async swap(path: string, read: ReadNote, change: (read: ReadNote) => { text: string }, kind: 'added' | 'changed', along: OwnChange[] = []): Promise<Note> {
    const abs = this.absolute(path);
    let base = read;
    let expected = read.bytes;
    for (let attempt = 1; attempt <= MAX_SWAPS; attempt++) {
      const { text } = change(base);
      const outcome = await replaceIfUnchanged(abs, text, expected);
      if (outcome.kind === 'replaced') return this.recordWrite(kind, path, abs, text, along);
      if (outcome.kind === 'gone') throw new ApiError('NOTE_NOT_FOUND', `The note ${path} was moved or deleted outside Fieldnotes while it was being saved.`);
      if (outcome.kind === 'changed') {
        base = await this.readBytes(path, outcome.now);
        if (base.problem) base = await this.readForRewrite(path);
        expected = base.bytes;
        continue;
      }
      // Another program wrote into the file just replaced: change what it wrote instead.
      const late = await this.readBytes(path, outcome.late);
      expected = Buffer.from(text);
      if (late.problem) {
        await replaceIfUnchanged(abs, outcome.late, expected);
        throw new ApiError('CONFLICT', `Another program saved ${path} while Fieldnotes was changing it, and what it saved does not read as a note (${late.problem.message}). Its version is kept; make the change again once it is fixed.`);
      }
      base = late;
    }
    throw new ApiError('CONFLICT', `${path} kept changing while Fieldnotes was saving it (another program is writing it). Nothing was changed by Fieldnotes; try again.`);
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

  /**
   * Reads a note to rewrite it; refuses files that do not read cleanly. A file that reads badly
   * but is still changing (another program is half-way through saving it) is read again.
   */
  private async readForRewrite(path: string): Promise<ReadNote> {
    const abs = this.absolute(path);
    let bytes = await readFile(abs).catch(() => null);
    for (let tries = 0; ; tries++) {
      if (!bytes) throw new ApiError('NOTE_NOT_FOUND', `The note ${path} is gone: it was moved or deleted outside Fieldnotes.`);
      const read = await this.readBytes(path, bytes);
      if (!read.problem) return read;
      const again = tries < 3 ? await sleep(SETTLE_MS).then(() => readFile(abs).catch(() => null)) : bytes;
      if (again?.equals(bytes)) {
        throw new ApiError('CONFLICT', `Fieldnotes does not rewrite ${path} while it has a problem: ${read.problem.message}`);
      }
      bytes = again;
    }
  }

  /** What `bytes` (read from `path`) say; the file's mtime dates a note that has no date. */
  private async readBytes(path: string, bytes: Buffer): Promise<ReadNote> {
    const info = await stat(this.absolute(path)).catch(() => null);
    const note = parseNoteFile(path, bytes, { mtimeMs: info?.mtimeMs ?? Date.now(), size: bytes.length });
    const entry = this.ctx.index.get(path);
    const problem = note.summary.problem ?? (entry ? this.ctx.index.listed(entry).problem : undefined);
    const text = bytes.toString('utf8');
    if (problem) return { bytes, text, note, split: { hasFrontmatter: false, data: {}, head: '', body: text, yaml: '', yamlStart: 0, numberText: () => undefined }, problem };
    return { bytes, text, note, split: splitNote(text) };
  }

  private absolute(path: string): string {
    return join(this.ctx.paths.root, ...path.split('/'));
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

/** The note's new text, title and date with the change applied; throws BAD_INPUT when it would not read. */
function patched(read: ReadNote, changes: z.output<typeof FrontmatterPatch>, body: string | undefined): { text: string; title: string; created: string } {
  const { split, note } = read;
  const newBody = body ?? split.body;
  if (!Object.values(changes).some((value) => value !== undefined)) {
    return { text: split.head + newBody, title: note.summary.title, created: note.summary.created };
  }
  const identity = note.frontmatter ? {} : adopted(read);
  const fields = readFields({ ...split.data, ...identity }, split.numberText);
  const checked = Frontmatter.safeParse(patchFrontmatter(fields.valid, changes));
  if (fields.issues.length > 0 || !checked.success) {
    const reason = fields.issues.length > 0 ? describe(fields.issues) : z.prettifyError(checked.error!);
    throw new ApiError('BAD_INPUT', `That change would break the note's frontmatter: ${reason}`);
  }
  let head: string;
  try {
    head = editFrontmatter(split, { ...identity, ...changes }, IDENTITY);
  } catch (error) {
    if (!(error instanceof FrontmatterError)) throw error;
    throw new ApiError('CONFLICT', `Fieldnotes cannot change ${read.note.summary.path} in place: ${error.message}`);
  }
  return { text: head + newBody, title: checked.data.title, created: checked.data.created };
}

/**
 * What a note that had none of Fieldnotes' own frontmatter (plain Markdown, another tool's keys)
 * gains on its first change: an id, and a title and a date where it has none that read.
 */
function adopted(read: ReadNote): Record<string, unknown> {
  const { data } = read.split;
  const identity: Record<string, unknown> = { id: newId() };
  if (typeof data.title !== 'string' || !data.title.trim()) identity.title = read.note.summary.title;
  if (!Timestamp.safeParse(data.created).success) identity.created = read.note.summary.created;
  return identity;
}

function describe(issues: Array<{ path: string; message: string }>): string {
  return issues.map((issue) => `${issue.path}: ${issue.message}.`).join(' ');
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
