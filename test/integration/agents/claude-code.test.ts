// Claude Code, the real CLI, against a scripted Anthropic Messages server on 127.0.0.1.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { claudeCode } from '../../../electron/core/agents/claude-code';
import { startAnthropicServer } from '../../fixtures/model-servers/anthropic';
import { resumedRunSeesEarlierConversation, stalledRunIsStopped } from '../../support/cli-run-cases';
import { useScriptedCli } from '../../support/scripted-cli-stage';
import { claudeCodeEnv } from './cli-envs';
import {
  FIXTURE_FILE, FIXTURE_MARKER, baseEnv, bodiesText, cliPath, gitStatus, groupGone, ofType, processesWith, runToEnd, startRun, textOf, until,
} from './harness';

function hasSandboxTools(): boolean {
  return ['bwrap', 'socat'].every((tool) => spawnSync('which', [tool]).status === 0);
}

const stage = useScriptedCli({ bin: 'claude', startServer: startAnthropicServer, env: claudeCodeEnv });

describe('Claude Code adapter with the real CLI', () => {
  it('reads a repo file through a tool call and answers, with paths, usage and session', async () => {
    const env = await stage.serve([
      { kind: 'tool', name: 'Read', input: { file_path: path.join(stage.workspace.repo, FIXTURE_FILE) } },
      { kind: 'text', text: 'The secret ingredient is cardamom.', usage: { input: 200, output: 12 } },
    ]);
    const { outcome, events } = await runToEnd({ adapter: claudeCode, cwd: stage.workspace.repo, env });

    expect(outcome).toMatchObject({ status: 'done', exitCode: 0 });
    expect(bodiesText(stage.server.turnRequests().slice(1))).toContain(FIXTURE_MARKER);
    expect(ofType(events, 'tool_call')).toContainEqual(expect.objectContaining({ name: 'Read', paths: [FIXTURE_FILE] }));
    expect(ofType(events, 'tool_result')[0]).toMatchObject({ ok: true });
    expect(textOf(events)).toContain('The secret ingredient is cardamom.');
    const session = ofType(events, 'session')[0]?.session;
    expect(session).toBeTruthy();
    expect(ofType(events, 'result').at(-1)).toMatchObject({ ok: true, text: 'The secret ingredient is cardamom.', session });
    const usage = ofType(events, 'usage').at(-1);
    expect(usage?.output_tokens).toBeGreaterThan(0);
    expect(usage?.input_tokens).toBeGreaterThan(0);
    expect(events.at(-1)).toMatchObject({ type: 'exit', code: 0 });
  });

  it('continues a session with --resume: the model sees the earlier conversation', () => resumedRunSeesEarlierConversation(stage, claudeCode));

  it('explain mode denies Write, Edit and Bash: the repo stays clean', async () => {
    const env = await stage.serve([
      { kind: 'tool', name: 'Write', input: { file_path: path.join(stage.workspace.repo, 'pwned.txt'), content: 'x' } },
      { kind: 'tool', name: 'Edit', input: { file_path: path.join(stage.workspace.repo, FIXTURE_FILE), old_string: 'cardamom', new_string: 'salt' } },
      { kind: 'tool', name: 'Bash', input: { command: 'touch pwned-by-bash' } },
      { kind: 'text', text: 'I could not change anything.' },
    ]);
    const { outcome, events } = await runToEnd({ adapter: claudeCode, cwd: stage.workspace.repo, env });

    expect(outcome.status).toBe('done');
    expect(ofType(events, 'tool_result').map((result) => result.ok)).toEqual([false, false, false]);
    expect(gitStatus(stage.workspace.repo)).toBe('');
    expect(await readFile(path.join(stage.workspace.repo, FIXTURE_FILE), 'utf8')).toContain(FIXTURE_MARKER);
  });

  it("a repo's own .claude/settings.json cannot run hooks: only the user's settings are loaded", async () => {
    const marker = path.join(stage.workspace.root, 'hook-ran');
    const hook = [{ hooks: [{ type: 'command', command: `touch ${marker}` }] }];
    await mkdir(path.join(stage.workspace.repo, '.claude'));
    await writeFile(path.join(stage.workspace.repo, '.claude', 'settings.json'),
      JSON.stringify({ hooks: { SessionStart: hook, PreToolUse: [{ matcher: '*', ...hook[0] }] } }));
    const env = await stage.serve([
      { kind: 'tool', name: 'Read', input: { file_path: path.join(stage.workspace.repo, FIXTURE_FILE) } },
      { kind: 'text', text: 'Done.' },
    ]);
    const { outcome } = await runToEnd({ adapter: claudeCode, cwd: stage.workspace.repo, env });

    expect(outcome.status).toBe('done');
    expect(existsSync(marker)).toBe(false);
  });

  it('poc mode: edits land in the scratch folder, writes outside it are denied', async () => {
    const outside = path.join(stage.workspace.root, 'outside.txt');
    const env = await stage.serve([
      { kind: 'tool', name: 'Write', input: { file_path: path.join(stage.workspace.scratch, 'poc.mjs'), content: 'console.log(6 * 7);\n' } },
      { kind: 'tool', name: 'Write', input: { file_path: outside, content: 'escaped' } },
      { kind: 'text', text: 'Wrote poc.mjs.' },
    ]);
    const { outcome, events } = await runToEnd({ adapter: claudeCode, mode: 'poc', cwd: stage.workspace.scratch, env });

    expect(outcome.status).toBe('done');
    expect(await readFile(path.join(stage.workspace.scratch, 'poc.mjs'), 'utf8')).toBe('console.log(6 * 7);\n');
    expect(existsSync(outside)).toBe(false);
    expect(ofType(events, 'tool_call')[0]).toMatchObject({ name: 'Write', paths: ['poc.mjs'], writes: true });
    expect(ofType(events, 'tool_result').map((result) => result.ok)).toEqual([true, false]);
  });

  it('an HTTP 500 from the model fails the run with a readable error', async () => {
    const env = await stage.serve([{ kind: 'http_error', status: 500, message: 'scripted overload' }]);
    const { outcome } = await runToEnd({ adapter: claudeCode, cwd: stage.workspace.repo, env });

    expect(outcome.status).toBe('failed');
    expect(outcome.error).toMatch(/500/);
    expect(outcome.error).toContain('scripted overload');
  });

  it('a stream that stalls is stopped by the idle timeout, with its whole process group', () => stalledRunIsStopped(stage, claudeCode));

  it('cancel stops a run mid-command, with every process it started, sandboxed ones included', async () => {
    expect(hasSandboxTools(), 'poc mode runs Bash in bubblewrap: apt-get install bubblewrap socat').toBe(true);
    const script = `wait-${process.pid}-${Date.now()}.mjs`;
    const env = await stage.serve([
      { kind: 'tool', name: 'Write', input: { file_path: path.join(stage.workspace.scratch, script), content: 'setInterval(() => {}, 1000);\n' } },
      { kind: 'tool', name: 'Bash', input: { command: `node ${script}` } },
      { kind: 'stall' },
    ]);
    const { run, finished } = startRun({ adapter: claudeCode, mode: 'poc', cwd: stage.workspace.scratch, env });
    // The command runs in Claude Code's sandbox, in a session of its own (outside our group).
    await until(() => processesWith(script).length > 0, 'the sandboxed command runs');
    run.cancel();
    const { outcome, pid } = await finished;

    expect(outcome.status).toBe('cancelled');
    expect(outcome.error).toMatch(/cancelled/);
    expect(groupGone(pid!)).toBe(true);
    expect(processesWith(script)).toEqual([]);
  });

  it('detect() finds the pinned CLI and its version', async () => {
    const detection = await claudeCode.detect({ env: baseEnv(stage.workspace, stage.tripwire) });
    expect(detection).toMatchObject({ available: true, version: '2.1.332', path: cliPath('claude') });
  });
});
