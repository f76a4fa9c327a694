// notes.*: reading the notes of the open notebook.
import { z } from 'zod';
import { method } from './method';
import { Note, NoteSummary } from '../model/note';

export const notesMethods = {
  'notes.list': method({
    description: 'Summaries of every note in the notebook, newest first.',
    input: z.object({}).default({}),
    output: z.object({ notes: z.array(NoteSummary) }),
  }),
  'notes.get': method({
    description: 'One whole note: summary, frontmatter and Markdown body.',
    input: z.object({ id: z.string().min(1).max(200) }),
    output: Note,
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
  /** Notes were added, changed or removed, by Fieldnotes or by anything else on the disk. */
  'notes.changed': z.object({ changes: z.array(NoteChange) }),
};
