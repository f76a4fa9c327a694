// The prompt an agent receives, and the title a note gets from the answer.
import { describe, expect, it } from 'vitest';
import { buildPrompt, titleFromAnswer } from '../../electron/core/tasks/prompt';

describe('buildPrompt', () => {
  it('asks the question with instructions for a good note', () => {
    const prompt = buildPrompt({ question: '  How does routing work?  ', mode: 'explain' });
    expect(prompt).toContain('do not change any file');
    expect(prompt).toContain('First line: a short title');
    expect(prompt).toContain('`path:line`');
    expect(prompt.trimEnd().endsWith('Question:\nHow does routing work?')).toBe(true);
    expect(prompt).not.toContain('<documents>');
  });

  it('lets a poc task edit and run code', () => {
    expect(buildPrompt({ question: 'Can zod parse this?', mode: 'poc' })).toContain('a scratch copy of the codebase: you may edit files and run code');
    expect(buildPrompt({ question: 'Sketch a parser', mode: 'poc', codebase: false })).toContain('an empty scratch git repository: you may edit');
  });

  it('attaches context notes as an xml bundle before the question', () => {
    const prompt = buildPrompt({
      question: 'And the retries?',
      mode: 'explain',
      context: [{ title: 'Routing', path: 'ky/routing.md', created: '2026-11-28T00:00:00Z', status: 'done', body: 'Routing goes through Ky.' }],
    });
    expect(prompt).toContain('<document index="1">');
    expect(prompt).toContain('Routing goes through Ky.');
    expect(prompt.indexOf('</documents>')).toBeLessThan(prompt.indexOf('Question:'));
  });
});

describe('titleFromAnswer', () => {
  it.each([
    ['Request routing in ky\n\nIt starts in `Ky.ts:1`.', 'Request routing in ky', 'It starts in `Ky.ts:1`.'],
    ['# Request routing in ky\nBody', 'Request routing in ky', 'Body'],
    ['Title: Request routing\n\nBody', 'Request routing', 'Body'],
    ['**Request routing**\nBody', 'Request routing', 'Body'],
    ['\n\n  How retries work  \nBody', 'How retries work', 'Body'],
  ])('takes the first line of %j as the title', (answer, title, body) => {
    expect(titleFromAnswer(answer, 'the question?')).toEqual({ title, body });
  });

  it.each([
    ['```ts\ncode\n```'],
    ['- a list item first\n- second'],
    [''],
    ['x'.repeat(300) + '\nrest'],
  ])('falls back to the question when the first line is no title: %j', (answer) => {
    expect(titleFromAnswer(answer, 'How does routing work?')).toEqual({ title: 'How does routing work?', body: answer });
  });

  it('keeps titles to a bounded length, at a word boundary', () => {
    const long = 'A very long question that goes on and on about the routing layer and its many subtle interactions with hooks';
    const { title } = titleFromAnswer('', long + ' and retries and timeouts and more');
    expect(title.length).toBeLessThanOrEqual(120);
    expect(title.endsWith('…')).toBe(true);
  });
});
