// What the Compare view derives from sibling notes: the group they form (one order, whichever of
// them it was opened from) and who read which file.
import type { Note } from '../../../../shared/model/note';

/** The note and its siblings, oldest first (ULIDs sort by time), each once. */
export function siblingGroup(note: Note): string[] {
  return [...new Set([note.summary.id, ...(note.frontmatter?.siblings ?? [])])].sort();
}

export interface FileRead {
  path: string;
  /** True when no other note of the group read it. */
  onlyHere: boolean;
}

/** For each note, the files its agent read (in the order read), each marked when it alone read it. */
export function filesReadByEach(notes: readonly Note[]): FileRead[][] {
  const paths = notes.map((note) => [...new Set((note.frontmatter?.sources ?? []).map((source) => source.path))]);
  const readers = new Map<string, number>();
  for (const each of paths) for (const path of each) readers.set(path, (readers.get(path) ?? 0) + 1);
  // With one note there is nothing to tell apart.
  return paths.map((each) => each.map((path) => ({ path, onlyHere: notes.length > 1 && readers.get(path) === 1 })));
}

/** How many files every note read. */
export function filesReadByAll(notes: readonly Note[]): number {
  const [first, ...rest] = filesReadByEach(notes);
  if (!first || rest.length === 0) return 0;
  return first.filter((file) => rest.every((other) => other.some((each) => each.path === file.path))).length;
}
