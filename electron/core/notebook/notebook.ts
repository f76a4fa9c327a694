// A notebook: a plain folder of Markdown notes, with Fieldnotes' own data under `.fieldnotes/`.
// This is the service the rest of the engine uses — the API, tasks (create and complete notes,
// transcripts, artifacts) and search (the change feed and the file list).
import { basename } from 'node:path';
import { ApiError } from '../../../shared/contract/errors';
import { EventBus } from '../../../shared/event-bus';
import type { AgentEvent } from '../../../shared/model/agent-event';
import type { Artifact, FrontmatterPatch, NewNote, Note, NoteSummary, TrashedNote } from '../../../shared/model/note';
import { KeyLock } from '../fs/key-lock';
import { Artifacts } from './artifacts';
import { NoteEditor, type OwnChange } from './note-editor';
import { readNoteFile, type NoteFileInfo, type SkippedFile } from './note-files';
import { NoteIndex } from './note-index';
import { NotebookPaths } from './safe-path';
import { loadNotebook, reconcile } from './notebook-loader';
import { prepareNotebookFolder, type NotebookFolder } from './notebook-layout';
import { NotebookWatcher, type WatcherOptions } from './notebook-watcher';
import { ignoreTempsInGit, removeStaleTemps } from './stale-temps';
import { saveSummaryCache } from './summary-cache';
import { Transcripts, type Transcript } from './transcripts';
import { Trash } from './trash';

export interface NotebookOptions {
  /** Create the folder when it does not exist (for the default notebook). */
  create?: boolean;
  /** Watch the folder for changes made outside Fieldnotes (the app does; one-shot commands don't). */
  watch?: boolean;
  /** Where skipped files and background failures are reported. Default: console.warn. */
  log?: (message: string) => void;
  /** How watcher events are batched. */
  watcher?: Pick<WatcherOptions, 'debounceMs' | 'maxWaitMs'>;
  /** The app's data folder: a read-only notebook's caches go there. Default: userDataDir(). */
  dataDir?: string;
  /**
   * Called once the folder is set up, before its notes are loaded: what only needs the folder
   * (the search worker loading its persisted index) can start meanwhile.
   */
  onPrepared?: (folder: NotebookFolder) => void;
  /**
   * When `watch` is set, the watcher's first scan (an lstat and a watch per file, on this thread)
   * starts once this settles, so that it does not compete with what a person waits for at start.
   * Changes made before it is ready are caught up by a rescan, as always. Default: at once.
   */
  watchAfter?: () => Promise<unknown>;
}

/** One note in a change batch. */
export interface ChangedNote {
  /** Relative to the notebook, with forward slashes. */
  path: string;
  id: string;
}

/**
 * What changed in the notebook, by relative path. `source` is 'app' for Fieldnotes' own writes
 * (reported once, as they complete; the watcher never echoes them back) and 'disk' for changes
 * made by anything else. A retitle is the old path removed and the new one added, same id.
 */
export interface NoteChangeBatch {
  source: 'app' | 'disk';
  added: ChangedNote[];
  changed: ChangedNote[];
  removed: ChangedNote[];
}

const CACHE_SAVE_DELAY_MS = 1500;

export class Notebook {
  private readonly index = new NoteIndex();
  private readonly lock = new KeyLock();
  private readonly feed = new EventBus<{ change: NoteChangeBatch }>();
  private readonly editor: NoteEditor;
  private readonly transcripts: Transcripts;
  private readonly artifacts: Artifacts;
  private readonly trash: Trash;
  private readonly paths: NotebookPaths;
  /** Paths Fieldnotes is writing right now, and paths the watcher reported meanwhile. */
  private readonly writing = new Map<string, number>();
  private readonly deferred = new Set<string>();
  private watcher: NotebookWatcher | null = null;
  /** Settles once the watcher is started (it may wait for `watchAfter`). */
  private watching: Promise<void> = Promise.resolve();
  private skippedFiles: SkippedFile[] = [];
  private cacheTimer: NodeJS.Timeout | undefined;
  private cacheSave: Promise<void> = Promise.resolve();
  private cacheDirty = false;
  private closed = false;
  /** Removing temp files of killed writes, in the background after the open. */
  private tidying: Promise<void> = Promise.resolve();

  private constructor(
    /** The notebook folder's real path. */
    readonly root: string,
    /** Why Fieldnotes may not write in this notebook (it reads and searches it only), or null. */
    readonly readOnly: string | null,
    /** Where derived data (the summary cache, the search index) lives; see notebook-layout.ts. */
    readonly cacheDir: string,
    private readonly log: (message: string) => void,
  ) {
    const paths = new NotebookPaths(root);
    this.paths = paths;
    this.trash = new Trash(root);
    this.transcripts = new Transcripts(root, this.lock);
    this.artifacts = new Artifacts(root);
    this.editor = new NoteEditor({
      paths,
      index: this.index,
      lock: this.lock,
      trash: this.trash,
      writing: (touched, work) => this.whileWriting(touched, work),
      record: (changes) => this.recordOwn(changes),
    });
  }

  /**
   * Opens a folder as a notebook, setting it up when it is not one yet. Unchanged files are not
   * re-read: their summaries come from the cache in `.fieldnotes/cache/`.
   */
  static async open(folder: string, options: NotebookOptions = {}): Promise<Notebook> {
    const prepared = await prepareNotebookFolder(folder, { create: options.create, dataDir: options.dataDir });
    options.onPrepared?.(prepared);
    const log = options.log ?? ((message: string) => console.warn(`[fieldnotes] ${message}`));
    const notebook = new Notebook(prepared.root, prepared.readOnly, prepared.cacheDir, log);
    const loaded = await loadNotebook(prepared.root, prepared.cacheDir);
    for (const entry of loaded.entries) notebook.index.set(entry);
    notebook.skippedFiles = loaded.skipped;
    notebook.reportSkipped(loaded.skipped);
    if (loaded.cacheStale) notebook.scheduleCacheSave(0);
    // A read-only notebook is left as it is: nothing to tidy there.
    if (prepared.readOnly === null) notebook.tidying = notebook.tidy(loaded.temps);
    if (options.watch) {
      const start = (): void => notebook.startWatching(options.watcher ?? {});
      if (options.watchAfter) notebook.watching = options.watchAfter().then(start, start);
      else start();
    }
    return notebook;
  }

  /** The folder's name, for display. */
  get name(): string {
    return basename(this.root);
  }

  /** Files in the folder that are not listed, with the reason (also logged at open). */
  get skipped(): readonly SkippedFile[] {
    return this.skippedFiles;
  }

  /** Resolves once the watcher reports every change (immediately when not watching). */
  async whenWatching(): Promise<void> {
    await this.watching;
    await this.watcher?.ready;
  }

  /** Listens to the change feed; returns the unsubscribe function. */
  onChange(listener: (batch: NoteChangeBatch) => void): () => void {
    return this.feed.on('change', listener);
  }

  /** Summaries of every note, newest first. No file is read. */
  list(): NoteSummary[] {
    return this.index.summaries();
  }

  /** Every note file with its mtime and size, from memory: a cheap way to see what changed. */
  files(): NoteFileInfo[] {
    return this.index.files();
  }

  /** One whole note, read from its file. */
  async get(id: string): Promise<Note> {
    return this.readListed(this.requirePath(id), id);
  }

  /** One whole note by its path relative to the notebook. */
  async getByPath(relPath: string): Promise<Note> {
    if (!this.index.get(relPath)) throw new ApiError('NOTE_NOT_FOUND', `There is no note at ${relPath} in this notebook.`);
    return this.readListed(relPath, relPath);
  }

  /**
   * A note named the way a person would on the command line: by id, by its path in the notebook,
   * or by a file path (absolute, or relative to `cwd`) that lies inside the notebook.
   */
  async find(ref: string, cwd: string = process.cwd()): Promise<Note> {
    if (this.index.pathOf(ref) !== undefined) return this.get(ref);
    if (this.index.get(ref)) return this.getByPath(ref);
    if (!ref.includes('/') && !ref.includes('\\') && !/\.md$/i.test(ref)) {
      throw new ApiError('NOTE_NOT_FOUND', `No note with id ${ref} in ${this.root}; \`fieldnotes list\` shows the ids.`);
    }
    const relPath = await this.paths.relativeFromOutside(ref, cwd);
    return this.getByPath(relPath);
  }

  /** The summary of the note with this id, from memory; undefined when there is none. */
  summaryOf(id: string): NoteSummary | undefined {
    const path = this.index.pathOf(id);
    return path === undefined ? undefined : this.index.get(path)?.summary;
  }

  /** The path of the note with this id, if there is one. */
  pathOf(id: string): string | undefined {
    return this.index.pathOf(id);
  }

  /** Creates a note file (`<repo>/<YYYY-MM-DD>-<slug>.md`) with a new id. */
  async create(input: NewNote): Promise<Note> {
    this.requireWritable('add notes to it');
    return this.editor.create(input);
  }

  /**
   * Brings the text of a Markdown file from elsewhere in as a note: a Fieldnotes note byte for
   * byte, other Markdown with its frontmatter kept and an id added. `modified` dates notes that
   * carry no date; `from` (the file's real path) tells a file imported before from a new one.
   * Refuses broken files, and (as CONFLICT) notes already in the notebook: the same id, or other
   * Markdown imported before from the same file with the same text.
   */
  async importNote(text: string, options: { repo?: string; modified: number; /** The file it came from (its real path): it tells a file imported before from a new one, and its name titles a note without a heading. */ from?: string }): Promise<Note> {
    this.requireWritable('import notes into it');
    return this.editor.import(text, options);
  }

  /**
   * Patches a note's frontmatter and/or replaces its body, rewriting the file atomically. Keys
   * Fieldnotes does not know are kept; an unchanged body stays byte for byte the same. A new title
   * renames the file (the id stays). Writes to one note are serialized.
   */
  async update(id: string, patch: { frontmatter?: FrontmatterPatch; body?: string }): Promise<Note> {
    this.requireWritable('change its notes');
    return this.editor.update(id, patch);
  }

  /** Gives a note a new title and renames its file to match; the id stays the same. */
  retitle(id: string, title: string): Promise<Note> {
    return this.update(id, { frontmatter: { title } });
  }

  /** Replaces a note's tags. */
  setTags(id: string, tags: string[]): Promise<Note> {
    return this.update(id, { frontmatter: { tags } });
  }

  /** Moves a note to the trash; the returned entry's trashId restores it. */
  async delete(id: string): Promise<TrashedNote> {
    this.requireWritable('delete its notes');
    return this.editor.delete(id);
  }

  /** Puts a trashed note back where it was (under a free name if that one is taken now). */
  async restore(trashId: string): Promise<Note> {
    this.requireWritable('restore notes from its trash');
    return this.editor.restore(trashId);
  }

  /** Notes in the trash, most recently deleted first. */
  listTrash(): Promise<TrashedNote[]> {
    return this.trash.list();
  }

  /** Deletes the trash for good, with the transcripts and artifacts of the notes in it. */
  async emptyTrash(): Promise<{ removed: number }> {
    this.requireWritable('empty its trash');
    const ids = await this.trash.empty();
    const live = new Set(this.index.summaries().map((note) => note.id));
    await Promise.all(
      ids.filter((id) => !live.has(id)).map((id) => Promise.all([this.transcripts.remove(id), this.artifacts.remove(id)])),
    );
    return { removed: ids.length };
  }

  /** Appends normalized agent events to a note's transcript (JSONL, one event per line). */
  async appendTranscript(id: string, events: readonly AgentEvent[]): Promise<void> {
    this.requireWritable('keep transcripts in it');
    return this.transcripts.append(id, events);
  }

  /** A note's transcript; lines that cannot be read are counted in `skipped`. */
  readTranscript(id: string): Promise<Transcript> {
    return this.transcripts.read(id);
  }

  /** Writes a file kept with a note (atomically); returns its absolute path. */
  async writeArtifact(id: string, name: string, data: string | Uint8Array): Promise<string> {
    this.requireWritable('keep files with its notes');
    return this.artifacts.write(id, name, data);
  }

  listArtifacts(id: string): Promise<Artifact[]> {
    return this.artifacts.list(id);
  }

  /** The start of a note's artifact (at most `maxBytes`), and its whole size. */
  readArtifact(id: string, name: string, maxBytes: number): Promise<{ data: Buffer; size: number }> {
    return this.artifacts.readStart(id, name, maxBytes);
  }

  /** The absolute path of a note's artifact (to open it in another program). */
  artifactPath(id: string, name: string): string {
    return this.artifacts.path(id, name);
  }

  /**
   * Compares the folder with what is in memory and reports the differences as a 'disk' batch:
   * for changes made while nobody was watching. Cheap when little changed.
   */
  async rescan(): Promise<NoteChangeBatch> {
    const batch = await reconcile(this.root, this.index, (path) => this.writing.has(path));
    this.skippedFiles = batch.skipped;
    this.announce(batch.changes);
    return batch.changes;
  }

  /** Stops watching and writes the summary cache. The notebook must not be used afterwards. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.watcher?.close();
    await this.lock.idle();
    await this.tidying;
    clearTimeout(this.cacheTimer);
    await this.cacheSave;
    await this.saveCache();
  }

  /** Refuses a change to a read-only notebook, saying so plainly. */
  requireWritable(action: string): void {
    if (this.readOnly === null) return;
    throw new ApiError('NOTEBOOK_UNAVAILABLE', `This notebook is read-only (${this.readOnly}): Fieldnotes can show and search its notes, but cannot ${action}.`);
  }

  /** Removes temp files that killed writes left, and keeps new ones out of git. Never fails. */
  private async tidy(noteTemps: string[]): Promise<void> {
    const removed = await removeStaleTemps(this.root, noteTemps).catch(() => 0);
    if (removed > 0) this.log(`removed ${removed} temp ${removed === 1 ? 'file' : 'files'} left by interrupted writes`);
    await ignoreTempsInGit(this.root).catch((error: unknown) => this.log(`could not add the temp-file line to .gitignore: ${String(error)}`));
  }

  private requirePath(id: string): string {
    const path = this.index.pathOf(id);
    if (path === undefined) throw new ApiError('NOTE_NOT_FOUND', `No note with id ${id} in this notebook.`);
    return path;
  }

  private async readListed(path: string, shown: string): Promise<Note> {
    const read = await readNoteFile(this.root, path);
    if (!read) {
      await this.refresh([path]);
      throw new ApiError('NOTE_NOT_FOUND', `The note ${shown} is gone: its file was moved or deleted outside Fieldnotes.`);
    }
    const entry = { path, ...read.stamp, summary: read.note.summary };
    const current = this.index.get(path);
    if (!current || current.mtimeMs !== entry.mtimeMs || current.size !== entry.size) await this.refresh([path]);
    return { ...read.note, summary: this.index.listed(entry) };
  }

  private startWatching(options: NonNullable<NotebookOptions['watcher']>): void {
    if (this.closed) return;
    this.watcher = new NotebookWatcher(this.root, (paths) => this.refresh(paths), { ...options, log: this.log });
    // Whatever changed between the first scan and the watcher being ready is caught up here.
    void this.watcher.ready.then(() => (this.closed ? undefined : this.rescan())).catch((error: unknown) => this.log(`rescan failed: ${String(error)}`));
  }

  /** Re-reads paths the watcher reported (or that turned out stale) and announces real changes. */
  private async refresh(paths: string[]): Promise<void> {
    const ready: string[] = [];
    for (const path of paths) {
      if (this.writing.has(path)) this.deferred.add(path);
      else ready.push(path);
    }
    const batch = await reconcile(this.root, this.index, () => false, ready);
    this.announce(batch.changes);
  }

  private async whileWriting<T>(paths: string[], work: () => Promise<T>): Promise<T> {
    for (const path of paths) this.writing.set(path, (this.writing.get(path) ?? 0) + 1);
    try {
      return await work();
    } finally {
      const settled: string[] = [];
      for (const path of paths) {
        const count = (this.writing.get(path) ?? 1) - 1;
        if (count > 0) this.writing.set(path, count);
        else {
          this.writing.delete(path);
          if (this.deferred.delete(path)) settled.push(path);
        }
      }
      // The watcher saw these while we wrote: anything beyond our own write is an outside change.
      if (settled.length > 0 && !this.closed) void this.refresh(settled);
    }
  }

  private recordOwn(changes: OwnChange[]): void {
    const batch: NoteChangeBatch = { source: 'app', added: [], changed: [], removed: [] };
    for (const change of changes) {
      if (change.kind === 'removed') {
        const entry = this.index.delete(change.path);
        if (entry) batch.removed.push({ path: change.path, id: entry.summary.id });
      } else {
        this.index.set({ path: change.path, ...change.stamp, summary: change.note.summary });
        batch[change.kind].push({ path: change.path, id: change.note.summary.id });
      }
    }
    this.announce(batch);
  }

  private announce(batch: NoteChangeBatch): void {
    if (batch.added.length + batch.changed.length + batch.removed.length === 0) return;
    this.scheduleCacheSave(CACHE_SAVE_DELAY_MS);
    try {
      this.feed.emit('change', batch);
    } catch (error) {
      this.log(`a change listener failed: ${String(error)}`);
    }
  }

  private scheduleCacheSave(delay: number): void {
    this.cacheDirty = true;
    if (this.closed) return;
    clearTimeout(this.cacheTimer);
    this.cacheTimer = setTimeout(() => {
      this.cacheSave = this.cacheSave.then(() => this.saveCache());
    }, delay);
    this.cacheTimer.unref();
  }

  private async saveCache(): Promise<void> {
    if (!this.cacheDirty) return;
    this.cacheDirty = false;
    await saveSummaryCache(this.cacheDir, this.index.entriesNewestFirst()).catch((error: unknown) =>
      this.log(`could not write the summary cache (it is only a speed-up): ${String(error)}`),
    );
  }

  private reportSkipped(skipped: SkippedFile[]): void {
    for (const file of skipped.slice(0, 20)) this.log(`skipped ${file.path}: ${file.reason}`);
    if (skipped.length > 20) this.log(`skipped ${skipped.length - 20} more files`);
  }
}
