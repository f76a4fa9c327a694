// File names for notes: readable, unique, and valid on Linux, macOS and Windows.
import { describe, expect, it } from 'vitest';
import { notePath, safeSegment, slugify, utf8Length } from '../../shared/model/note-path';
import { checkRelativePath } from '../../electron/core/notebook/safe-path';

describe('note file names', () => {
  it('are <repo>/<date>-<slug>.md, numbered when taken', () => {
    expect(notePath({ repo: 'ky', created: '2026-11-28T22:00:00.000Z', title: 'How does request routing work?' })).toBe(
      'ky/2026-11-28-how-does-request-routing-work.md',
    );
    expect(notePath({ repo: 'ky', created: '2026-11-28T22:00:00.000Z', title: 'Routing', attempt: 3 })).toBe('ky/2026-11-28-routing-3.md');
    expect(notePath({ created: '2026-11-28T22:00:00.000Z', title: 'No repo' })).toBe('notes/2026-11-28-no-repo.md');
  });

  it('fold accents, keep other scripts, and fall back to "note"', () => {
    expect(slugify('Ünïcödé Çafé')).toBe('unicode-cafe');
    expect(slugify('ルーティングの仕組み')).toBe('ルーティングの仕組み');
    expect(slugify('🚀 !!! ???')).toBe('note');
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
  });

  it('stay within a bounded length, in bytes, cut at a word boundary', () => {
    const slug = slugify('word '.repeat(200));
    expect(utf8Length(slug)).toBeLessThanOrEqual(96);
    expect(slug.endsWith('-')).toBe(false);
    expect(utf8Length(slugify('長'.repeat(500)))).toBeLessThanOrEqual(96);
    const path = notePath({ repo: 'r'.repeat(300), created: '2026-11-28T00:00:00Z', title: 'x'.repeat(1000), attempt: 999 });
    for (const segment of path.split('/')) expect(utf8Length(segment)).toBeLessThan(255);
  });

  it.each([
    ['CON', 'CON_'],
    ['aux.txt', 'aux_.txt'],
    ['com1', 'com1_'],
    ['repo: <name>?', 'repo- -name--'],
    ['..', 'notes'],
    ['trailing dots...', 'trailing dots'],
    ['a/b\\c', 'a-b-c'],
    ['next.js', 'next.js'],
  ])('make %j a safe folder name (%j)', (name, safe) => {
    expect(safeSegment(name, 'notes')).toBe(safe);
    expect(() => checkRelativePath(safeSegment(name, 'notes'))).not.toThrow();
  });
});
