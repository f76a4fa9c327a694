// Codex CLI, the real CLI, against a scripted OpenAI Responses server on 127.0.0.1.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codex } from '../../../electron/core/agents/codex';
import type { Env } from '../../../electron/core/agents/agent-adapter';
import { startResponsesServer } from '../../fixtures/model-servers/openai-responses';
import { codexEnv } from './cli-envs';
import type { ModelServer, Turn } from '../../fixtures/model-servers/script-server';
import {
  FIXTURE_FILE, FIXTURE_MARKER, STALL_IDLE_MS, baseEnv, bodiesText, cliPath, createWorkspace, gitStatus, groupGone, ofType, processesWith,
  runToEnd, startRun, startTripwire, textOf, until, type Tripwire, type Workspace,
} from './harness';

let workspace: Workspace;
let tripwire: Tripwire;
let server: ModelServer | undefined;

beforeEach(async () => {
  cliPath('codex');
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

/** Starts the scripted server and a throwaway CODEX_HOME whose provider points at it. */
async function serve(script: Turn[]): Promise<Env> {
  server = await startResponsesServer(script);
  return codexEnv(workspace, tripwire, server.url);
}

describe('Codex adapter with the real CLI', () => {
  it('reads a repo file with a shell command and answers, with paths, usage and session', async () => {
    const env = await serve([
      { kind: 'tool', name: 'exec_command', input: { cmd: `cat ${FIXTURE_FILE}` } },
      { kind: 'text', text: 'The secret ingredient is cardamom.', usage: { input: 200, output: 12 } },
    ]);
    const { outcome, events } = await runToEnd({ adapter: codex, cwd: workspace.repo, env });

    expect(outcome).toMatchObject({ status: 'done', exitCode: 0 });
    expect(bodiesText(server!.turnRequests().slice(1))).toContain(FIXTURE_MARKER);
    expect(ofType(events, 'tool_call')).toContainEqual(expect.objectContaining({ name: 'shell', paths: [FIXTURE_FILE] }));
    expect(ofType(events, 'tool_result')[0]).toMatchObject({ ok: true, summary: '# Recipe' });
    expect(textOf(events)).toBe('The secret ingredient is cardamom.');
    const session = ofType(events, 'session')[0]?.session;
    expect(session).toBeTruthy();
    expect(ofType(events, 'result').at(-1)).toMatchObject({ ok: true, text: 'The secret ingredient is cardamom.', session });
    expect(ofType(events, 'usage').at(-1)).toMatchObject({ output_tokens: 42, input_tokens: 320 });
  });

  it('continues a thread with `exec resume`: the model sees the earlier conversation', async () => {
    const env = await serve([
      { kind: 'text', text: 'First answer: ginger.' },
      { kind: 'tool', name: 'exec_command', input: { cmd: 'touch resumed-write.txt' } },
      { kind: 'text', text: 'Second answer.' },
    ]);
    const first = await runToEnd({ adapter: codex, cwd: workspace.repo, env, prompt: 'first question' });
    const session = ofType(first.events, 'session')[0]?.session;
    expect(first.outcome.status).toBe('done');

    const second = await runToEnd({ adapter: codex, cwd: workspace.repo, env, prompt: 'follow-up question', resumeSession: session });
    expect(second.outcome.status).toBe('done');
    expect(ofType(second.events, 'session')[0]?.session).toBe(session);
    const followUp = bodiesText(server!.turnRequests().slice(1));
    expect(followUp).toContain('First answer: ginger.');
    expect(followUp).toContain('follow-up question');
    // The resumed run keeps the read-only sandbox (`exec resume` has no --sandbox flag).
    expect(followUp).toContain('Read-only file system');
    expect(gitStatus(workspace.repo)).toBe('');
  });

  it('explain mode runs commands in a read-only sandbox: the repo stays clean', async () => {
    const env = await serve([
      { kind: 'tool', name: 'exec_command', input: { cmd: 'echo changed > README.md; touch pwned.txt' } },
      { kind: 'text', text: 'I could not change anything.' },
    ]);
    const { outcome } = await runToEnd({ adapter: codex, cwd: workspace.repo, env });

    expect(outcome.status).toBe('done');
    // Codex does not always report a command that fails at once as an item; the model's view is the proof.
    expect(bodiesText(server!.turnRequests().slice(1))).toContain('Read-only file system');
    expect(gitStatus(workspace.repo)).toBe('');
  });

  it('poc mode: a patch and a command write into the scratch folder, not outside it', async () => {
    const outside = path.join(workspace.root, 'outside.txt');
    const env = await serve([
      { kind: 'tool', name: 'apply_patch', input: { input: '*** Begin Patch\n*** Add File: poc.mjs\n+console.log(6 * 7);\n*** End Patch\n' } },
      { kind: 'tool', name: 'exec_command', input: { cmd: 'node poc.mjs > out.txt' } },
      { kind: 'tool', name: 'exec_command', input: { cmd: `touch ${outside}` } },
      { kind: 'text', text: 'It prints 42.' },
    ]);
    const { outcome, events } = await runToEnd({ adapter: codex, mode: 'poc', cwd: workspace.scratch, env });

    expect(outcome.status).toBe('done');
    expect(await readFile(path.join(workspace.scratch, 'poc.mjs'), 'utf8')).toBe('console.log(6 * 7);\n');
    expect(await readFile(path.join(workspace.scratch, 'out.txt'), 'utf8')).toBe('42\n');
    expect(existsSync(outside)).toBe(false);
    expect(ofType(events, 'tool_call')).toContainEqual(expect.objectContaining({ name: 'file_change', paths: ['poc.mjs'], writes: true }));
    expect(ofType(events, 'tool_call')).toContainEqual(expect.objectContaining({ name: 'shell', paths: ['poc.mjs', 'out.txt'], writes: true }));
  });

  it('an HTTP 500 from the model fails the run with a readable error', async () => {
    const env = await serve([{ kind: 'http_error', status: 500, message: 'scripted overload' }]);
    const { outcome } = await runToEnd({ adapter: codex, cwd: workspace.repo, env });

    expect(outcome).toMatchObject({ status: 'failed', exitCode: 1 });
    // Codex words every 5xx the same way; it is readable, if not specific.
    expect(outcome.error).toMatch(/high demand|500/);
    expect(outcome.error).not.toMatch(/^\s*[{[]/);
  });

  it('a stream that stalls is stopped by the idle timeout, with its whole process group', async () => {
    const env = await serve([{ kind: 'stall', text: 'Let me think' }]);
    const { outcome, pid } = await runToEnd({ adapter: codex, cwd: workspace.repo, env, options: { idleTimeoutMs: STALL_IDLE_MS } });

    expect(server!.turnRequests()).toHaveLength(1);
    expect(outcome.status).toBe('timed_out');
    expect(outcome.error).toMatch(/no output for 8 s/);
    expect(groupGone(pid!)).toBe(true);
  });

  it('cancel stops a run mid-command, with every process it started', async () => {
    const marker = `fieldnotes-wait-${process.pid}-${Date.now()}`;
    const env = await serve([
      { kind: 'tool', name: 'exec_command', input: { cmd: `node -e "setInterval(() => {}, 1000)" ${marker}`, yield_time_ms: 60_000 } },
      { kind: 'stall' },
    ]);
    const { run, finished } = startRun({ adapter: codex, mode: 'poc', cwd: workspace.scratch, env });
    await until(() => processesWith(marker).length > 0, 'the command runs');
    run.cancel();
    const { outcome, pid } = await finished;

    expect(outcome.status).toBe('cancelled');
    expect(groupGone(pid!)).toBe(true);
    expect(processesWith(marker)).toEqual([]);
  });

  it('detect() finds the pinned CLI and its version', async () => {
    const detection = await codex.detect({ env: baseEnv(workspace, tripwire) });
    expect(detection).toMatchObject({ available: true, version: '0.171.0', path: cliPath('codex') });
  });
});
