// How a note's task stands, as plain values: the renderer uses them at run time, and importing
// them from note.ts would bring zod (hundreds of KB) into its bundle.

export const NOTE_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled', 'interrupted'] as const;
export type NoteStatusName = (typeof NOTE_STATUSES)[number];

/** Statuses that mean the task behind the note is over. */
export const FINISHED_STATUSES: readonly NoteStatusName[] = ['done', 'failed', 'cancelled', 'interrupted'];
