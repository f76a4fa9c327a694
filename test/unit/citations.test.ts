// Finding citations in a note's Markdown: what counts, and what a reader would not call one.
import { describe, expect, it } from 'vitest';
import { findCitations } from '../../electron/core/repos/citations';

const texts = (body: string) => findCitations(body).map((citation) => citation.text);

describe('findCitations', () => {
  it('finds path:line, path:line-line, path#L10-L20 and bare paths, in text, code spans, lists and tables', () => {
    const body = 'In `src/a.ts:10` and src/b.ts:3-4, see src/c.ts#L1-L2.\n\n- lib/d.ts\n\n| where | what |\n|---|---|\n| `e.py:7` | x |\n';
    expect(findCitations(body)).toEqual([
      { text: 'src/a.ts:10', path: 'src/a.ts', lines: { start: 10, end: 10 }, bare: false },
      { text: 'src/b.ts:3-4', path: 'src/b.ts', lines: { start: 3, end: 4 }, bare: false },
      { text: 'src/c.ts#L1-L2', path: 'src/c.ts', lines: { start: 1, end: 2 }, bare: false },
      { text: 'lib/d.ts', path: 'lib/d.ts', bare: true },
      { text: 'e.py:7', path: 'e.py', lines: { start: 7, end: 7 }, bare: false },
    ]);
  });

  it('takes Markdown links to repo files, not links to the web, mail or anchors', () => {
    expect(texts('[router](./src/router.ts#L5-L8), [site](https://example.com/a.ts), [me](mailto:a@b.c), [top](#top), [doc](docs/guide.md)')).toEqual([
      'src/router.ts#L5-L8',
      'docs/guide.md',
    ]);
  });

  it('leaves fenced and indented code alone', () => {
    expect(texts('```ts\n// src/a.ts:1\n```\n\n    src/b.ts:2\n\nOnly src/c.ts:3.\n')).toEqual(['src/c.ts:3']);
  });

  it('does not take numbers, versions, times, sentence ends or URLs for files', () => {
    const found = findCitations('Version v1.2.3 at 12:30, 1.5 times faster, e.g. this. See http://example.com/x.ts:3 and www.example.com.');
    // "e.g" is only a bare name: the check keeps it only if the repo has a file of that name.
    expect(found).toEqual([{ text: 'e.g', path: 'e.g', bare: true }]);
  });

  it('counts the same citation once', () => {
    expect(texts('src/a.ts:1 and again `src/a.ts:1`')).toEqual(['src/a.ts:1']);
  });
});
