// The merge of one note changed on two machines: frontmatter by key, bodies kept both when they clash.
import { describe, expect, it } from 'vitest';
import { resolveConflictBody, splitConflict } from '../../../shared/model/note-conflict';
import { mergeNote } from '../../../electron/core/sync/note-merge';
import { splitNote } from '../../../electron/core/notebook/note-format';
import { noteText } from '../../support/teammates';

const id = '01JDZ8Q6X7M3N4P5R6S7T8V9W0';
const base = noteText({ id, title: 'Routing', status: 'running', tags: ['http', 'old'] }, 'Line one.\n\nLine two.\n');

describe('merging a note changed on both sides', () => {
  it('joins tags as a set, takes the newer status, and merges edits to different lines', async () => {
    const mine = noteText({ id, title: 'Routing', status: 'failed', tags: ['http', 'mine'] }, 'Line one, mine.\n\nLine two.\n');
    const theirs = noteText({ id, title: 'Routing', status: 'done', tags: ['http', 'old', 'theirs'] }, 'Line one.\n\nLine two, theirs.\n');
    const merged = await mergeNote({ base, mine, theirs, mineTime: 1000, theirsTime: 2000, theirsCommit: 'abc1234' });
    expect(merged.conflict).toBe(false);
    const split = splitNote(merged.text);
    expect(split.data.tags).toEqual(['http', 'mine', 'theirs']);
    expect(split.data.status).toBe('done');
    expect(split.body).toBe('Line one, mine.\n\nLine two, theirs.\n');
  });

  it('keeps both bodies when the same lines changed, and each choice gives back what it says', async () => {
    const mine = noteText({ id, title: 'Routing', tags: ['http', 'old'] }, 'Line one MINE.\n\nLine two.\n');
    const theirs = noteText({ id, title: 'Routing', tags: ['http', 'old'] }, 'Line one THEIRS ~~~~~ tildes.\n\nLine two.\n');
    const merged = await mergeNote({ base, mine, theirs, mineTime: 2000, theirsTime: 1000, theirsCommit: 'abc1234def' });
    expect(merged.conflict).toBe(true);
    expect(merged.text).not.toMatch(/^(<<<<<<<|=======|>>>>>>>)/m);
    const split = splitNote(merged.text);
    expect(split.data.conflict).toMatchObject({ theirs: 'abc1234def' });
    expect(splitConflict(split.body)).toEqual({ mine: 'Line one MINE.\n\nLine two.\n', theirs: 'Line one THEIRS ~~~~~ tildes.\n\nLine two.\n' });
    expect(resolveConflictBody(split.body, 'mine')).toBe('Line one MINE.\n\nLine two.\n');
    expect(resolveConflictBody(split.body, 'theirs')).toBe('Line one THEIRS ~~~~~ tildes.\n\nLine two.\n');
    expect(resolveConflictBody(split.body, 'both')).toContain('MINE');
    expect(resolveConflictBody(split.body, 'both')).toContain('THEIRS');
  });
});
