// The small parts of the tasks engine that decide what a person sees: live output batches, the
// change throttle, transcript appends, which paths count as sources, note titles and bodies, and
// what each agent is said to be allowed to do.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgentEvent } from '../../shared/model/agent-event';
import type { AgentAdapter } from '../../electron/core/agents/agent-adapter';
import { claudeCode } from '../../electron/core/agents/claude-code';
import { codex } from '../../electron/core/agents/codex';
import { createCustomCommand } from '../../electron/core/agents/custom-command';
import { gemini } from '../../electron/core/agents/gemini';
import { describePermissions } from '../../electron/core/tasks/permissions';
import { SourceCollector } from '../../electron/core/tasks/sources';
import { ChangeThrottle, MAX_BATCH_EVENTS, MAX_BATCH_TEXT, OutputBatcher, type OutputBatch } from '../../electron/core/tasks/task-events';
import { MAX_BODY_BYTES, capAnswer, composeBody, safeTitle } from '../../electron/core/tasks/task-note';
import { TranscriptWriter } from '../../electron/core/tasks/transcript-writer';

const text = (value: string): AgentEvent => ({ type: 'text', text: value });
const tool = (name: string, paths: string[]): AgentEvent => ({ type: 'tool_call', name, paths });

describe('live output batches', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('join consecutive text, go out at most every 250 ms, and count what did not fit', () => {
    const sent: OutputBatch[] = [];
    const batcher = new OutputBatcher('T', (batch) => sent.push(batch));
    batcher.push(text('a'));
    batcher.push(text('b'));
    batcher.push(tool('Read', ['x.ts']));
    batcher.push(text('c'));
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(sent).toEqual([{ id: 'T', events: [text('ab'), tool('Read', ['x.ts']), text('c')], dropped: 0 }]);

    for (let i = 0; i < 5000; i++) batcher.push(i % 2 === 0 ? text('y'.repeat(100)) : tool('Grep', []));
    vi.advanceTimersByTime(249);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    const [, flood] = sent;
    expect(flood!.events.length).toBe(MAX_BATCH_EVENTS);
    const chars = flood!.events.reduce((sum, event) => sum + (event.type === 'text' ? event.text.length : 0), 0);
    expect(chars).toBeLessThanOrEqual(MAX_BATCH_TEXT);
    expect(flood!.events.length + flood!.dropped).toBeGreaterThanOrEqual(5000 - MAX_BATCH_TEXT / 100);
    expect(flood!.dropped).toBeGreaterThan(4000);
  });

  it('state changes go out at the next turn, progress at most every 250 ms, each task once', () => {
    const sent: string[][] = [];
    const throttle = new ChangeThrottle((ids) => sent.push(ids));
    throttle.mark('a', false);
    throttle.mark('a', false);
    throttle.mark('b', false);
    vi.advanceTimersByTime(249);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([['a', 'b']]);
    throttle.mark('c', true);
    vi.runOnlyPendingTimers();
    expect(sent).toEqual([['a', 'b'], ['c']]);
  });
});

describe('the transcript writer', () => {
  it('appends one batch at a time and sends what arrived meanwhile in the next one, in order', async () => {
    const appended: AgentEvent[][] = [];
    let release: () => void = () => undefined;
    const writer = new TranscriptWriter(async (events) => {
      appended.push(events);
      await new Promise<void>((resolve) => (release = resolve));
    }, () => undefined);
    writer.push(text('1'));
    for (const value of ['2', '3', '4']) writer.push(text(value));
    expect(appended).toEqual([[text('1')]]);
    release();
    await new Promise((resolve) => setImmediate(resolve));
    expect(appended).toEqual([[text('1')], [text('2'), text('3'), text('4')]]);
    release();
    await writer.flush();
  });

  it('leaves text beyond its limit out, and says how much', async () => {
    const appended: AgentEvent[] = [];
    const writer = new TranscriptWriter(async (events) => void appended.push(...events), () => undefined, 10);
    for (const value of ['12345', '67890', 'abc', 'de']) writer.push(text(value));
    writer.push(tool('Read', ['a.ts']));
    await writer.end();
    expect(appended).toEqual([text('12345'), text('67890'), tool('Read', ['a.ts']),
      { type: 'diagnostic', message: 'The transcript keeps the first 0.0 MB of text; 0.0 MB more were left out.' }]);
  });

  it('keeps going (and says so once) when an append fails', async () => {
    const log: string[] = [];
    let calls = 0;
    const writer = new TranscriptWriter(async () => {
      calls += 1;
      throw new Error('disk full');
    }, (message) => log.push(message));
    writer.push(text('1'));
    await writer.flush();
    writer.push(text('2'));
    await writer.flush();
    expect(calls).toBe(2);
    expect(log).toEqual(['could not append to a transcript: disk full']);
  });
});

describe('sources', () => {
  it('are the files read inside the repo, relative to its root, once each; writes and outside paths do not count', () => {
    const sources = new SourceCollector({ cwd: '/src/ky/packages/core', root: '/src/ky' });
    sources.add(tool('Read', ['lib/index.ts']));
    sources.add(tool('Read', ['/src/ky/packages/core/lib/index.ts']));
    sources.add(tool('shell', ['../../README.md', '/etc/passwd', '../../../other/x.ts']));
    sources.add(tool('Write', ['lib/new.ts']));
    sources.add(tool('Grep', ['.']));
    sources.add({ type: 'text', text: 'lib/mentioned.ts' });
    expect(sources.paths()).toEqual(['packages/core/lib/index.ts', 'README.md', 'packages/core']);
  });

  it('in a scratch checkout, map to the repo, and paths into the user’s own repo count too', () => {
    const sources = new SourceCollector({ cwd: '/data/scratch/T1', root: '/data/scratch/T1', alsoRoot: '/src/ky' });
    sources.add(tool('Read', ['/data/scratch/T1/a.ts', '/src/ky/b.ts', 'c.ts']));
    expect(sources.paths()).toEqual(['a.ts', 'b.ts', 'c.ts']);
    expect(new SourceCollector(null).add(tool('Read', ['a.ts']))).toBe(false);
  });

  it('leave out files whose call came back failed: a Read of a missing file read nothing', () => {
    const sources = new SourceCollector({ cwd: '/src/ky', root: '/src/ky' });
    const call = (id: string, path: string): AgentEvent => ({ type: 'tool_call', id, name: 'Read', paths: [path] });
    const result = (id: string, ok: boolean): AgentEvent => ({ type: 'tool_result', id, ok });
    expect(sources.add(call('1', 'read.ts'))).toBe(false);
    expect(sources.add(result('1', true))).toBe(true);
    sources.add(call('2', 'missing.ts'));
    sources.add(result('2', false));
    sources.add(call('3', 'no-result-yet.ts'));
    expect(sources.paths()).toEqual(['read.ts', 'no-result-yet.ts']);
  });
});

describe('note titles and bodies', () => {
  it('titles are one visible line, never empty', () => {
    expect(safeTitle('How does\nrouting   work?')).toBe('How does routing work?');
    expect(safeTitle('evil\u202Etxt.md')).toBe('eviltxt.md');
    expect(safeTitle('\u200B \t')).toBe('Untitled question');
    expect(safeTitle('x'.repeat(500))).toHaveLength(300);
  });

  it('a huge answer is cut at a line, within the body limit, whole characters only', () => {
    const answer = 'é'.repeat(300_000) + '\n' + 'line\n'.repeat(200_000);
    const capped = capAnswer(answer);
    expect(capped.cut).toBe(true);
    expect(Buffer.byteLength(capped.text)).toBeLessThanOrEqual(MAX_BODY_BYTES);
    expect(capped.text.endsWith('line\n')).toBe(true);
    expect(capped.text).not.toContain('\uFFFD');
    expect(capAnswer('short')).toEqual({ text: 'short', cut: false, bytes: 5 });
  });

  it('remarks follow the answer as a quote', () => {
    expect(composeBody('Answer.\n\n', [])).toBe('Answer.\n');
    expect(composeBody('Answer.', ['One.', 'Two\nlines.'])).toBe('Answer.\n\n> One.\n>\n> Two lines.\n');
    expect(composeBody('', ['Only a remark.'])).toBe('> Only a remark.\n');
  });
});

describe('permissions', () => {
  const dir = '/work/ky';
  const terms = (adapter: AgentAdapter, mode: 'explain' | 'poc', sandboxed = false) => describePermissions({ adapter, sandboxed }, mode, dir);
  it('say plainly, per agent and mode, what the agent may do', () => {
    expect(terms(claudeCode, 'explain'))
      .toBe('Read-only: may read and search files in /work/ky (Read, Grep and Glob only); cannot change anything or run commands.');
    expect(terms(codex, 'poc')).toMatch(/run commands inside the scratch checkout .*Network: none\.$/);
    expect(terms(gemini, 'poc')).toMatch(/cannot run shell commands/);
    expect(terms(claudeCode, 'poc', true)).toMatch(/Commands run in Claude Code's sandbox/);
    expect(terms(claudeCode, 'poc', false)).toMatch(/no command sandbox on this machine/);
    expect(terms(createCustomCommand({ argv: ['llm'] }), 'explain')).toMatch(/^Runs llm in \/work\/ky\. .*cannot limit what a custom command/);
  });
});
