// AgentEvent: every agent CLI's stream, normalized into one small vocabulary.
import { z } from 'zod';

const base = { t: z.number().nonnegative().optional() };

export const AgentEvent = z.discriminatedUnion('type', [
  z.object({
    ...base,
    type: z.literal('session'),
    session: z.string(),
    model: z.string().optional(),
    tools: z.array(z.string()).optional(),
  }),
  /** A piece of the answer. Consecutive text events concatenate; after a tool call, a new block begins (text-blocks.ts). */
  z.object({ ...base, type: z.literal('text'), text: z.string() }),
  z.object({
    ...base,
    type: z.literal('tool_call'),
    id: z.string().optional(),
    name: z.string(),
    /** A one-line human summary of the call's input (a path, a pattern, a command). */
    summary: z.string().optional(),
    /** Files the call reads or touches, relative to the working directory when possible. */
    paths: z.array(z.string()),
    /** True when the call writes (edit, write, shell command in poc mode). */
    writes: z.boolean().optional(),
  }),
  z.object({
    ...base,
    type: z.literal('tool_result'),
    id: z.string().optional(),
    ok: z.boolean(),
    summary: z.string().optional(),
  }),
  z.object({
    ...base,
    type: z.literal('retry'),
    attempt: z.number().optional(),
    reason: z.string().optional(),
    delay_ms: z.number().optional(),
  }),
  z.object({
    ...base,
    type: z.literal('usage'),
    input_tokens: z.number().optional(),
    output_tokens: z.number().optional(),
    cost_usd: z.number().optional(),
  }),
  z.object({ ...base, type: z.literal('error'), message: z.string() }),
  /**
   * Something worth keeping in the transcript that is neither answer nor failure: a stdout line
   * that was not the CLI's protocol, a CLI warning.
   */
  z.object({ ...base, type: z.literal('diagnostic'), message: z.string() }),
  /**
   * The CLI's own verdict at the end of a run, with its final answer when it reports one
   * separately from the streamed text (Claude Code's `result` event, for example).
   */
  z.object({
    ...base,
    type: z.literal('result'),
    ok: z.boolean(),
    text: z.string().optional(),
    session: z.string().optional(),
  }),
  z.object({
    ...base,
    type: z.literal('exit'),
    code: z.number().nullable(),
    signal: z.string().nullable(),
  }),
]);
export type AgentEvent = z.infer<typeof AgentEvent>;
