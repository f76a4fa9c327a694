// The note format: YAML frontmatter fields, what may be written into them, and the summaries the
// app lists. Reading is lenient (a note from another tool still shows); writing is strict.
import { z } from 'zod';
import { FINISHED_STATUSES, NOTE_STATUSES } from './note-status';
import { describeOddCharacter, findOddCharacter } from './safe-text';
import { Ulid } from './ulid';
import { NoteConflict } from './note-conflict';

export const NoteMode = z.enum(['explain', 'poc']);
export type NoteMode = z.infer<typeof NoteMode>;

export const NoteStatus = z.enum(NOTE_STATUSES);
export type NoteStatus = z.infer<typeof NoteStatus>;
export { FINISHED_STATUSES };

/**
 * A timestamp: ISO 8601 with a time zone, or a bare date (midnight UTC). Normalized to UTC with
 * milliseconds (`2026-11-28T22:00:00.000Z`), so timestamps sort as strings.
 */
export const Timestamp = z.preprocess(
  (value) => {
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? value : value.toISOString();
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00.000Z`;
    return value;
  },
  z.iso.datetime({ offset: true }).transform((text) => new Date(text).toISOString()),
);

export const RepoRef = z.looseObject({
  name: z.string().min(1),
  path: z.string().optional(),
  remote: z.string().optional(),
  branch: z.string().optional(),
  /** Full commit hash; absent when the folder is not a git repository. */
  commit: z.string().optional(),
  dirty: z.boolean().optional(),
});
export type RepoRef = z.infer<typeof RepoRef>;

export const AgentRef = z.looseObject({
  id: z.string().min(1),
  version: z.string().optional(),
  model: z.string().optional(),
  session: z.string().optional(),
  /** The OS sandbox it ran in: bwrap, sandbox-exec, docker, podman, or none (only its own flags held it). */
  sandbox: z.string().optional(),
  /** A cloud agent's task: its id at the service, which a restarted Fieldnotes follows again. */
  task_id: z.string().optional(),
  /** A cloud agent's task: its page at the service. */
  task_url: z.string().optional(),
});
export type AgentRef = z.infer<typeof AgentRef>;

export const Usage = z.looseObject({
  input_tokens: z.number().nonnegative().optional(),
  output_tokens: z.number().nonnegative().optional(),
  cost_usd: z.number().nonnegative().optional(),
});
export type Usage = z.infer<typeof Usage>;

/** A file the agent read, with its git blob hash at the note's commit when known. */
export const Source = z.looseObject({
  path: z.string().min(1),
  blob: z.string().optional(),
});
export type Source = z.infer<typeof Source>;

/** Where an imported session came from: the agent, its session file and id, and how much of it the note holds. */
export const ImportedFrom = z.looseObject({
  agent: z.string().min(1),
  path: z.string().min(1),
  session: z.string().min(1),
  /** How many of the session's turns the note holds: a session that grew gets the rest. */
  turns: z.number().int().nonnegative().optional(),
  /** The session file's size when imported: an unchanged size means nothing new. */
  bytes: z.number().int().nonnegative().optional(),
  /** A fingerprint of the body Fieldnotes wrote: when the body no longer matches it, the user edited the note. */
  digest: z.string().optional(),
});
export type ImportedFrom = z.infer<typeof ImportedFrom>;

/**
 * Tags as read from a file: a list, or (as other tools write them) one string of words separated
 * by commas or spaces. Numbers count as words.
 */
const TagsOnDisk = z.preprocess((value) => {
  if (typeof value === 'string') return value.split(/[,\s]+/).filter(Boolean);
  if (Array.isArray(value)) return value.map((tag) => (typeof tag === 'number' ? String(tag) : tag));
  return value;
}, z.array(z.string()));

/** One tag as Fieldnotes writes it: no spaces, commas or invisible characters; a leading `#` is dropped. */
export const Tag = z
  .string()
  .trim()
  .transform((tag) => tag.replace(/^#+/, ''))
  .pipe(
    z
      .string()
      .min(1, 'A tag cannot be empty.')
      .max(64, 'A tag can have at most 64 characters.')
      .refine((tag) => !/[\s,]/.test(tag), 'A tag cannot contain spaces or commas; join words with a dash, like error-handling.')
      .refine((tag) => findOddCharacter(tag) === null, 'A tag cannot contain control or invisible characters.'),
  );

/** A list of tags to write: each valid, duplicates dropped, order kept. */
export const TagList = z
  .array(Tag)
  .max(50, 'A note can have at most 50 tags.')
  .transform((tags) => [...new Set(tags)]);

/** A title to write: one line of visible text. */
export const Title = z
  .string()
  .trim()
  .min(1, 'A note needs a title.')
  .max(300, 'A title can have at most 300 characters.')
  .superRefine((title, ctx) => {
    const odd = findOddCharacter(title);
    if (odd) ctx.addIssue({ code: 'custom', message: `The title ${describeOddCharacter(odd)}; remove it.` });
  });

/** The frontmatter Fieldnotes reads. Unknown keys are kept (looseObject). */
export const Frontmatter = z.looseObject({
  id: Ulid,
  title: z.string(),
  question: z.string().optional(),
  mode: NoteMode.default('explain'),
  status: NoteStatus.default('done'),
  repo: RepoRef.optional(),
  agent: AgentRef.optional(),
  created: Timestamp,
  finished: Timestamp.optional(),
  duration_ms: z.number().nonnegative().optional(),
  usage: Usage.optional(),
  sources: z.array(Source).default([]),
  tags: TagsOnDisk.default([]),
  context: z.array(Ulid).optional(),
  /** Notes the agent read through Fieldnotes' MCP server while its task ran. */
  consulted: z.array(z.string().min(1)).optional(),
  parent: Ulid.optional(),
  siblings: z.array(Ulid).optional(),
  /** The older note this one refreshes: the same question asked again at a later commit. */
  supersedes: Ulid.optional(),
  /** The newer note that refreshed this one (written once that refresh is done). */
  superseded_by: Ulid.optional(),
  error: z.string().optional(),
  /** Why the answer may not rest on the code: the agent could not read it (every tool call failed, or it read no file). */
  warning: z.string().optional(),
  imported_from: ImportedFrom.optional(),
  /** The pull request a cloud agent opened with its changes. */
  pr: z.string().optional(),
  /** Set while the body holds two sides of a sync conflict (see note-conflict.ts). */
  conflict: NoteConflict.optional(),
});
export type Frontmatter = z.infer<typeof Frontmatter>;

/** The known frontmatter fields in the order Fieldnotes writes them for a new note. */
export const FRONTMATTER_ORDER = [
  'id', 'title', 'question', 'mode', 'status', 'repo', 'agent', 'created', 'finished', 'duration_ms',
  'usage', 'sources', 'tags', 'context', 'consulted', 'parent', 'siblings', 'supersedes',
  'superseded_by', 'error', 'warning', 'imported_from', 'pr',
] as const;

/** Fields a new note may be given; everything but the title is optional. */
const writableFields = {
  question: z.string(),
  mode: NoteMode,
  status: NoteStatus,
  repo: RepoRef,
  agent: AgentRef,
  created: Timestamp,
  finished: Timestamp,
  duration_ms: z.number().nonnegative(),
  usage: Usage,
  sources: z.array(Source),
  tags: TagList,
  context: z.array(Ulid),
  consulted: z.array(z.string().min(1).max(200)),
  parent: Ulid,
  siblings: z.array(Ulid),
  supersedes: Ulid,
  superseded_by: Ulid,
  error: z.string(),
  warning: z.string(),
  imported_from: ImportedFrom,
  pr: z.url(),
};

/** A note to create. The id, the file name and (unless given) `created` are chosen by Fieldnotes. */
export const NewNote = z.strictObject({
  title: Title,
  question: writableFields.question.optional(),
  mode: writableFields.mode.optional(),
  status: writableFields.status.optional(),
  repo: writableFields.repo.optional(),
  agent: writableFields.agent.optional(),
  created: writableFields.created.optional(),
  finished: writableFields.finished.optional(),
  duration_ms: writableFields.duration_ms.optional(),
  usage: writableFields.usage.optional(),
  sources: writableFields.sources.optional(),
  tags: writableFields.tags.optional(),
  context: writableFields.context.optional(),
  consulted: writableFields.consulted.optional(),
  parent: writableFields.parent.optional(),
  siblings: writableFields.siblings.optional(),
  supersedes: writableFields.supersedes.optional(),
  superseded_by: writableFields.superseded_by.optional(),
  error: writableFields.error.optional(),
  warning: writableFields.warning.optional(),
  imported_from: writableFields.imported_from.optional(),
  pr: writableFields.pr.optional(),
  /** The Markdown body, written exactly as given. */
  body: z.string().default(''),
});
export type NewNote = z.input<typeof NewNote>;

/**
 * Changes to a note's frontmatter: absent keys stay as they are, `null` removes a key. The id and
 * keys Fieldnotes does not know cannot be changed this way (they are kept as they are).
 */
export const FrontmatterPatch = z.strictObject({
  title: Title.optional(),
  question: writableFields.question.nullable().optional(),
  mode: writableFields.mode.optional(),
  status: writableFields.status.optional(),
  repo: writableFields.repo.nullable().optional(),
  agent: writableFields.agent.nullable().optional(),
  created: writableFields.created.optional(),
  finished: writableFields.finished.nullable().optional(),
  duration_ms: writableFields.duration_ms.nullable().optional(),
  usage: writableFields.usage.nullable().optional(),
  sources: writableFields.sources.nullable().optional(),
  tags: writableFields.tags.nullable().optional(),
  context: writableFields.context.nullable().optional(),
  consulted: writableFields.consulted.nullable().optional(),
  parent: writableFields.parent.nullable().optional(),
  siblings: writableFields.siblings.nullable().optional(),
  supersedes: writableFields.supersedes.nullable().optional(),
  superseded_by: writableFields.superseded_by.nullable().optional(),
  error: writableFields.error.nullable().optional(),
  warning: writableFields.warning.nullable().optional(),
  imported_from: writableFields.imported_from.nullable().optional(),
  pr: writableFields.pr.nullable().optional(),
  conflict: NoteConflict.nullable().optional(),
});
export type FrontmatterPatch = z.input<typeof FrontmatterPatch>;

/** What is wrong with a note file that could not be read as a proper note. */
export const NoteProblem = z.object({
  /** BAD_YAML, BAD_FRONTMATTER, NOT_YAML, DUPLICATE_ID, EMPTY, BINARY, NOT_UTF8, TOO_LARGE, UNREADABLE. */
  code: z.string(),
  /** What is wrong and how to fix it, for the user. */
  message: z.string(),
});
export type NoteProblem = z.infer<typeof NoteProblem>;

/** One row of the notes list: everything but the body. */
export const NoteSummary = z.object({
  id: z.string(),
  /** Path relative to the notebook folder, with forward slashes. */
  path: z.string(),
  title: z.string(),
  repo: z.string().optional(),
  commit: z.string().optional(),
  agent: z.string().optional(),
  model: z.string().optional(),
  mode: NoteMode,
  status: NoteStatus,
  created: z.string(),
  tags: z.array(z.string()),
  excerpt: z.string(),
  problem: NoteProblem.optional(),
  /** True when the file is not a Fieldnotes note (no id): plain Markdown brought in from elsewhere. */
  imported: z.boolean().optional(),
  /** The older note this one refreshes (frontmatter `supersedes`). */
  supersedes: z.string().optional(),
  /** The newer note that refreshed this one (frontmatter `superseded_by`). */
  supersededBy: z.string().optional(),
  /** True while the body holds both sides of a sync conflict, waiting for the user's choice. */
  conflict: z.boolean().optional(),
});
export type NoteSummary = z.infer<typeof NoteSummary>;

/** A whole note: its summary, its frontmatter (null when missing or invalid) and its Markdown body. */
export const Note = z.object({
  summary: NoteSummary,
  frontmatter: Frontmatter.nullable(),
  body: z.string(),
});
export type Note = z.infer<typeof Note>;

/** A note in the trash: where it was, and when it was deleted. */
export const TrashedNote = z.object({
  /** Names this trash entry (restore and undo use it). */
  trashId: Ulid,
  id: z.string(),
  title: z.string(),
  /** Where the note was, relative to the notebook; restoring puts it back there. */
  path: z.string(),
  trashedAt: z.string(),
});
export type TrashedNote = z.infer<typeof TrashedNote>;

/** A file kept with a note (a poc diff, an attachment), in `.fieldnotes/artifacts/<id>/`. */
export const Artifact = z.object({
  name: z.string(),
  size: z.number().int().nonnegative(),
});
export type Artifact = z.infer<typeof Artifact>;
