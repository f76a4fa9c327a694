// The note format: YAML frontmatter fields and the summaries the app lists.
import { z } from 'zod';
import { Ulid } from './ulid';

export const NoteMode = z.enum(['explain', 'poc']);
export type NoteMode = z.infer<typeof NoteMode>;

export const NoteStatus = z.enum(['queued', 'running', 'done', 'failed', 'cancelled', 'interrupted']);
export type NoteStatus = z.infer<typeof NoteStatus>;

/** Statuses that mean the task behind the note is over. */
export const FINISHED_STATUSES: readonly NoteStatus[] = ['done', 'failed', 'cancelled', 'interrupted'];

/**
 * A timestamp. YAML parses unquoted timestamps into Date objects, so both forms are accepted and
 * normalized to an ISO 8601 string.
 */
export const Timestamp = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : value),
  z.iso.datetime({ offset: true }),
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

/** The frontmatter Fieldnotes reads and writes. Unknown keys are kept (looseObject). */
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
  tags: z.array(z.string()).default([]),
  context: z.array(Ulid).optional(),
  parent: Ulid.optional(),
  siblings: z.array(Ulid).optional(),
  error: z.string().optional(),
});
export type Frontmatter = z.infer<typeof Frontmatter>;

/** What is wrong with a note file that could not be read as a proper note. */
export const NoteProblem = z.object({
  code: z.string(),
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
  /** True when the file had no frontmatter (plain Markdown brought in from elsewhere). */
  imported: z.boolean().optional(),
});
export type NoteSummary = z.infer<typeof NoteSummary>;

/** A whole note: its summary, its frontmatter (null when missing or invalid) and its Markdown body. */
export const Note = z.object({
  summary: NoteSummary,
  frontmatter: Frontmatter.nullable(),
  body: z.string(),
});
export type Note = z.infer<typeof Note>;
