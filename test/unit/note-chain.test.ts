import { describe, expect, it } from 'vitest';
import { newestFirstInChains, successorsOf } from '../../shared/model/note-chain';

const links = (pairs: Record<string, string>) => (id: string) => pairs[id];

describe('chains of refreshes', () => {
  it('follows superseded_by to the newest note, and stops at a loop', () => {
    expect(successorsOf('a', links({ a: 'b', b: 'c' }))).toEqual(['b', 'c']);
    expect(successorsOf('a', links({ a: 'b', b: 'a' }))).toEqual(['b']);
    expect(successorsOf('x', links({}))).toEqual([]);
  });

  it('puts the notes of a chain together, newest first, where the best ranked of them was', () => {
    const hits = ['a', 'x', 'c', 'b', 'y'].map((id) => ({ id }));
    const ranked = newestFirstInChains(hits, links({ a: 'b', b: 'c' }));
    expect(ranked.map((hit) => hit.id)).toEqual(['c', 'b', 'a', 'x', 'y']);
  });

  it('keeps a superseded note whose successor did not match, in its place', () => {
    const ranked = newestFirstInChains([{ id: 'x' }, { id: 'a' }, { id: 'y' }], links({ a: 'b' }));
    expect(ranked.map((hit) => hit.id)).toEqual(['x', 'a', 'y']);
  });
});
