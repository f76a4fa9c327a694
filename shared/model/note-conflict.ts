// A note whose body was changed on both sides of a sync: how the other side's text is kept inside
// the note until the user chooses. Pure, so the engine writes it and the renderer reads it.
//
// The note's frontmatter gets `conflict: { theirs: <commit>, at: <time> }`; its body is the local
// text, then the other side's text in a fenced section that starts with a marker comment:
//
//   <!-- fieldnotes-conflict: the other side's text (commit 1a2b3c4) -->
//   ~~~~markdown fieldnotes-theirs
//   ...their body, unchanged...
//   ~~~~
//
// The fence is longer than any run of tildes in their text, so it never ends early. Both texts
// stay in the body, so both are searchable; nothing in it is a git conflict marker.
import { z } from 'zod';
import type { ConflictChoice as Choice } from './conflict-section';

export { resolveConflictBody, splitConflict, withConflictSection } from './conflict-section';

export const NoteConflict = z.looseObject({
  /** The commit the other side's text comes from. */
  theirs: z.string().min(1).max(100),
  /** When the conflict was found (ISO time). */
  at: z.string().min(1).max(100),
});
export type NoteConflict = z.infer<typeof NoteConflict>;

/** How a conflicted note is settled: "keep mine", "keep theirs", "keep both". */
export const ConflictChoice = z.enum(['mine', 'theirs', 'both'] satisfies Choice[]);
export type ConflictChoice = z.infer<typeof ConflictChoice>;
