import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../shared/contract/search';
import { pastNotesAmong, questionWords } from '../../renderer/src/features/ask/past-notes';

const hit = (id: string, title: string, extra: Partial<SearchHit> = {}): SearchHit => ({
  id, path: `ky/${id}.md`, title, titleHighlights: [[0, 5], [6, 13]], score: 1, snippet: null, mode: 'explain', status: 'done',
  created: '2026-11-28T00:00:00.000Z', tags: [], ...extra,
});

describe('You asked this before', () => {
  it('shows the newest answer of a chain of refreshes, not the notes it superseded', () => {
    const words = questionWords('retry backoff');
    const hits = [hit('new', 'retry backoff'), hit('old', 'retry backoff', { supersededBy: 'new' }), hit('other', 'retry backoff')];
    expect(pastNotesAmong(hits, words).map((note) => note.id)).toEqual(['new', 'other']);
  });

  it('still shows a superseded note whose newer answer does not match the question', () => {
    const words = questionWords('retry backoff');
    expect(pastNotesAmong([hit('old', 'retry backoff', { supersededBy: 'gone' })], words).map((note) => note.id)).toEqual(['old']);
  });
});
