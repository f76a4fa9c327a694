// Text before a tool call and text after it stay apart, a blank line between them.
import { describe, expect, it } from 'vitest';
import type { AgentEvent } from '../../shared/model/agent-event';
import { TextJoiner } from '../../shared/model/text-blocks';
import { NO_OUTPUT, appendEvents, viewOf } from '../../renderer/src/features/tasks/live-output';

const call: AgentEvent = { type: 'tool_call', name: 'Read', paths: ['src/router.ts'] };
const done: AgentEvent = { type: 'tool_result', ok: true };

function joined(events: AgentEvent[]): string {
  const joiner = new TextJoiner();
  return events.map((event) => joiner.add(event)).join('');
}

describe('TextJoiner', () => {
  it('sets the text after a tool call apart from the text before it', () => {
    expect(joined([{ type: 'text', text: 'Let me look at the router source.' }, call, done, { type: 'text', text: '## Answer\n\nIt routes.' }]))
      .toBe('Let me look at the router source.\n\n## Answer\n\nIt routes.');
  });

  it('joins streamed pieces of one block as they are, and adds no more newlines than a blank line', () => {
    expect(joined([{ type: 'text', text: 'It rou' }, { type: 'text', text: 'tes.' }])).toBe('It routes.');
    expect(joined([{ type: 'text', text: 'First.\n' }, call, { type: 'text', text: '\nSecond.' }])).toBe('First.\n\nSecond.');
    expect(joined([{ type: 'text', text: 'First.\n\n' }, call, { type: 'text', text: 'Second.' }])).toBe('First.\n\nSecond.');
    expect(joined([call, { type: 'text', text: 'Only.' }])).toBe('Only.');
  });

  it('gives the live view the same answer', () => {
    const output = appendEvents(NO_OUTPUT, [{ type: 'text', text: 'Looking.' }, call, done, { type: 'text', text: '## Answer' }]);
    expect(viewOf(output).text).toBe('Looking.\n\n## Answer');
  });
});
