// Gemini CLI, the real CLI, against a scripted Gemini API server on 127.0.0.1.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gemini } from '../../../electron/core/agents/gemini';
import type { Env } from '../../../electron/core/agents/agent-adapter';
import { startGeminiServer } from '../../fixtures/model-servers/gemini';
import { geminiEnv } from './cli-envs';
import type { ModelServer, Turn } from '../../fixtures/model-servers/script-server';
import {
  FIXTURE_FILE, FIXTURE_MARKER, STALL_IDLE_MS, baseEnv, bodiesText, cliPath, createWorkspace, gitStatus, groupGone, ofType, runToEnd,
  startRun, startTripwire, textOf, until, type Tripwire, type Workspace,
} from './harness';

let workspace: Workspace;
let tripwire: Tripwire;
let server: ModelServer | undefined;

beforeEach(async () => {
  cliPath('gemini');
  workspace = await createWorkspace();
  tripwire = await startTripwire();
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  await tripwire.close();
  await workspace.cleanup();
  expect(tripwire.hits).toEqual([]);
});

/** Starts the scripted server and a throwaway GEMINI_CLI_HOME with api-key auth selected. */
async function serve(script: Turn[]): Promise<Env> {
  server = await startGeminiServer(script);
  return geminiEnv(workspace, tripwire, server.url);
}

describe('Gemini adapter with the real CLI', () => {
  it('reads a repo file through a tool call and answers, with paths, usage and session', async () => {
    const env = await serve([
      { kind: 'tool', name: 'read_file', input: { file_path: FIXTURE_FILE } },
      { kind: 'text', text: 'The secret ingredient is cardamom.', usage: { input: 200, output: 12 } },
    ]);
    const { outcome, events } = await runToEnd({ adapter: gemini, cwd: workspace.repo, env });

    expect(outcome).toMatchObject({ status: 'done', exitCode: 0 });
    expect(bodiesText(server!.turnRequests().slice(1))).toContain(FIXTURE_MARKER);
    expect(ofType(events, 'tool_call')).toContainEqual(expect.objectContaining({ name: 'read_file', paths: [FIXTURE_FILE] }));
    expect(ofType(events, 'tool_result')[0]).toMatchObject({ ok: true });
    expect(textOf(events)).toBe('The secret ingredient is cardamom.');
    expect(ofType(events, 'session')[0]?.session).toBeTruthy();
    expect(ofType(events, 'result').at(-1)).toMatchObject({ ok: true });
    expect(ofType(events, 'usage').at(-1)).toMatchObject({ output_tokens: 42, input_tokens: 320 });
  });

  it('continues a session with --resume <session id>: the model sees the earlier conversation', async () => {
    const env = await serve([{ kind: 'text', text: 'First answer: ginger.' }, { kind: 'text', text: 'Second answer.' }]);
    const first = await runToEnd({ adapter: gemini, cwd: workspace.repo, env, prompt: 'first question' });
    const session = ofType(first.events, 'session')[0]?.session;
    expect(first.outcome.status).toBe('done');

    const second = await runToEnd({ adapter: gemini, cwd: workspace.repo, env, prompt: 'follow-up question', resumeSession: session });
    expect(second.outcome.status).toBe('done');
    const followUp = bodiesText(server!.turnRequests().slice(1));
    expect(followUp).toContain('First answer: ginger.');
    expect(followUp).toContain('follow-up question');
  });

  it('explain (plan) mode denies write_file, replace and shell commands: the repo stays clean', async () => {
    const env = await serve([
      { kind: 'tool', name: 'write_file', input: { file_path: 'pwned.txt', content: 'x' } },
      { kind: 'tool', name: 'replace', input: { file_path: FIXTURE_FILE, old_string: 'cardamom', new_string: 'salt', instruction: 'swap' } },
      { kind: 'tool', name: 'run_shell_command', input: { command: 'touch pwned-by-shell' } },
      { kind: 'text', text: 'I could not change anything.' },
    ]);
    const { outcome, events } = await runToEnd({ adapter: gemini, cwd: workspace.repo, env });

    expect(outcome.status).toBe('done');
    expect(ofType(events, 'tool_result').map((result) => result.ok)).toEqual([false, false, false]);
    expect(gitStatus(workspace.repo)).toBe('');
  });

  it('poc mode: edits land in the scratch folder; writes outside it and shell commands are refused', async () => {
    const outside = path.join(workspace.root, 'outside.txt');
    const env = await serve([
      { kind: 'tool', name: 'write_file', input: { file_path: path.join(workspace.scratch, 'poc.mjs'), content: 'console.log(6 * 7);\n' } },
      { kind: 'tool', name: 'write_file', input: { file_path: outside, content: 'escaped' } },
      // Shell commands need a confirmation that nobody can give headless: denied.
      { kind: 'tool', name: 'run_shell_command', input: { command: 'node poc.mjs > out.txt' } },
      { kind: 'text', text: 'Wrote poc.mjs.' },
    ]);
    const { outcome, events } = await runToEnd({ adapter: gemini, mode: 'poc', cwd: workspace.scratch, env });

    expect(outcome.status).toBe('done');
    expect(await readFile(path.join(workspace.scratch, 'poc.mjs'), 'utf8')).toBe('console.log(6 * 7);\n');
    expect(existsSync(outside)).toBe(false);
    expect(existsSync(path.join(workspace.scratch, 'out.txt'))).toBe(false);
    expect(ofType(events, 'tool_call')[0]).toMatchObject({ name: 'write_file', paths: ['poc.mjs'], writes: true });
    expect(ofType(events, 'tool_result').map((result) => result.ok)).toEqual([true, false, false]);
  });

  it('an HTTP 500 from the model fails the run with a readable error', async () => {
    const env = await serve([{ kind: 'http_error', status: 500, message: 'scripted overload' }]);
    // An explicit model: with "auto", Gemini CLI retries 3 times, then falls back to Flash for 10
    // more, with backoff, whatever general.maxAttempts says.
    const { outcome } = await runToEnd({ adapter: gemini, cwd: workspace.repo, env, model: 'gemini-scripted' });

    expect(outcome.status).toBe('failed');
    expect(outcome.error).toBe('API error 500: scripted overload');
    expect(server!.turnRequests()).toHaveLength(1);
  });

  it('a stream that stalls is stopped by the idle timeout, with its whole process group', async () => {
    const env = await serve([{ kind: 'stall', text: 'Let me think' }]);
    const { outcome, pid } = await runToEnd({ adapter: gemini, cwd: workspace.repo, env, options: { idleTimeoutMs: STALL_IDLE_MS } });

    expect(server!.turnRequests()).toHaveLength(1);
    expect(outcome.status).toBe('timed_out');
    expect(outcome.error).toMatch(/no output for 8 s/);
    expect(groupGone(pid!)).toBe(true);
  });

  it('cancel stops a run mid-stream, with its whole process group', async () => {
    const env = await serve([{ kind: 'stall' }]);
    const { run, finished } = startRun({ adapter: gemini, cwd: workspace.repo, env });
    await until(() => server!.turnRequests().length > 0, 'the model is asked');
    run.cancel();
    const { outcome, pid } = await finished;

    expect(outcome.status).toBe('cancelled');
    expect(groupGone(pid!)).toBe(true);
  });

  it('detect() finds the pinned CLI and its version', async () => {
    const detection = await gemini.detect({ env: baseEnv(workspace, tripwire) });
    expect(detection).toMatchObject({ available: true, version: '0.61.0', path: cliPath('gemini') });
  });
});
