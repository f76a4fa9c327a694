// Gemini CLI, the real CLI, against a scripted Gemini API server on 127.0.0.1.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gemini } from '../../../electron/core/agents/gemini';
import { startGeminiServer } from '../../fixtures/model-servers/gemini';
import { resumedRunSeesEarlierConversation, stalledRunIsStopped } from '../../support/cli-run-cases';
import { useScriptedCli } from '../../support/scripted-cli-stage';
import { geminiEnv } from './cli-envs';
import {
  FIXTURE_FILE, FIXTURE_MARKER, baseEnv, bodiesText, cliPath, gitStatus, groupGone, ofType, runToEnd, startRun, textOf, until,
} from './harness';

const stage = useScriptedCli({ bin: 'gemini', startServer: startGeminiServer, env: geminiEnv });

describe('Gemini adapter with the real CLI', () => {
  it('reads a repo file through a tool call and answers, with paths, usage and session', async () => {
    const env = await stage.serve([
      { kind: 'tool', name: 'read_file', input: { file_path: FIXTURE_FILE } },
      { kind: 'text', text: 'The secret ingredient is cardamom.', usage: { input: 200, output: 12 } },
    ]);
    const { outcome, events } = await runToEnd({ adapter: gemini, cwd: stage.workspace.repo, env });

    expect(outcome).toMatchObject({ status: 'done', exitCode: 0 });
    expect(bodiesText(stage.server.turnRequests().slice(1))).toContain(FIXTURE_MARKER);
    expect(ofType(events, 'tool_call')).toContainEqual(expect.objectContaining({ name: 'read_file', paths: [FIXTURE_FILE] }));
    expect(ofType(events, 'tool_result')[0]).toMatchObject({ ok: true });
    expect(textOf(events)).toBe('The secret ingredient is cardamom.');
    expect(ofType(events, 'session')[0]?.session).toBeTruthy();
    expect(ofType(events, 'result').at(-1)).toMatchObject({ ok: true });
    expect(ofType(events, 'usage').at(-1)).toMatchObject({ output_tokens: 42, input_tokens: 320 });
  });

  it('continues a session with --resume <session id>: the model sees the earlier conversation', () =>
    resumedRunSeesEarlierConversation(stage, gemini));

  it('explain (plan) mode denies write_file, replace and shell commands: the repo stays clean', async () => {
    const env = await stage.serve([
      { kind: 'tool', name: 'write_file', input: { file_path: 'pwned.txt', content: 'x' } },
      { kind: 'tool', name: 'replace', input: { file_path: FIXTURE_FILE, old_string: 'cardamom', new_string: 'salt', instruction: 'swap' } },
      { kind: 'tool', name: 'run_shell_command', input: { command: 'touch pwned-by-shell' } },
      { kind: 'text', text: 'I could not change anything.' },
    ]);
    const { outcome, events } = await runToEnd({ adapter: gemini, cwd: stage.workspace.repo, env });

    expect(outcome.status).toBe('done');
    expect(ofType(events, 'tool_result').map((result) => result.ok)).toEqual([false, false, false]);
    expect(gitStatus(stage.workspace.repo)).toBe('');
  });

  it('poc mode: edits land in the scratch folder; writes outside it and shell commands are refused', async () => {
    const outside = path.join(stage.workspace.root, 'outside.txt');
    const env = await stage.serve([
      { kind: 'tool', name: 'write_file', input: { file_path: path.join(stage.workspace.scratch, 'poc.mjs'), content: 'console.log(6 * 7);\n' } },
      { kind: 'tool', name: 'write_file', input: { file_path: outside, content: 'escaped' } },
      // Shell commands need a confirmation that nobody can give headless: denied.
      { kind: 'tool', name: 'run_shell_command', input: { command: 'node poc.mjs > out.txt' } },
      { kind: 'text', text: 'Wrote poc.mjs.' },
    ]);
    const { outcome, events } = await runToEnd({ adapter: gemini, mode: 'poc', cwd: stage.workspace.scratch, env });

    expect(outcome.status).toBe('done');
    expect(await readFile(path.join(stage.workspace.scratch, 'poc.mjs'), 'utf8')).toBe('console.log(6 * 7);\n');
    expect(existsSync(outside)).toBe(false);
    expect(existsSync(path.join(stage.workspace.scratch, 'out.txt'))).toBe(false);
    expect(ofType(events, 'tool_call')[0]).toMatchObject({ name: 'write_file', paths: ['poc.mjs'], writes: true });
    expect(ofType(events, 'tool_result').map((result) => result.ok)).toEqual([true, false, false]);
  });

  it('an HTTP 500 from the model fails the run with a readable error', async () => {
    const env = await stage.serve([{ kind: 'http_error', status: 500, message: 'scripted overload' }]);
    // An explicit model: with "auto", Gemini CLI retries 3 times, then falls back to Flash for 10
    // more, with backoff, whatever general.maxAttempts says.
    const { outcome } = await runToEnd({ adapter: gemini, cwd: stage.workspace.repo, env, model: 'gemini-scripted' });

    expect(outcome.status).toBe('failed');
    expect(outcome.error).toBe('API error 500: scripted overload');
    expect(stage.server.turnRequests()).toHaveLength(1);
  });

  it('a stream that stalls is stopped by the idle timeout, with its whole process group', () => stalledRunIsStopped(stage, gemini));

  it('cancel stops a run mid-stream, with its whole process group', async () => {
    const env = await stage.serve([{ kind: 'stall' }]);
    const { run, finished } = startRun({ adapter: gemini, cwd: stage.workspace.repo, env });
    await until(() => stage.server.turnRequests().length > 0, 'the model is asked');
    run.cancel();
    const { outcome, pid } = await finished;

    expect(outcome.status).toBe('cancelled');
    expect(groupGone(pid!)).toBe(true);
  });

  it('detect() finds the pinned CLI and its version', async () => {
    const detection = await gemini.detect({ env: baseEnv(stage.workspace, stage.tripwire) });
    expect(detection).toMatchObject({ available: true, version: '0.61.0', path: cliPath('gemini') });
  });
});
