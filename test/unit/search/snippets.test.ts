// Snippets show where the query's words are, as plain text with highlight ranges.
import { describe, expect, it } from 'vitest';
import { Highlighter, noteBody } from '../../../electron/core/search/snippets';
import { noteText } from '../../support/search-notes';

const marked = (snippet: { text: string; highlights: Array<[number, number]> }): string[] =>
  snippet.highlights.map(([from, to]) => snippet.text.slice(from, to));

describe('a snippet', () => {
  it('is the stretch where the query’s words are, cut at word boundaries', () => {
    const body = `${'Unrelated words about the weather. '.repeat(40)}Here the retry budget runs out and the backoff doubles. ${'More filler text. '.repeat(40)}`;
    const snippet = new Highlighter(new Set(['retri', 'backoff']), null, 2).snippet(body);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(marked(snippet)).toEqual(['retry', 'backoff']);
    expect(snippet.text.length).toBeLessThan(240);
    // Whole words at both ends.
    const words = new Set(body.split(/\s+/));
    const shown = snippet.text.slice(1, -1).split(' ');
    expect(words.has(shown[0]!)).toBe(true);
    expect(words.has(shown.at(-1)!)).toBe(true);
  });

  it('prefers the window with the most different words over the first match', () => {
    const body = `A retry happens first. ${'Filler sentence here. '.repeat(20)}Then retry with backoff together.`;
    const snippet = new Highlighter(new Set(['retri', 'backoff']), ['retr', 'backoff'], 2).snippet(body);
    expect(marked(snippet)).toEqual(['retry', 'backoff']);
  });

  it('keeps HTML in a note as text, never markup', () => {
    const body = 'Beware <script>alert("retry")</script> and <img src=x onerror=alert(1)> retry.';
    const snippet = new Highlighter(new Set(['retri']), ['retr']).snippet(body);
    expect(snippet.text).toContain('<script>alert("retry")</script>');
    for (const [from, to] of snippet.highlights) {
      expect(from).toBeGreaterThanOrEqual(0);
      expect(to).toBeLessThanOrEqual(snippet.text.length);
      expect(from).toBeLessThan(to);
    }
    expect(marked(snippet)).toEqual(['retry', 'retry']);
  });

  it('drops Markdown backticks and folds whitespace, keeping the marks on the words', () => {
    const snippet = new Highlighter(new Set(['dispatchrequest']), ['dispatchrequest']).snippet('Call\n\n  `dispatchRequest()`\tnow.');
    expect(snippet.text).toBe('Call dispatchRequest() now.');
    expect(marked(snippet)).toEqual(['dispatchRequest']);
  });

  it('is the opening of the note when the words are only in its title or tags', () => {
    const snippet = new Highlighter(new Set(['zebra']), ['zebra']).snippet('# Heading\n\nThe body starts here.');
    // The opening as a reader sees it: the heading is not prose.
    expect(snippet).toEqual({ text: 'The body starts here.', highlights: [] });
  });

  it('reads as the rendered note: no emphasis marks, a table as cells, identifiers intact', () => {
    const body = 'The **router** reads `tool_result` blocks and some tool_use ids.\n\n| Step | Hook |\n|---|:--:|\n| 1 | `__init__` |\n\n> ## Retry stops at 2 * 3 tries';
    const words = new Set(['router', 'tool_result', 'tool_use', 'hook', 'retri']);
    const snippet = new Highlighter(words, null, 5).snippet(body);
    expect(snippet.text).toBe('The router reads tool_result blocks and some tool_use ids. · Step · Hook · 1 · __init__ · Retry stops at 2 * 3 tries');
    expect(marked(snippet)).toEqual(['router', 'tool_result', 'tool_use', 'Hook', 'Retry']);
  });

  it('keeps underscores of identifiers in code, and drops a fence’s language name', () => {
    const snippet = new Highlighter(new Set(['retri']), null, 1).snippet('Wrapped:\n\n```ts\nconst result = await this._retry(async () => {});\n```\n');
    expect(snippet.text).toBe('Wrapped: const result = await this._retry(async () => {});');
  });

  it('highlights what wildcards and fuzzy words matched', () => {
    const snippet = new Highlighter({ has: (term) => term.startsWith('rout') || term === 'handler' }, null).snippet('The router calls the handler.');
    expect(marked(snippet)).toEqual(['router', 'handler']);
  });
});

describe('the body of a note file', () => {
  it('is what follows the frontmatter', () => {
    expect(noteBody(noteText({ title: 'T', body: 'Body text.' }))).toBe('Body text.\n');
    expect(noteBody('No frontmatter here.')).toBe('No frontmatter here.');
    expect(noteBody('---\nbroken: [\nno end')).toBe('---\nbroken: [\nno end');
  });
});
