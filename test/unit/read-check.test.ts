// When a task's note must say that the agent could not read the code, and with which error.
import { describe, expect, it } from 'vitest';
import type { AgentEvent } from '../../shared/model/agent-event';
import { ReadCheck } from '../../electron/core/tasks/read-check';

const roots = { cwd: '/work/repo', root: '/work/repo' };

function check(mode: 'explain' | 'poc', events: AgentEvent[], options: { sandbox?: string; reportsToolCalls?: boolean } = {}) {
  const readCheck = new ReadCheck(roots, mode);
  for (const event of events) readCheck.add(event);
  return readCheck.warning({ sandbox: options.sandbox, reportsToolCalls: options.reportsToolCalls ?? true });
}

const call = (id: string | undefined, paths: string[]): AgentEvent => ({ type: 'tool_call', ...(id ? { id } : {}), name: 'shell', paths });
const result = (id: string | undefined, ok: boolean, summary?: string): AgentEvent => ({ type: 'tool_result', ...(id ? { id } : {}), ok, ...(summary ? { summary } : {}) });

describe('ReadCheck', () => {
  it('says nothing once a call that named a file of the codebase succeeded', () => {
    expect(check('explain', [call('1', ['missing.md']), result('1', false, 'cat: missing.md: No such file'), call('2', ['src/a.ts']), result('2', true)])).toBeUndefined();
  });

  it('names the first error when every call failed, in either mode', () => {
    const events = [call('1', ['a.md']), result('1', false, 'first\nmore'), call('2', ['b.md']), result('2', false, 'second')];
    expect(check('explain', events)).toBe('The agent could not read the code: first more');
    expect(check('poc', events)).toBe('The agent could not read the code: first more');
  });

  it('pairs results without ids with their calls in order', () => {
    expect(check('explain', [call(undefined, ['src/a.ts']), call(undefined, ['x']), result(undefined, true), result(undefined, false, 'no')])).toBeUndefined();
  });

  it('warns an explain task that read only files outside the codebase, with the first error', () => {
    expect(check('explain', [call('1', ['/etc/hosts']), result('1', true), call('2', ['a.md']), result('2', false, 'denied')]))
      .toBe('The agent could not read the code: denied');
  });

  it('a search over the whole codebase counts as reading it', () => {
    expect(check('explain', [call('1', []), result('1', true)])).toBeUndefined();
    expect(check('explain', [call('1', ['.']), result('1', true)])).toBeUndefined();
    expect(check('explain', [call('1', ['/work/repo']), result('1', true)])).toBeUndefined();
  });

  it('a poc that wrote and ran its own files is not warned', () => {
    expect(check('poc', [call('1', ['poc.mjs']), result('1', true)])).toBeUndefined();
  });

  it('adds the sandbox’s fix to the first error, or says it alone', () => {
    expect(check('explain', [call('1', []), result('1', false, 'bwrap: oops')], { sandbox: 'Fix it so.' })).toBe('The agent could not read the code: bwrap: oops — Fix it so.');
    expect(check('explain', [], { sandbox: 'Fix it so.' })).toBe('The agent could not read the code: Fix it so.');
  });

  it('says nothing of an agent whose output never names its tool calls', () => {
    expect(check('explain', [], { reportsToolCalls: false })).toBeUndefined();
  });
});
