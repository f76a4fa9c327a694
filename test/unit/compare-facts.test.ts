// What the Compare view derives from sibling notes: one order for the group, whichever note it was
// opened from, and which files only one agent read.
import { describe, expect, it } from 'vitest';
import type { Note } from '../../shared/model/note';
import { filesReadByAll, filesReadByEach, siblingGroup } from '../../renderer/src/features/compare/compare-facts';

function note(id: string, siblings: string[], sources: string[]): Note {
  return {
    summary: { id, path: `r/${id}.md`, title: id, mode: 'explain', status: 'done', created: '2026-12-01T00:00:00.000Z', tags: [], excerpt: '' },
    frontmatter: { id, title: id, mode: 'explain', status: 'done', created: '2026-12-01T00:00:00.000Z', sources: sources.map((path) => ({ path })), tags: [], siblings },
    body: '',
  } as Note;
}

const A = '01JE0000000000000000000001';
const B = '01JE0000000000000000000002';
const C = '01JE0000000000000000000003';

describe('sibling notes compared', () => {
  it('form one group in time order, from whichever of them it is opened', () => {
    expect(siblingGroup(note(C, [A, B], []))).toEqual([A, B, C]);
    expect(siblingGroup(note(A, [C, B, C], []))).toEqual([A, B, C]);
  });

  it('mark the files only one agent read, once each, in the order read', () => {
    const notes = [note(A, [B, C], ['src/a.ts', 'src/b.ts', 'src/a.ts']), note(B, [A, C], ['src/a.ts', 'src/c.ts']), note(C, [A, B], ['src/a.ts', 'src/b.ts'])];
    expect(filesReadByEach(notes)).toEqual([
      [{ path: 'src/a.ts', onlyHere: false }, { path: 'src/b.ts', onlyHere: false }],
      [{ path: 'src/a.ts', onlyHere: false }, { path: 'src/c.ts', onlyHere: true }],
      [{ path: 'src/a.ts', onlyHere: false }, { path: 'src/b.ts', onlyHere: false }],
    ]);
    expect(filesReadByAll(notes)).toBe(1);
  });

  it('mark nothing when only one of them is left', () => {
    expect(filesReadByEach([note(A, [B], ['src/a.ts'])])).toEqual([[{ path: 'src/a.ts', onlyHere: false }]]);
    expect(filesReadByAll([note(A, [B], ['src/a.ts'])])).toBe(0);
  });
});
