// The prompt an agent receives, and the title a note gets from the answer.
import { describe, expect, it } from 'vitest';
import { buildPrompt } from '../../electron/core/tasks/prompt';

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
