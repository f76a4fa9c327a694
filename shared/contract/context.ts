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
  /** In bundle order; duplicate ids appear once. */
  notes: z.array(BundledNote),
});
export type ContextEstimate = z.infer<typeof BundleFacts>;

export const ContextBundle = BundleFacts.extend({
  /** The bundle, ready to paste into a prompt. */
  text: z.string(),
});
export type ContextBundle = z.infer<typeof ContextBundle>;

export const contextMethods = {
  'context.build': method({
    description: 'Format notes as context for a prompt (xml or markdown), counted with a real tokenizer.',
    input: BundleInput,
    output: ContextBundle,
  }),
  'context.estimate': method({
    description: 'What `context.build` would give, without the text: the token count (a sum of cached per-note counts, so it is cheap) and the warnings.',
    input: BundleInput,
    output: BundleFacts,
  }),
  'context.copy': method({
    description: 'Build the bundle and put it on the system clipboard (desktop app only; a browser copies `context.build`’s text itself).',
    input: BundleInput,
    output: BundleFacts,
  }),
};
