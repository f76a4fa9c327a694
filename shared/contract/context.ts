// context.*: "copy as context" — notes formatted for the next prompt, with a token count.
import { z } from 'zod';
import { method } from './method';
import { NoteStatus } from '../model/note';
import { CONTEXT_FORMATS } from '../context/context-bundle';

export const ContextFormat = z.enum(CONTEXT_FORMATS);

/** Which notes, in bundle order (the order the user sees them in), and how to format them. */
const BundleInput = z.object({
  ids: z
    .array(z.string().min(1).max(200))
    .min(1, 'Choose at least one note.')
    .max(1000, 'A bundle can hold at most 1,000 notes.'),
  format: ContextFormat.default('xml'),
});

/**
 * How a bundle over its budget is trimmed: `leave-out` drops notes from the end of the order until
 * it fits (a note too big is skipped, smaller ones after it still go in); `summaries` first keeps
 * only the summary and citations of notes, from the end, and leaves notes out only if that is not
 * enough.
 */
export const CONTEXT_TRIMS = ['leave-out', 'summaries'] as const;
export const ContextTrim = z.enum(CONTEXT_TRIMS);
export type ContextTrim = z.infer<typeof ContextTrim>;

export const ContextBudget = z.object({
  /** The most tokens the whole bundle may take. */
  maxTokens: z.number().int().min(100, 'A budget under 100 tokens cannot hold even one note’s header.').max(100_000_000),
  trim: ContextTrim.default('leave-out'),
});
export type ContextBudget = z.infer<typeof ContextBudget>;

/** A bundle input with an optional budget: the notes are trimmed (see ContextTrim) to fit it. */
const BudgetedInput = BundleInput.extend({ budget: ContextBudget.optional() });

const LeftOutNote = z.object({ id: z.string(), title: z.string(), tokens: z.number().int().nonnegative() });

/** What trimming to a budget did; absent when no budget was given. */
export const TrimReport = z.object({
  maxTokens: z.number().int(),
  trim: ContextTrim,
  /** Notes left out, in the order they were given, with their full size. */
  leftOut: z.array(LeftOutNote),
  /** Ids of notes that went in as their summary and citations only. */
  summarized: z.array(z.string()),
});
export type TrimReport = z.infer<typeof TrimReport>;

export const BundledNote = z.object({
  id: z.string(),
  title: z.string(),
  /** Path relative to the notebook: the document's source in the bundle. */
  path: z.string(),
  status: NoteStatus,
  /** The repo moved on and files the note's agent read have changed since (see notes.staleness). */
  stale: z.boolean(),
  /** Tokens of this note's document on its own. */
  tokens: z.number().int().nonnegative(),
  /** Warning lines the bundle carries for this note (failed, stale, unreadable…). */
  warnings: z.array(z.string()),
});
export type BundledNote = z.infer<typeof BundledNote>;

const BundleFacts = z.object({
  format: ContextFormat,
  /** Tokens of the whole bundle. */
  tokens: z.number().int().nonnegative(),
  /** The tokenizer that counted them, for the user: `claude`. */
  tokenizer: z.string(),
  /** In bundle order; duplicate ids appear once. With a budget: the notes that went in. */
  notes: z.array(BundledNote),
  trimmed: TrimReport.optional(),
});
export type ContextEstimate = z.infer<typeof BundleFacts>;

export const ContextBundle = BundleFacts.extend({
  /** The bundle, ready to paste into a prompt. */
  text: z.string(),
});
export type ContextBundle = z.infer<typeof ContextBundle>;

export const contextMethods = {
  'context.build': method({
    description: 'Format notes as context for a prompt (xml or markdown), counted with a real tokenizer; with a budget, trimmed to fit it (notes left out, or kept as summary and citations).',
    input: BudgetedInput,
    output: ContextBundle,
  }),
  'context.estimate': method({
    description: 'What `context.build` would give, without the text: the token count (a sum of cached per-note counts, so it is cheap) and the warnings.',
    input: BundleInput,
    output: BundleFacts,
  }),
  'context.copy': method({
    description: 'Build the bundle (trimmed to a budget when one is given) and put it on the system clipboard (desktop app only; a browser copies `context.build`’s text itself).',
    input: BudgetedInput,
    output: BundleFacts,
  }),
};
