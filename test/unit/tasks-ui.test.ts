// The pure parts of the tasks UI: what a window keeps of an agent's live output (bounded, however
// much it prints), what a draft question becomes, how a custom command line is read and written,
// how a task's state reads — and the engine's cut of a task's history for tasks.get.
import { describe, expect, it } from 'vitest';
import type { AgentEvent } from '../../shared/model/agent-event';
import type { Task } from '../../shared/model/task';
import { latestEvents } from '../../shared/model/event-tail';
import { planQuestion } from '../../renderer/src/features/ask/plan-question';
import { formatCommandLine, parseCommandLine } from '../../renderer/src/features/settings/command-line';
import { MAX_EVENTS, NO_OUTPUT, TAIL_CHARS, appendEvents, mergeHistory, viewOf } from '../../renderer/src/features/tasks/live-output';
import { elapsedLine, ordinal, statusLine } from '../../renderer/src/features/tasks/task-format';
import { keepLatest, latestOf } from '../../renderer/src/features/tasks/task-order';

const text = (value: string, t?: number): AgentEvent => ({ type: 'text', text: value, ...(t === undefined ? {} : { t }) });
const read = (path: string, t?: number): AgentEvent => ({ type: 'tool_call', name: 'Read', paths: [path], ...(t === undefined ? {} : { t }) });

describe('live output in the window', () => {
  it('keeps the end of a flood of text and the latest other events, within fixed bounds', () => {
    let output = NO_OUTPUT;
    for (let batch = 0; batch < 400; batch++) {
      output = appendEvents(output, [text(`line ${batch} ${'z'.repeat(10_000)}\n`), read(`src/${batch}.ts`)], 3);
    }
    const view = viewOf(output);
    // The text kept is TAIL_CHARS; a blank line sets apart each block after a tool call.
    expect(view.text.replaceAll('\n\n', '\n').length).toBe(TAIL_CHARS);
    expect(view.text).toMatch(/line 398 z+\n\nline 399 z{10000}\n$/);
    expect(view.text).not.toContain('line 396');
    expect(view.textCut).toBe(true);
    expect(view.activity).toHaveLength(MAX_EVENTS);
    expect(view.filesRead.at(-1)).toBe('src/399.ts');
    expect(output.dropped).toBeGreaterThan(400 * 3);
  });

  it('shows a task’s recorded history, then only the live events that came after it', () => {
    const live = appendEvents(NO_OUTPUT, [text('b', 20), read('x.ts', 30), text('c', 40)]);
    const merged = mergeHistory([text('a', 10), text('b', 20)], live);
    expect(viewOf(merged).text).toBe('ab\n\nc');
    expect(viewOf(merged).filesRead).toEqual(['x.ts']);
  });
});

describe('the engine’s history for a window', () => {
  it('keeps the last events, and of their text only the end', () => {
    const events = [text('a'.repeat(100)), read('x.ts'), text('b'.repeat(100)), { type: 'exit', code: 0, signal: null } as AgentEvent];
    expect(latestEvents(events, { maxEvents: 10, maxTextChars: 150 })).toEqual({ events: [text('a'.repeat(50)), read('x.ts'), text('b'.repeat(100)), events[3]], cut: true });
    expect(latestEvents(events, { maxEvents: 2 })).toEqual({ events: events.slice(2), cut: true });
    expect(latestEvents(events, { maxEvents: 10 })).toEqual({ events, cut: false });
  });
});

describe('a draft question', () => {
  const facts = { resume: false, modes: { explain: { permissions: '' }, poc: { permissions: '' } } };
  const agents = [
    { id: 'claude-code', label: 'Claude Code', available: false, ...facts },
    { id: 'codex', label: 'Codex CLI', available: true, ...facts },
    { id: 'custom', label: 'Fake', available: true, ...facts },
  ];
  const settings = { concurrency: 3, idleTimeoutSec: 300, wallTimeoutSec: 1800, agentPaths: {}, customCommand: null, defaultAgents: ['claude-code', 'custom'], consultNotebook: true, askResearch: false };
  const recent = [{ name: 'ky', path: '/src/ky', isGit: true }];
  const draft = { question: 'How?', mode: 'explain' as const, context: [] };

  it('goes to the default agents that are installed, about the most recent codebase', () => {
    expect(planQuestion(draft, { agents, settings, recent })).toMatchObject({ agents: ['custom'], repoPath: '/src/ky', mode: 'explain', problem: null });
  });

  it('without a codebase is a PoC; without a question or an agent it says what is missing', () => {
    expect(planQuestion({ ...draft, repoPath: null }, { agents, settings, recent })).toMatchObject({ repoPath: null, mode: 'poc', problem: null });
    expect(planQuestion({ ...draft, question: ' ' }, { agents, settings, recent }).problem).toBe('Write a question first.');
    expect(planQuestion({ ...draft, agents: [] }, { agents, settings, recent }).problem).toBe('Choose at least one agent.');
    expect(planQuestion(draft, { agents: agents.slice(0, 1), settings, recent }).problem).toBe('No agent is installed.');
    expect(planQuestion(draft, { agents, settings, recent: [] }).problem).toMatch(/^Choose a codebase/);
    expect(planQuestion(draft, { agents: undefined, settings, recent })).toMatchObject({ loading: true, problem: null });
  });
});

describe('a custom command line', () => {
  it('reads quotes and escapes, and writes an argv back the same way', () => {
    const argv = ['llm', '-m', 'gpt 4o', "it's", '--system=be brief'];
    const line = formatCommandLine(argv);
    expect(line).toBe(`llm -m 'gpt 4o' 'it'\\''s' '--system=be brief'`);
    expect(parseCommandLine(line)).toEqual({ argv });
    expect(parseCommandLine('node "/opt/my agent.mjs" a\\ b')).toEqual({ argv: ['node', '/opt/my agent.mjs', 'a b'] });
    expect(parseCommandLine('llm "unclosed')).toEqual({ error: 'A double quote is not closed.' });
  });
});

describe('a task’s state in words', () => {
  const task = (patch: Partial<Task>): Task => ({
    id: '01JDZ8Q6X7M3N4P5R6S7T8V9W0', question: 'q', title: 't', mode: 'explain', agent: 'custom', repo: null, status: 'running',
    created: '2026-01-01T00:00:00.000Z', started: '2026-01-01T00:00:00.000Z', permissions: '', siblings: [], context: [],
    progress: { filesRead: 0, toolCalls: 0, textChars: 0 }, ...patch,
  });
  const at = (seconds: number) => Date.parse('2026-01-01T00:00:00.000Z') + seconds * 1000;

  it('ticks while running, counts places in line, and says how it ended', () => {
    expect(statusLine(task({}), at(72.4))).toBe('Running · 1 min 12 s');
    expect(elapsedLine(task({}), at(5))).toBe('for 5 s');
    expect(statusLine(task({ status: 'queued', started: undefined, position: 2 }), at(5))).toBe('Queued · 2nd in line');
    expect(statusLine(task({ status: 'failed', finished: '2026-01-01T00:00:12.000Z' }), at(99))).toBe('Failed after 12 s');
    expect(statusLine(task({ status: 'cancelled', started: undefined, finished: '2026-01-01T00:00:01.000Z' }), at(99))).toBe('Cancelled before it started');
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st']);
  });

  it('never goes back: a list fetched before a task ended cannot undo the push that said it ended', () => {
    const ended = task({ status: 'cancelled', finished: '2026-01-01T00:00:03.000Z' });
    const stale = task({ progress: { filesRead: 0, toolCalls: 0, textChars: 13 } });
    const other = task({ id: '01JDX2M4K8N1P3Q5R7S9T2V4W6', status: 'queued', position: 1 });
    expect(keepLatest([ended], [stale, other])).toEqual([ended, other]);
    expect(latestOf(task({ status: 'queued', position: 1 }), stale)).toBe(stale);
    expect(latestOf(stale, task({ status: 'queued', position: 1 }))).toBe(stale);
    const moreProgress = task({ progress: { filesRead: 2, toolCalls: 2, textChars: 40 } });
    expect(latestOf(stale, moreProgress)).toBe(moreProgress);
    expect(keepLatest(undefined, [stale])).toEqual([stale]);
  });
});
