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

export const NoteConflict = z.looseObject({
  /** The commit the other side's text comes from. */
  theirs: z.string().min(1).max(100),
  /** When the conflict was found (ISO time). */
  at: z.string().min(1).max(100),
});
export type NoteConflict = z.infer<typeof NoteConflict>;

/** How a conflicted note is settled: "keep mine", "keep theirs", "keep both". */
export const ConflictChoice = z.enum(['mine', 'theirs', 'both']);
export type ConflictChoice = z.infer<typeof ConflictChoice>;

const MARKER = '<!-- fieldnotes-conflict:';
const INFO = 'markdown fieldnotes-theirs';
const SECTION = /^<!-- fieldnotes-conflict:[^\n]*-->\r?\n(~{4,}) markdown fieldnotes-theirs\r?\n/m;

/** The local body with the other side's body appended as a conflict section. */
export function withConflictSection(mine: string, theirs: string, commit: string): string {
  const longest = Math.max(3, ...[...theirs.matchAll(/~+/g)].map((match) => match[0].length));
  const fence = '~'.repeat(longest + 1);
  const head = mine.endsWith('\n') || mine === '' ? mine : `${mine}\n`;
  const text = theirs.endsWith('\n') || theirs === '' ? theirs : `${theirs}\n`;
  return `${head}\n${MARKER} the other side's text (commit ${commit.slice(0, 12)}) -->\n${fence} ${INFO}\n${text}${fence}\n`;
}

/** A conflicted body split into the local text and the other side's; null when it has no section. */
export function splitConflict(body: string): { mine: string; theirs: string } | null {
  const match = SECTION.exec(body);
  if (!match) return null;
  const fence = match[1]!;
  const start = match.index + match[0].length;
  const lines = body.slice(start).split(/(?<=\n)/);
  let theirs = '';
  let end = -1;
  let offset = start;
  for (const line of lines) {
    if (line.replace(/\r?\n$/, '') === fence) {
      end = offset + line.length;
      break;
    }
    theirs += line;
    offset += line.length;
  }
  if (end < 0) return null;
  const mine = (body.slice(0, match.index) + body.slice(end)).replace(/\n\n$/, '\n');
  return { mine, theirs };
}

/** The body once the user chose; the section (and the `conflict` key, by the caller) goes. */
export function resolveConflictBody(body: string, choice: ConflictChoice): string {
  const parts = splitConflict(body);
  if (!parts) return body;
  if (choice === 'mine') return parts.mine;
  if (choice === 'theirs') return parts.theirs;
  const mine = parts.mine.endsWith('\n') ? parts.mine : `${parts.mine}\n`;
  return `${mine}\n---\n\n${parts.theirs}`;
}
