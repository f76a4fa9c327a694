// One very large agent-style note (about 1 MB of Markdown: headings, prose, lists, code blocks in
// several languages, citations), for the e2e test and the bench of opening it. Deterministic.
import { syntheticNote } from '../bench/synthetic-notebook';

export const LARGE_NOTE_ID = '01JBG00000000000000000000M';
/** Words that appear once each: in the first paragraph, and in the last one. */
export const LARGE_NOTE_FIRST_WORD = 'aardvarkopening';
export const LARGE_NOTE_LAST_WORD = 'zebrafinchclosing';

/** The note's file text: frontmatter, then synthetic bodies until it holds `bytes` of Markdown. */
export function largeNoteText(bytes = 1_000_000): string {
  const parts: string[] = [
    `This note starts with the word ${LARGE_NOTE_FIRST_WORD}, then goes on for a long time.`,
    '```ts\nexport function first(): number {\n  return 1;\n}\n```',
  ];
  let size = parts[0]!.length;
  for (let index = 0; size < bytes; index++) {
    const text = syntheticNote(index).text;
    const body = text.slice(text.indexOf('\n---\n', 4) + 5);
    parts.push(`## Part ${index + 1}`, body.trim());
    size += body.length + 16;
  }
  parts.push('```python\ndef last():\n    return None\n```', `The last paragraph of the note, with the word ${LARGE_NOTE_LAST_WORD} in it.`);
  const frontmatter = [
    '---',
    `id: ${LARGE_NOTE_ID}`,
    'title: "A very large note"',
    'question: "What does a note of a megabyte look like?"',
    'mode: explain',
    'status: done',
    'repo: { name: big, path: /home/dev/src/big, branch: main, commit: 0123456789abcdef0123456789abcdef01234567, dirty: false }',
    'agent: { id: claude-code, version: "2.1.0", model: claude-sonnet-4-5 }',
    'created: 2026-03-01T10:00:00.000Z',
    'tags: [large]',
    '---',
  ];
  return `${frontmatter.join('\n')}\n${parts.join('\n\n')}\n`;
}
