// The conflict section of a note's body (see note-conflict.ts for the format): writing it,
// splitting it into both sides, and settling it. Pure and zod-free, so the renderer uses it too.

/** How a conflicted note is settled: "keep mine", "keep theirs", "keep both". */
export type ConflictChoice = 'mine' | 'theirs' | 'both';

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
