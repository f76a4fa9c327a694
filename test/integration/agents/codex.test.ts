// Codex CLI, the real CLI, against a scripted OpenAI Responses server on 127.0.0.1.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codex } from '../../../electron/core/agents/codex';
import { startResponsesServer } from '../../fixtures/model-servers/openai-responses';
import { resumedRunSeesEarlierConversation, stalledRunIsStopped } from '../../support/cli-run-cases';
import { useScriptedCli } from '../../support/scripted-cli-stage';
import { codexEnv } from './cli-envs';
import {
  FIXTURE_FILE, FIXTURE_MARKER, baseEnv, bodiesText, cliPath, gitStatus, groupGone, ofType, processesWith, runToEnd, startRun, textOf, until,
} from './harness';

const stage = useScriptedCli({ bin: 'codex', startServer: startResponsesServer, env: codexEnv });

describe('Codex adapter with the real CLI', () => {
  it('reads a repo file with a shell command and answers, with paths, usage and session', async () => {
    const env = await stage.serve([
      { kind: 'tool', name: 'exec_command', input: { cmd: `cat ${FIXTURE_FILE}` } },
      { kind: 'text', text: 'The secret ingredient is cardamom.', usage: { input: 200, output: 12 } },
    ]);
    const { outcome, events } = await runToEnd({ adapter: codex, cwd: stage.workspace.repo, env });

    expect(outcome).toMatchObject({ status: 'done', exitCode: 0 });
    expect(bodiesText(stage.server.turnRequests().slice(1))).toContain(FIXTURE_MARKER);
    expect(ofType(events, 'tool_call')).toContainEqual(expect.objectContaining({ name: 'shell', paths: [FIXTURE_FILE] }));
    expect(ofType(events, 'tool_result')[0]).toMatchObject({ ok: true, summary: '# Recipe' });
    expect(textOf(events)).toBe('The secret ingredient is cardamom.');
    const session = ofType(events, 'session')[0]?.session;
    expect(session).toBeTruthy();
    expect(ofType(events, 'result').at(-1)).toMatchObject({ ok: true, text: 'The secret ingredient is cardamom.', session });
    expect(ofType(events, 'usage').at(-1)).toMatchObject({ output_tokens: 42, input_tokens: 320 });
  });

  it('continues a thread with `exec resume`: the model sees the earlier conversation', async () => {
    const { session, second, followUp } = await resumedRunSeesEarlierConversation(stage, codex, [
      { kind: 'text', text: 'First answer: ginger.' },
      { kind: 'tool', name: 'exec_command', input: { cmd: 'touch resumed-write.txt' } },
      { kind: 'text', text: 'Second answer.' },
    ]);
    expect(ofType(second.events, 'session')[0]?.session).toBe(session);
    // The resumed run keeps the read-only sandbox (`exec resume` has no --sandbox flag).
    expect(followUp).toContain('Read-only file system');
    expect(gitStatus(stage.workspace.repo)).toBe('');
  });

  it('explain mode runs commands in a read-only sandbox: the repo stays clean', async () => {
    const env = await stage.serve([
      { kind: 'tool', name: 'exec_command', input: { cmd: 'echo changed > README.md; touch pwned.txt' } },
      { kind: 'text', text: 'I could not change anything.' },
    ]);
    const { outcome } = await runToEnd({ adapter: codex, cwd: stage.workspace.repo, env });

    expect(outcome.status).toBe('done');
    // Codex does not always report a command that fails at once as an item; the model's view is the proof.
    expect(bodiesText(stage.server.turnRequests().slice(1))).toContain('Read-only file system');
    expect(gitStatus(stage.workspace.repo)).toBe('');
  });

  it('poc mode: a patch and a command write into the scratch folder, not outside it', async () => {
    const outside = path.join(stage.workspace.root, 'outside.txt');
    const env = await stage.serve([
      { kind: 'tool', name: 'apply_patch', input: { input: '*** Begin Patch\n*** Add File: poc.mjs\n+console.log(6 * 7);\n*** End Patch\n' } },
      { kind: 'tool', name: 'exec_command', input: { cmd: 'node poc.mjs > out.txt' } },
      { kind: 'tool', name: 'exec_command', input: { cmd: `touch ${outside}` } },
      { kind: 'text', text: 'It prints 42.' },
    ]);
    const { outcome, events } = await runToEnd({ adapter: codex, mode: 'poc', cwd: stage.workspace.scratch, env });

    expect(outcome.status).toBe('done');
    expect(await readFile(path.join(stage.workspace.scratch, 'poc.mjs'), 'utf8')).toBe('console.log(6 * 7);\n');
    expect(await readFile(path.join(stage.workspace.scratch, 'out.txt'), 'utf8')).toBe('42\n');
    expect(existsSync(outside)).toBe(false);
    expect(ofType(events, 'tool_call')).toContainEqual(expect.objectContaining({ name: 'file_change', paths: ['poc.mjs'], writes: true }));
    expect(ofType(events, 'tool_call')).toContainEqual(expect.objectContaining({ name: 'shell', paths: ['poc.mjs', 'out.txt'], writes: true }));
  });

  it('an HTTP 500 from the model fails the run with a readable error', async () => {
    const env = await stage.serve([{ kind: 'http_error', status: 500, message: 'scripted overload' }]);
    const { outcome } = await runToEnd({ adapter: codex, cwd: stage.workspace.repo, env });

    expect(outcome).toMatchObject({ status: 'failed', exitCode: 1 });
    // Codex words every 5xx the same way; it is readable, if not specific.
    expect(outcome.error).toMatch(/high demand|500/);
    expect(outcome.error).not.toMatch(/^\s*[{[]/);
  });

  it('a stream that stalls is stopped by the idle timeout, with its whole process group', () => stalledRunIsStopped(stage, codex));

  it('cancel stops a run mid-command, with every process it started', async () => {
    const marker = `fieldnotes-wait-${process.pid}-${Date.now()}`;
    const env = await stage.serve([
      { kind: 'tool', name: 'exec_command', input: { cmd: `node -e "setInterval(() => {}, 1000)" ${marker}`, yield_time_ms: 60_000 } },
      { kind: 'stall' },
    ]);
    const { run, finished } = startRun({ adapter: codex, mode: 'poc', cwd: stage.workspace.scratch, env });
    await until(() => processesWith(marker).length > 0, 'the command runs');
    run.cancel();
    const { outcome, pid } = await finished;

    expect(outcome.status).toBe('cancelled');
    expect(groupGone(pid!)).toBe(true);
    expect(processesWith(marker)).toEqual([]);
  });

  it('detect() finds the pinned CLI and its version', async () => {
    const detection = await codex.detect({ env: baseEnv(stage.workspace, stage.tripwire) });
    expect(detection).toMatchObject({ available: true, version: '0.171.0', path: cliPath('codex') });
  });
});
