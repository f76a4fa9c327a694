// A task note's title: the question, unless the answer opens with a real title; never the same
// title twice in one codebase.
import { describe, expect, it } from 'vitest';
import type { NoteSummary } from '../../shared/model/note';
import { distinctTitle, questionTitle, titleNote } from '../../electron/core/tasks/note-title';

const QUESTION = 'How does request routing work in the router?';

describe('titleNote', () => {
  it.each([
    ['Request routing in ky\n\nIt starts in `Ky.ts:1`.', 'Request routing in ky', 'It starts in `Ky.ts:1`.'],
    ['# Request routing in ky\nBody', 'Request routing in ky', 'Body'],
    ['Title: Request routing\n\nBody', 'Request routing', 'Body'],
    ['**Request routing**\nBody', 'Request routing', 'Body'],
    ['\n\n  How retries work  \nBody', 'How retries work', 'Body'],
    ['## How `beforeRequest` hooks run\n\nBody', 'How beforeRequest hooks run', 'Body'],
  ])('takes a real title from the first line of %j', (answer, title, body) => {
    expect(titleNote(answer, QUESTION)).toEqual({ title, body });
  });

  it.each([
    ['## Answer\n\nThe router is in `src/router.ts`.'],
    ['# Summary\nBody'],
    ['**TL;DR**\nBody'],
    ['### Findings:\nBody'],
    ['Overview\n\nBody'],
    ['The router lives in `src/router.ts` and dispatches on the method.\n\nMore.'],
    ['Let me look at the router source.\n\n## Answer\n\nBody'],
    ['The `tool_result` events are matched to their calls by `tool_use_id`, which the adapter keeps for every call it reports.'],
    ['```ts\ncode\n```'],
    ['- a list item first\n- second'],
    [''],
  ])('titles the note with the question when the first line is no title: %j', (answer) => {
    expect(titleNote(answer, QUESTION)).toEqual({ title: QUESTION, body: answer });
  });

  it('never takes a title from the text of a task that did not succeed', () => {
    expect(titleNote('Request routing in ky\n\nBody', QUESTION, false)).toEqual({ title: QUESTION, body: 'Request routing in ky\n\nBody' });
  });
});

describe('questionTitle', () => {
  it('is the first line of the question without Markdown, cut at a word', () => {
    expect(questionTitle('  Why does `parseArgs` drop **flags**?\n\nMore detail here.')).toBe('Why does parseArgs drop flags?');
    const long = questionTitle('A very long question that goes on and on about the routing layer and its many subtle interactions with hooks');
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toMatch(/ \S+…$/);
  });

  it('keeps identifiers whole', () => {
    expect(questionTitle('What emits tool_result and my_var__x?')).toBe('What emits tool_result and my_var__x?');
  });
});

describe('distinctTitle', () => {
  const note = (id: string, title: string, repo?: string): NoteSummary => ({
    id, title, path: `${id}.md`, mode: 'explain', status: 'done', created: '2026-12-04T10:00:00.000Z', tags: [], excerpt: '', ...(repo ? { repo } : {}),
  });

  it('numbers a title another note of the same codebase has, and only there', () => {
    const notes = [note('a', 'How does routing work?', 'ky'), note('b', 'How does routing work? (2)', 'ky'), note('c', 'How does routing work?', 'got'), note('new', '', 'ky')];
    expect(distinctTitle('How does routing work?', notes, 'new')).toBe('How does routing work? (3)');
    expect(distinctTitle('how does ROUTING work?', notes, 'new')).toBe('how does ROUTING work? (3)');
    expect(distinctTitle('Where are retries?', notes, 'new')).toBe('Where are retries?');
    expect(distinctTitle('How does routing work?', notes, 'c')).toBe('How does routing work?');
  });
});
