import { describe, expect, it } from 'vitest';
import { diffCounts, diffLines, foldUnchanged } from '../../shared/model/line-diff';

describe('line diff of two answers', () => {
  it('keeps common lines and says which were removed and added', () => {
    const lines = diffLines('a\nb\nc\nd\n', 'a\nc\nx\nd\n');
    expect(lines).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'same', text: 'c' },
      { kind: 'added', text: 'x' },
      { kind: 'same', text: 'd' },
    ]);
    expect(diffCounts(lines)).toEqual({ added: 1, removed: 1 });
  });

  it('compares empty texts and CRLF line ends', () => {
    expect(diffLines('', '')).toEqual([]);
    expect(diffLines('', 'new\n')).toEqual([{ kind: 'added', text: 'new' }]);
    expect(diffLines('x\r\ny\r\n', 'x\ny\n').every((line) => line.kind === 'same')).toBe(true);
  });

  it('folds long unchanged runs, keeping a few lines around each change', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n');
    const after = before.replace('line 10', 'line ten');
    const pieces = foldUnchanged(diffLines(before, after), 2);
    expect(pieces[0]).toEqual({ kind: 'fold', count: 8 });
    expect(pieces.filter((piece) => piece.kind !== 'fold').map((piece) => ('text' in piece ? piece.text : ''))).toEqual([
      'line 8', 'line 9', 'line 10', 'line ten', 'line 11', 'line 12',
    ]);
    expect(pieces.at(-1)).toEqual({ kind: 'fold', count: 7 });
  });
});
