// notes.citations and notes.check: whether the code a note cites is where the note says, at the
// note's commit, and what changed in it since.
import { z } from 'zod';
import { method } from './method';

const NoteId = z.string().min(1).max(200);

export const LineRange = z.object({ start: z.number().int().positive(), end: z.number().int().positive() });
export type LineRange = z.infer<typeof LineRange>;

export const CitationCheck = z.object({
  /** The citation as written in the note: `src/router.ts:40-52`. */
  text: z.string(),
  /** The file in the repo it resolved to (as written when it resolved to none). */
  path: z.string(),
  /** The cited lines, when it names any. */
  lines: LineRange.optional(),
  /** True when the file exists at the checked commit and the lines are inside it. */
  ok: z.boolean(),
  /** Why it does not check out: `no such file at 3f2a9c1`, `line 120 is past the end (80 lines)`. */
  why: z.string().optional(),
  /** The cited lines with a few around, as they were at the checked commit (notes.citations only). */
  excerpt: z.object({ start: z.number().int().positive(), lines: z.array(z.string()) }).optional(),
});
export type CitationCheck = z.infer<typeof CitationCheck>;

export const SourceChange = z.object({
  /** The file as it was at the note's commit. */
  path: z.string(),
  how: z.enum(['changed', 'renamed', 'deleted']),
  /** Where a renamed file is now. */
  to: z.string().optional(),
  /** The ranges the note cites in this file whose lines changed since its commit. */
  lines: z.array(LineRange),
  /** For the user: `src/router.ts changed; lines 40–52 cited here were rewritten`. */
  summary: z.string(),
});
export type SourceChange = z.infer<typeof SourceChange>;

export const NoteCitations = z.object({
  id: z.string(),
  /** The commit the citations were checked against (full hash); null when they could not be checked. */
  commit: z.string().nullable(),
  /** The repo's HEAD when checked (full hash), when the repo could be read. */
  head: z.string().optional(),
  /** 'note': its own commit; 'head': the repo's HEAD (the note records no commit); 'none': not checked. */
  against: z.enum(['note', 'head', 'none']),
  /** Why the citations could not be checked, when `against` is 'none'. */
  why: z.string().optional(),
  total: z.number().int().nonnegative(),
  ok: z.number().int().nonnegative(),
  citations: z.array(CitationCheck),
  /** True when files the note read or cites changed between its commit and HEAD. */
  stale: z.boolean(),
  changed: z.array(SourceChange),
});
export type NoteCitations = z.infer<typeof NoteCitations>;

export const citationsMethods = {
  'notes.citations': method({
    description: 'The citations in a note’s body, each checked against the note’s commit, with the cited lines, and what changed in its files since.',
    input: z.object({ id: NoteId }),
    output: NoteCitations,
  }),
  'notes.check': method({
    description: 'Checks the citations and staleness of many notes at once (all of them, or the ids given, or one repo’s), without the cited lines.',
    input: z.object({ ids: z.array(NoteId).max(100_000).optional(), repo: z.string().min(1).max(200).optional() }).default({}),
    output: z.object({ notes: z.array(NoteCitations) }),
  }),
  'notes.stale': method({
    description: 'The notes that may be stale: files they read or cite changed between their commit and their repo’s HEAD (the Stale filter). A note already refreshed (superseded_by) is left out.',
    input: z.object({}).default({}),
    output: z.object({ ids: z.array(z.string()) }),
  }),
};
