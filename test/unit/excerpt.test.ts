// A note's preview in lists is its opening as a reader of the rendered note sees it.
import { describe, expect, it } from 'vitest';
import { excerptOf } from '../../electron/core/notebook/excerpt';

describe('a note’s excerpt', () => {
  it('drops emphasis, headings, tables and code blocks, and keeps identifiers as written', () => {
    const body = [
      '## Answer',
      '',
      'The **router** reads `tool_result` blocks and tool_use ids; see `__init__.py` and _this_.',
      '',
      '| Step | Hook |',
      '|---|:--:|',
      '| 1 | resolveId |',
      '',
      '```ts',
      'const a_b = 1;',
      '```',
      '',
      '- item *one*',
      '- item [two](https://example.com)',
      '> quoted ~~not~~',
    ].join('\n');
    expect(excerptOf(body)).toBe('The router reads tool_result blocks and tool_use ids; see __init__.py and this. item one item two quoted not');
  });

  it('is cut at 240 characters with an ellipsis', () => {
    const excerpt = excerptOf('word '.repeat(100));
    expect(excerpt.length).toBe(240);
    expect(excerpt.endsWith('…')).toBe(true);
  });
});
