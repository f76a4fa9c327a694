// A task note's title: the person's question, which is what they will recognise, unless the
// agent's answer opens with a real title (short, not a generic heading such as "Answer", not a
// sentence); Markdown is removed either way, and no two notes of one codebase share a title.
import type { NoteSummary } from '../../../shared/model/note';

/** Titles longer than this are cut at a word boundary. */
export const MAX_TITLE = 80;

/** Headings that say what kind of text follows, not what it is about. */
const GENERIC = new Set([
  'answer', 'the answer', 'short answer', 'final answer', 'summary', 'overview', 'explanation', 'findings', 'key findings',
  'tl;dr', 'tldr', 'result', 'results', 'conclusion', 'conclusions', 'introduction', 'response', 'analysis', 'details',
  'notes', 'report', 'research note', 'background', 'context', 'investigation', 'what i found', 'solution',
]);

/** Openings of narration ("Let me look at…"), never a title. */
const NARRATION = /^(let me|let's|i'll|i will|i'm going|i am going|i've|i have|here is|here's|now |first,|okay|ok,|sure|great|looking at)\b/i;

export interface TitledAnswer {
  title: string;
  /** The answer without its title line (the whole answer when the title is the question's). */
  body: string;
}

/**
 * The title of a finished task's note and the body under it. `answered` is false for a task that
 * did not succeed: its partial text never names the note.
 */
export function titleNote(answer: string, question: string, answered = true): TitledAnswer {
  const text = answer.replace(/^\uFEFF/, '');
  const match = /^\s*([^\n]*)\n?/.exec(text);
  const firstLine = match?.[1] ?? '';
  const candidate = answered ? plainTitle(firstLine) : '';
  if (candidate === '' || !isRealTitle(firstLine, candidate)) return { title: questionTitle(question), body: text };
  return { title: shorten(candidate), body: text.slice(match![0].length).replace(/^\s*\n/, '') };
}

/** The question as a title: its first line, Markdown removed, cut to MAX_TITLE at a word. */
export function questionTitle(question: string): string {
  const line = question.trim().split('\n').find((part) => part.trim() !== '') ?? '';
  return shorten(plainText(line));
}

/**
 * `title`, or `title (2)`, `(3)`… when another note of the same codebase already has it (compared
 * without case): the notes list, the palette and search can then tell them apart.
 */
export function distinctTitle(title: string, notes: readonly NoteSummary[], noteId: string): string {
  return numbered(title, takenTitles(notes, noteId, []));
}

interface Claim {
  repo: string | undefined;
  title: string;
}

/**
 * Titles given to notes whose write has not reached the notebook's list yet, by notebook: tasks
 * that finish together would otherwise both see a title as free.
 */
const pending = new WeakMap<object, Map<string, Claim>>();

/** distinctTitle, also against titles just given to other notes; `release` once the note is written. */
export function claimTitle(notebook: { list(): NoteSummary[] }, title: string, noteId: string): { title: string; release: () => void } {
  const claims = pending.get(notebook) ?? new Map<string, Claim>();
  pending.set(notebook, claims);
  const notes = notebook.list();
  const others = [...claims.entries()].filter(([id]) => id !== noteId).map(([, claim]) => claim);
  const given = numbered(title, takenTitles(notes, noteId, others));
  claims.set(noteId, { repo: notes.find((note) => note.id === noteId)?.repo, title: given });
  return { title: given, release: () => void claims.delete(noteId) };
}

function takenTitles(notes: readonly NoteSummary[], noteId: string, claims: readonly Claim[]): Set<string> {
  const repo = notes.find((note) => note.id === noteId)?.repo;
  const others: Claim[] = [...notes.filter((note) => note.id !== noteId).map((note) => ({ repo: note.repo, title: note.title })), ...claims];
  return new Set(others.filter((other) => other.repo === repo).map((other) => other.title.toLowerCase()));
}

function numbered(title: string, taken: Set<string>): string {
  if (!taken.has(title.toLowerCase())) return title;
  for (let n = 2; ; n++) {
    const candidate = `${title} (${n})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

function isRealTitle(rawLine: string, title: string): boolean {
  const raw = rawLine.trim();
  if (/^(```|~~~|[-*+] |\d+[.)] |>|\||<)/.test(raw)) return false;
  if (GENERIC.has(title.toLowerCase().replace(/[:.!]+$/, '').trim())) return false;
  if (NARRATION.test(title)) return false;
  if (title.length > MAX_TITLE || title.split(/\s+/).length > 14) return false;
  // A sentence ("The router lives in src/router.ts.") is the start of an answer, not its name.
  if (/[.:;,]$/.test(title) && !/\b(etc|vs|e\.g|i\.e)\.$/i.test(title)) return false;
  return true;
}

/** The first line with its Markdown taken off: a heading mark, a "Title:" label, emphasis, quotes. */
function plainTitle(line: string): string {
  const text = line
    .replace(/^#{1,6}\s+/, '')
    .replace(/\s+#+\s*$/, '')
    .replace(/^(title|titre)\s*:\s*/i, '');
  return plainText(text).replace(/^["'“‘](.+)["'”’]$/, '$1').trim();
}

/** Inline Markdown removed: links keep their words, code and emphasis lose their marks. */
function plainText(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=$|[\s).,:;!?])/g, '$1$2')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= MAX_TITLE) return line;
  const cut = line.slice(0, MAX_TITLE - 1);
  const space = cut.lastIndexOf(' ');
  return (space > 40 ? cut.slice(0, space) : cut).trimEnd() + '…';
}
