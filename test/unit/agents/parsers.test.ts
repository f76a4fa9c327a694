// The three stream parsers on streams recorded from the pinned CLIs (see test/fixtures/agent-streams),
// fed in small chunks so that lines arrive in pieces, as they do from a pipe.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AgentEvent } from '../../../shared/model/agent-event';
import type { AgentAdapter, AgentMode } from '../../../electron/core/agents/agent-adapter';
import { claudeCode } from '../../../electron/core/agents/claude-code';
import { codex } from '../../../electron/core/agents/codex';
import { gemini } from '../../../electron/core/agents/gemini';

const STREAMS = path.resolve(import.meta.dirname, '../../fixtures/agent-streams');
// The recordings were made in these folders.
const REPO = '/tmp/explore/repo';
const SCRATCH = '/tmp/explore/scratch';

function parse(adapter: AgentAdapter, file: string, options: { mode?: AgentMode; cwd?: string; chunk?: number } = {}): AgentEvent[] {
  const text = readFileSync(path.join(STREAMS, file), 'utf8');
  const parser = adapter.createParser({ mode: options.mode ?? 'explain', cwd: options.cwd ?? REPO });
  const events: AgentEvent[] = [];
  const size = options.chunk ?? 7;
  for (let i = 0; i < text.length; i += size) events.push(...parser.push(text.slice(i, i + size)));
  events.push(...parser.end());
  return events;
}

const types = (events: AgentEvent[]) => events.map((event) => event.type);

describe('Claude Code stream', () => {
  it('a read: session, tool call with a relative path, result, usage with cost, answer', () => {
    const events = parse(claudeCode, 'claude-code-read.jsonl');
    expect(types(events)).toEqual(['session', 'tool_call', 'tool_result', 'text', 'usage', 'result']);
    expect(events[0]).toMatchObject({ type: 'session', session: '3fc51188-e0f7-460c-a011-3fb35972cc37', model: 'claude-opus-5-5', tools: ['Glob', 'Grep', 'Read'] });
    expect(events[1]).toEqual({ type: 'tool_call', id: 'toolu_scripted_0', name: 'Read', summary: 'notes.txt', paths: ['notes.txt'] });
    expect(events[2]).toMatchObject({ type: 'tool_result', id: 'toolu_scripted_0', ok: true });
    expect(events[4]).toEqual({ type: 'usage', input_tokens: 240, output_tokens: 60, cost_usd: 0.00216 });
    expect(events[5]).toEqual({ type: 'result', ok: true, text: 'It is cardamom.', session: '3fc51188-e0f7-460c-a011-3fb35972cc37' });
    expect(claudeCode.verdict({ exitCode: 0, signal: null, events, answered: true })).toEqual({ ok: true });
  });

  it('denied tools come back as failed tool results', () => {
    const events = parse(claudeCode, 'claude-code-explain-denied.jsonl', { chunk: 1 });
    expect(events.filter((e) => e.type === 'tool_result')).toEqual([
      expect.objectContaining({ ok: false, summary: 'Error: No such tool available: Write. Write is disabled for this session, in subagents as well as here.' }),
      expect.objectContaining({ ok: false }),
    ]);
    expect(events.find((e) => e.type === 'tool_call')).toMatchObject({ name: 'Write', paths: ['hacked.txt'], writes: true });
  });

  it('poc mode: Bash calls write, and their file arguments are paths', () => {
    const events = parse(claudeCode, 'claude-code-poc.jsonl', { mode: 'poc', cwd: SCRATCH });
    expect(events.some((e) => e.type === 'diagnostic')).toBe(false); // the recording ran sandboxed
    const calls = events.filter((e) => e.type === 'tool_call');
    expect(calls).toEqual([
      expect.objectContaining({ name: 'Write', paths: ['poc.js'], writes: true }),
      expect.objectContaining({ name: 'Write', paths: ['/tmp/explore/outside.txt'], writes: true }),
      expect.objectContaining({ name: 'Bash', summary: 'node poc.js > out.txt', paths: ['poc.js', 'out.txt'], writes: true }),
      expect.objectContaining({ name: 'Bash', paths: ['/tmp/explore/outside-bash.txt'], writes: true }),
    ]);
  });

  it('an HTTP 500: a retry, then the API error as an error (not answer text), and a failed verdict', () => {
    const events = parse(claudeCode, 'claude-code-http-500.jsonl');
    expect(events.find((e) => e.type === 'retry')).toEqual({ type: 'retry', attempt: 1, reason: 'HTTP 500 server_error', delay_ms: 589 });
    expect(events.some((e) => e.type === 'text')).toBe(false);
    expect(events.find((e) => e.type === 'result')).toMatchObject({ ok: false });
    const verdict = claudeCode.verdict({ exitCode: 1, signal: null, events, answered: true });
    expect(verdict.ok).toBe(false);
    expect(verdict.error).toMatch(/^API Error: 500 scripted boom/);
  });

  it('poc mode without a sandbox says so in a diagnostic', () => {
    const parser = claudeCode.createParser({ mode: 'poc', cwd: SCRATCH });
    const events = parser.push(`${JSON.stringify({ type: 'system', subtype: 'init', session_id: 's1', sandbox_enabled: false })}\n`);
    expect(events.map((e) => e.type)).toEqual(['session', 'diagnostic']);
  });

  it('exit 0 without a result event is a failure', () => {
    expect(claudeCode.verdict({ exitCode: 0, signal: null, events: [], answered: false })).toEqual({ ok: false, error: 'Claude Code ended without reporting a result.' });
  });
});

describe('Codex stream', () => {
  it('a read: thread id as session, the shell command unwrapped, its file as path, answer, usage', () => {
    const events = parse(codex, 'codex-read.jsonl');
    expect(types(events)).toEqual(['session', 'tool_call', 'tool_result', 'text', 'usage', 'result']);
    expect(events[1]).toEqual({ type: 'tool_call', id: 'item_0', name: 'shell', summary: 'cat notes.txt', paths: ['notes.txt'] });
    expect(events[2]).toEqual({ type: 'tool_result', id: 'item_0', ok: true, summary: 'The secret ingredient is cardamom.' });
    expect(events[4]).toEqual({ type: 'usage', input_tokens: 240, output_tokens: 60 });
    expect(events[5]).toEqual({ type: 'result', ok: true, text: 'It is cardamom.', session: '01a224b3-3139-7122-83c0-593f1ecafe73' });
  });

  it('poc: a file change and a command chain, each announced once', () => {
    const events = parse(codex, 'codex-poc.jsonl', { mode: 'poc', cwd: SCRATCH, chunk: 3 });
    expect(events.filter((e) => e.type === 'tool_call')).toEqual([
      { type: 'tool_call', id: 'item_0', name: 'file_change', summary: 'poc.mjs', paths: ['poc.mjs'], writes: true },
      { type: 'tool_call', id: 'item_1', name: 'shell', summary: 'sed -n 1,5p poc.mjs && rg -n console . > out.txt', paths: ['poc.mjs', '.', 'out.txt'], writes: true },
    ]);
  });

  it('an HTTP 500: one error, a failed result, a failed verdict', () => {
    const events = parse(codex, 'codex-http-500.jsonl');
    expect(types(events)).toEqual(['session', 'error', 'result']);
    expect(codex.verdict({ exitCode: 1, signal: null, events, answered: true })).toEqual({ ok: false, error: 'We’re currently experiencing high demand, which may cause temporary errors.' });
  });

  it('item errors are warnings, kept as diagnostics', () => {
    const events = parse(codex, 'codex-warning.jsonl');
    expect(events.find((e) => e.type === 'diagnostic')).toMatchObject({ message: expect.stringContaining('Model metadata') });
    expect(codex.verdict({ exitCode: 0, signal: null, events, answered: true })).toEqual({ ok: true });
  });
});

describe('Gemini stream', () => {
  it('a read: session, tool call, streamed answer, usage, result', () => {
    const events = parse(gemini, 'gemini-read.jsonl');
    expect(types(events)).toEqual(['session', 'tool_call', 'tool_result', 'text', 'usage', 'result']);
    expect(events[1]).toMatchObject({ type: 'tool_call', name: 'read_file', paths: ['notes.txt'] });
    expect(events[4]).toEqual({ type: 'usage', input_tokens: 240, output_tokens: 60 });
    expect(gemini.verdict({ exitCode: 0, signal: null, events, answered: true })).toEqual({ ok: true });
  });

  it('plan mode denials are failed tool results with the reason', () => {
    const events = parse(gemini, 'gemini-plan-denied.jsonl');
    expect(events.filter((e) => e.type === 'tool_result')).toEqual([
      expect.objectContaining({ ok: false, summary: expect.stringContaining('Tool execution denied by policy') }),
      expect.objectContaining({ ok: false, summary: expect.stringContaining('not found') }),
    ]);
  });

  it('an API error in the result becomes a readable message', () => {
    const parser = gemini.createParser({ mode: 'explain', cwd: REPO });
    const events = parser.push(`${JSON.stringify({ type: 'result', status: 'error', error: { type: 'Error', message: '[API Error: {"error":{"code":500,"message":"boom"}}]' }, stats: { input_tokens: 0, output_tokens: 0 } })}\n`);
    expect(gemini.verdict({ exitCode: 1, signal: null, events, answered: true })).toEqual({ ok: false, error: 'API error 500: boom' });
  });
});
