// notes.*: reading and changing the notes of the open notebook.
import { z } from 'zod';
import { method } from './method';
import { AgentEvent } from '../model/agent-event';
import { EDITOR_KINDS } from '../editor-commands';
import { Artifact, FrontmatterPatch, NewNote, Note, NoteSummary, TagList, Title, TrashedNote } from '../model/note';

/** A note's id: its ULID, or `path-…` for a file without one. */
const NoteId = z.string().min(1).max(200);

export const NoteStaleness = z.object({
  /** True when the repo's HEAD moved past the note's commit and some of the note's sources changed. */
  stale: z.boolean(),
  /** Why, for the user: `3 of 7 source files changed since 3f2a9c1 (now 9e8d7c6)`. */
  reason: z.string().optional(),
  /** The sources (paths in the repo) whose content differs at HEAD, or that are gone there. */
  changed: z.array(z.string()),
});
export type NoteStaleness = z.infer<typeof NoteStaleness>;

/** What `notes.import` did with each Markdown file of the folder. */
export const ImportReport = z.object({
  imported: z.array(z.object({ from: z.string(), path: z.string(), id: z.string() })),
  /** 'already' in the notebook (same id), 'skipped' (not a note: a symlink…) or 'failed' (broken, too large…). */
  notImported: z.array(z.object({ from: z.string(), kind: z.enum(['already', 'skipped', 'failed']), reason: z.string() })),
});
export type ImportReport = z.infer<typeof ImportReport>;

const PathInput = z.string().min(1).max(4096);

export const notesMethods = {
  'notes.list': method({
    description: 'Summaries of every note in the notebook, newest first (only the newest `limit` when given).',
    input: z
      .object({
        /** Only the newest notes: a window's first screen needs a few dozen, not 10,000 (6 MB). */
        limit: z.number().int().positive().optional(),
      })
      .default({}),
    output: z.object({ notes: z.array(NoteSummary) }),
  }),
  'notes.get': method({
    description: 'One whole note: summary, frontmatter and Markdown body.',
    input: z.object({ id: NoteId }),
    output: Note,
  }),
  'notes.create': method({
    description: 'Create a note file with a new id, named after its repo, date and title.',
    input: NewNote,
    output: Note,
  }),
  'notes.update': method({
    description: 'Patch a note’s frontmatter (null removes a key) and/or replace its body; other keys and an unchanged body stay as they are.',
    input: z.object({ id: NoteId, frontmatter: FrontmatterPatch.optional(), body: z.string().optional() }),
    output: Note,
  }),
  'notes.retitle': method({
    description: 'Give a note a new title; its file is renamed to match and its id stays the same.',
    input: z.object({ id: NoteId, title: Title }),
    output: Note,
  }),
  'notes.setTags': method({
    description: 'Replace a note’s tags.',
    input: z.object({ id: NoteId, tags: TagList }),
    output: Note,
  }),
  'notes.delete': method({
    description: 'Move a note to the trash; the returned trash entry restores it.',
    input: z.object({ id: NoteId }),
    output: TrashedNote,
  }),
  'notes.restore': method({
    description: 'Put a trashed note back where it was.',
    input: z.object({ trashId: z.string().min(1).max(64) }),
    output: Note,
  }),
  'notes.listTrash': method({
    description: 'The notes in the trash, most recently deleted first.',
    input: z.object({}).default({}),
    output: z.object({ notes: z.array(TrashedNote) }),
  }),
  'notes.emptyTrash': method({
    description: 'Delete every note in the trash for good.',
    input: z.object({}).default({}),
    output: z.object({ removed: z.number().int().nonnegative() }),
  }),
  'notes.transcript': method({
    description: 'The agent events recorded while a note’s task ran, in order.',
    input: z.object({ id: NoteId }),
    output: z.object({
      events: z.array(AgentEvent),
      /** Lines of the transcript file that could not be read. */
      skipped: z.number().int().nonnegative(),
    }),
  }),
  'notes.artifacts': method({
    description: 'The files kept with a note (a poc diff, attachments).',
    input: z.object({ id: NoteId }),
    output: z.object({ artifacts: z.array(Artifact) }),
  }),
  'notes.readArtifact': method({
    description: 'The text of a file kept with a note (a poc diff, a whole answer), up to a size limit.',
    input: z.object({
      id: NoteId,
      /** The artifact's name, as notes.artifacts lists it. */
      name: z.string().min(1).max(200),
      /** Read at most this many bytes from the start of the file. */
      maxBytes: z.number().int().min(1).max(16 * 1024 * 1024).default(2 * 1024 * 1024),
    }),
    output: z.object({
      name: z.string(),
      /** The whole file's size in bytes. */
      size: z.number().int().nonnegative(),
      /** The file's text (UTF-8), cut at maxBytes. */
      text: z.string(),
      /** True when the file is longer than maxBytes. */
      truncated: z.boolean(),
    }),
  }),
  'notes.openFile': method({
    description: 'Open a file a note links to (relative to the note’s repo) in the user’s editor (the `editor` setting), at a line when one is given, or show it in the file manager.',
    input: z.object({
      id: NoteId,
      /** The link as written in the note: `src/router/index.ts`, `src/router/index.ts:42`. */
      target: z.string().min(1).max(1024),
      /** The line to open at; wins over a line written in `target`. */
      line: z.number().int().min(1).max(100_000_000).optional(),
    }),
    output: z.object({
      /** The absolute path that was opened. */
      path: z.string(),
      /** 'revealed' when the file could run as a program and no editor is set, so it was shown in its folder instead. */
      action: z.enum(['opened', 'revealed']),
      /** The editor setting it went to (`system`: the system's opener, which takes no line). */
      editor: z.enum(EDITOR_KINDS),
      /** The line the editor was asked to go to. */
      line: z.number().int().positive().optional(),
    }),
  }),
  'notes.find': method({
    description: 'A note named as on the command line: by id, by its path in the notebook, or by a file path inside the notebook (absolute, or relative to `cwd`).',
    input: z.object({ ref: PathInput, cwd: PathInput.optional() }),
    output: Note,
  }),
  'notes.import': method({
    description: 'Copy the Markdown files of a folder (absolute path) into the notebook as notes, keeping their frontmatter; `repo` for notes that name none (default: the folder’s name).',
    input: z.object({ folder: PathInput, repo: z.string().min(1).max(200).optional() }),
    output: ImportReport,
  }),
  'notes.staleness': method({
    description: 'Whether a note may be stale: its repo moved past the note’s commit and files the agent read have changed since.',
    input: z.object({ id: NoteId }),
    output: NoteStaleness,
  }),
};

export const NoteChange = z.object({
  kind: z.enum(['added', 'changed', 'removed']),
  /** Path relative to the notebook folder. */
  path: z.string(),
  id: z.string().optional(),
});
export type NoteChange = z.infer<typeof NoteChange>;

export const notesEvents = {
  /**
   * Notes were added, changed or removed. `source` is 'app' when Fieldnotes wrote them (reported
   * once, never echoed back by the watcher) and 'disk' when anything else did (an editor, git).
   */
  'notes.changed': z.object({ source: z.enum(['app', 'disk']), changes: z.array(NoteChange) }),
};
