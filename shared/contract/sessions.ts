// sessions.*: the sessions the agents (Claude Code, Codex, Gemini CLI) wrote on this machine, and
// bringing them into the notebook as notes.
import { z } from 'zod';
import { method } from './method';

export const SessionAgent = z.enum(['claude-code', 'codex', 'gemini']);

const SessionFilter = z.object({
  agent: SessionAgent.optional(),
  /** A codebase: its folder name, or a folder path. */
  repo: z.string().min(1).max(4096).optional(),
  /** Only sessions whose file changed at or after this date or time. */
  since: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
});

export const SessionListing = z.object({
  agent: SessionAgent,
  id: z.string(),
  file: z.string(),
  version: z.string().optional(),
  /** The folder the agent ran in, and its name (the codebase the list groups by). */
  project: z.string().optional(),
  repo: z.string().optional(),
  firstPrompt: z.string(),
  /** The start of the first answer. */
  preview: z.string(),
  turns: z.number().int().nonnegative(),
  started: z.string().optional(),
  ended: z.string().optional(),
  /** The note holding it, when imported; `current` is false when the session has grown since. */
  imported: z.object({ noteId: z.string(), path: z.string(), current: z.boolean() }).nullable(),
  problems: z.array(z.string()),
});
export type SessionListing = z.infer<typeof SessionListing>;

export const SessionImportResult = z.object({
  agent: z.string(),
  session: z.string(),
  status: z.enum(['created', 'updated', 'unchanged', 'conflict', 'failed']),
  noteId: z.string().optional(),
  path: z.string().optional(),
  message: z.string().optional(),
  problems: z.array(z.string()),
});
export type SessionImportResult = z.infer<typeof SessionImportResult>;

/** How far the import of one session file has read it. */
export const SessionImportProgress = z.object({
  agent: SessionAgent,
  session: z.string(),
  file: z.string(),
  bytesRead: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
});
export type SessionImportProgress = z.infer<typeof SessionImportProgress>;

export const sessionsEvents = {
  /** An import is reading a session file (a big one takes a while): bytes read of its size. */
  'sessions.progress': SessionImportProgress,
  /** "Capture new sessions" imported sessions that appeared or grew: the UI raises a toast. */
  'sessions.captured': z.object({ results: z.array(SessionImportResult) }),
};

const Unreadable = z.object({ agent: SessionAgent, file: z.string(), message: z.string() });

export const sessionsMethods = {
  'sessions.list': method({
    description: 'The agents’ sessions on this machine, newest first, each with whether it is in the notebook.',
    input: SessionFilter.default({}),
    output: z.object({ sessions: z.array(SessionListing), unreadable: z.array(Unreadable) }),
  }),
  'sessions.import': method({
    description: 'Bring sessions into the notebook as notes (again: their notes are updated, never doubled).',
    input: SessionFilter.extend({
      /** Session ids (or their starts); with none, `all` must be set. */
      ids: z.array(z.string().min(1)).max(10_000).default([]),
      all: z.boolean().default(false),
    }).default({ ids: [], all: false }),
    output: z.object({ results: z.array(SessionImportResult), unreadable: z.array(Unreadable) }),
  }),
};
