// "Copy as context": one note or a bundle of notes, formatted for the next prompt.
//
// Two formats:
// - `xml`: the `<documents><document index="N"><source>…</source><document_content>…` shape that
//   Claude prompts and files-to-prompt's `--cxml` use. Each document's content is one CDATA
//   section, so bodies keep every character as written (code with `<` and `&` stays readable) and
//   a body containing `</document_content>` or `</document>` cannot end its document early. The
//   only sequence CDATA cannot hold, `]]>`, is split across two sections, which every XML parser
//   joins back to the original text. The body follows the header and a blank line, verbatim, up to
//   the closing tag. (Control characters that XML 1.0 cannot carry at all become U+FFFD.)
// - `markdown`: a heading per note, the same metadata as a list, then the body inside a fence that
//   is longer than any run of backticks in the body, so the body's own fences survive.

/** The formats, written once: the contract, the CLI's --format and the UI's picker take them from here. */
export const CONTEXT_FORMATS = ['xml', 'markdown'] as const;
export type ContextFormat = (typeof CONTEXT_FORMATS)[number];

/** What the formatter needs to know about one note. */
export interface ContextNote {
  title: string;
  /** Where the note lives, relative to the notebook (the document's source). */
  path: string;
  question?: string;
  repo?: { name: string; commit?: string; branch?: string };
  agent?: { id: string; model?: string };
  /** ISO timestamp. */
  created: string;
  status: string;
  error?: string;
  /** Set when the agent could not read the code it answered about: why (the note's `warning`). */
  warning?: string;
  /** Set when the repo moved on since the note was written. */
  stale?: { reason: string };
  /** Why the file could not be read as a proper note (broken frontmatter, not UTF-8…). */
  problem?: string;
  body: string;
}

const WARN_STATUSES: Record<string, string> = {
  failed: 'the task behind this note failed, so the answer may be missing, incomplete or wrong',
  cancelled: 'the task behind this note was cancelled before it finished, so the answer may be incomplete',
  interrupted: 'the task behind this note was interrupted (the app stopped while it ran), so the answer may be incomplete',
  running: 'the task behind this note was still running when this was copied, so the answer is partial',
  queued: 'the task behind this note had not started yet, so there is no answer',
};

/** Warnings a reader of the bundle should see before trusting a note. */
export function noteWarnings(note: ContextNote): string[] {
  const warnings: string[] = [];
  const status = WARN_STATUSES[note.status];
  // An error that only restates the status ("Cancelled while it was running.") is not said twice.
  const error = note.error && !note.error.toLowerCase().startsWith(note.status) ? ` Error: ${oneLine(note.error)}` : '';
  if (status) warnings.push(`Warning: ${status}.${error}`);
  if (note.warning) warnings.push(`Warning: this answer may not rest on the code. ${oneLine(note.warning)}`);
  if (note.stale) warnings.push(`Warning: this note may be stale: ${oneLine(note.stale.reason)}`);
  if (note.problem) warnings.push(`Warning: this file could not be read as a note, so its details may be missing: ${oneLine(note.problem)}`);
  return warnings;
}

/** The small, consistent header every note gets in both formats. */
export function noteHeader(note: ContextNote): Array<[string, string]> {
  const rows: Array<[string, string]> = [['Title', oneLine(note.title)]];
  if (note.question && note.question.trim() !== note.title.trim()) rows.push(['Question', oneLine(note.question)]);
  if (note.repo) {
    const commit = note.repo.commit ? ` @ ${note.repo.commit.slice(0, 7)}` : ' (not a git repository)';
    rows.push(['Repo', `${note.repo.name}${commit}${note.repo.branch ? ` on ${note.repo.branch}` : ''}`]);
  }
  if (note.agent) rows.push(['Agent', `${note.agent.id}${note.agent.model ? ` (${note.agent.model})` : ''}`]);
  rows.push(['Date', note.created.slice(0, 10)]);
  rows.push(['Status', note.status]);
  return rows;
}

export function formatContext(notes: readonly ContextNote[], format: ContextFormat): string {
  return format === 'xml' ? formatXml(notes) : formatMarkdown(notes);
}

function formatXml(notes: readonly ContextNote[]): string {
  const documents = notes.map((note, i) => {
    const header = noteHeader(note).map(([key, value]) => `${key}: ${value}`);
    const content = ['', ...header, ...noteWarnings(note), '', xmlSafe(note.body)].join('\n');
    return [
      `<document index="${i + 1}">`,
      `<source>${escapeXml(xmlSafe(note.path))}</source>`,
      `<document_content>${cdata(content)}</document_content>`,
      '</document>',
    ].join('\n');
  });
  return ['<documents>', ...documents, '</documents>', ''].join('\n');
}

function formatMarkdown(notes: readonly ContextNote[]): string {
  const sections = notes.map((note) => {
    const [, ...rows] = noteHeader(note);
    const fence = '`'.repeat(Math.max(3, longestBacktickRun(note.body) + 1));
    const warnings = noteWarnings(note).map((warning) => `> **${warning}**`);
    return [
      `## ${oneLine(note.title)}`,
      '',
      ...rows.map(([key, value]) => `- ${key}: ${value}`),
      `- Source: ${note.path}`,
      ...(warnings.length > 0 ? ['', ...warnings] : []),
      '',
      `${fence}markdown`,
      note.body.replace(/\s+$/, ''),
      fence,
    ].join('\n');
  });
  return sections.join('\n\n') + '\n';
}

function cdata(text: string): string {
  return `<![CDATA[${text.split(']]>').join(']]]]><![CDATA[>')}]]>`;
}

/** Replaces what XML 1.0 forbids anywhere (most C0 controls, lone surrogates) with U+FFFD. */
function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const match of text.matchAll(/`+/g)) longest = Math.max(longest, match[0].length);
  return longest;
}
