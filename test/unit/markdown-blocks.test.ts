// A long note is rendered a piece at a time: each piece renders as it does inside the whole note,
// whatever the note holds (code with blank lines, loose lists, raw HTML, link definitions).
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { splitMarkdown } from '../../renderer/src/features/notes/markdown-blocks';
import { syntheticNote } from '../bench/synthetic-notebook';
import { largeNoteText } from '../support/large-note';

const marked = new Marked({ gfm: true });
const render = (source: string): string => marked.parse(source, { async: false });
/** Whitespace between elements is not rendered. */
const tidy = (html: string): string => html.replace(/>\s+</g, '><').trim();

function renderedInPieces(source: string, size: number): string {
  const { pieces, definitions } = splitMarkdown(source, size);
  expect(pieces.join('')).toBe(source);
  return pieces.map((piece) => render(definitions ? `${piece}\n\n${definitions}\n` : piece)).join('');
}

const TRICKY = [
  'Intro paragraph.\n\n```ts\nconst a = 1;\n\n\nconst b = 2;\n```\n\nAfter the code.\n',
  '~~~~\ncode\n\n```\nstill code\n\n~~~~\n\nOut.\n',
  '- one\n\n- two\n\n- three\n\nParagraph.\n\n1. first\n\n2. second\n',
  '- item\n\n  continued in the item\n\n      indented code in the item\n\nDone.\n',
  '<!--\nA comment\n\nwith a blank line\n-->\n\nVisible.\n',
  '<pre>\nkept\n\nas is\n</pre>\n\nAfter.\n',
  'See [the docs][docs] and [more][m].\n\nA paragraph.\n\nAnother one.\n\n[docs]: https://example.com/docs "Docs"\n[m]: https://example.com/more\n',
  '    indented code\n\n    more indented code\n\nText.\n',
  '> a quote\n\n> another quote\n\n# Heading\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nEnd.\n',
  '```\nunclosed fence\n\nto the end\n',
];

describe('splitMarkdown', () => {
  it.each(TRICKY.map((source, index) => [index, source]))('renders tricky note %i in pieces as it does whole', (_, source) => {
    expect(tidy(renderedInPieces(source, 1))).toBe(tidy(render(source)));
  });

  it('renders agent-style notes in pieces as they render whole', () => {
    for (let index = 0; index < 40; index++) {
      const text = syntheticNote(index).text;
      const body = text.slice(text.indexOf('\n---\n', 4) + 5);
      expect(tidy(renderedInPieces(body, 300))).toBe(tidy(render(body)));
    }
  });

  it('cuts a 1 MB note into many small pieces, none much larger than asked', () => {
    const source = largeNoteText();
    const { pieces } = splitMarkdown(source, 2_000);
    expect(pieces.join('')).toBe(source);
    expect(pieces.length).toBeGreaterThan(200);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(10_000);
  });

  it('keeps a note without a safe place to cut in one piece', () => {
    expect(splitMarkdown('', 10).pieces).toEqual(['']);
    expect(splitMarkdown('- a\n\n- b\n\n- c\n', 1).pieces).toEqual(['- a\n\n- b\n\n- c\n']);
  });
});
