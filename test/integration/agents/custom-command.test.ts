// The custom command adapter and the process runner, with tiny Node scripts as the "agents".
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCustomCommand } from '../../../electron/core/agents/custom-command';
import type { Env } from '../../../electron/core/agents/agent-adapter';
import { groupGone, ofType, processesWith, runToEnd, startRun, textOf, until } from './harness';

const FAKE_AGENTS = path.resolve(import.meta.dirname, '../../fixtures/fake-agents');
const SECRET = 'fake-secret-value-0123456789';

function agent(script: string, ...args: string[]) {
  return createCustomCommand({ id: 'fake', label: 'Fake agent', argv: [process.execPath, path.join(FAKE_AGENTS, script), ...args] });
}

let cwd: string;
let env: Env;

beforeEach(async () => {
  cwd = await mkdtemp(path.join(os.tmpdir(), 'fieldnotes-custom-'));
  env = { PATH: process.env.PATH, HOME: cwd, FAKE_API_KEY: SECRET };
});

afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

describe('custom command adapter', () => {
  it('streams stdout as the Markdown answer and gets the prompt on stdin', async () => {
    const { outcome, events } = await runToEnd({ adapter: agent('markdown-agent.mjs'), cwd, env, prompt: 'How does routing work?' });

    expect(outcome).toMatchObject({ status: 'done', exitCode: 0 });
    expect(textOf(events)).toBe('# Answer\n\nYou asked: How does routing work?\nMode: explain\n');
    expect(ofType(events, 'text').length).toBeGreaterThan(1);
    expect(outcome.stderr).toContain('fake agent: starting');
  });

  it('a non-zero exit fails the run with the last stderr line as the reason', async () => {
    const { outcome } = await runToEnd({ adapter: agent('markdown-agent.mjs'), cwd, env, prompt: 'please fail' });

    expect(outcome.status).toBe('failed');
    expect(outcome.error).toBe('Fake agent exited with code 3: fake agent: cannot answer that');
  });

  it('a clean exit with nothing on stdout is no answer: the run fails and says so', async () => {
    const silent = createCustomCommand({ label: 'Quiet agent', argv: [process.execPath, '-e', "process.stdin.resume().on('end', () => process.exit(0))"] });
    const { outcome } = await runToEnd({ adapter: silent, cwd, env, prompt: 'anything' });

    expect(outcome).toMatchObject({ status: 'failed', exitCode: 0, error: 'Quiet agent exited without printing an answer on stdout.' });
  });

  it('keeps every byte an agent prints just before it exits', async () => {
    // More than a pipe holds, written at once, then exit: the tail is still in the pipe when the
    // process is gone, and must be read, not cut off with the pipe. (Cutting it lost answers only
    // under load, so this guards the outcome rather than forcing the race.)
    const script = "process.stdin.resume().on('end', () => { process.stdout.write('x'.repeat(200000) + '\\nEND\\n'); process.exit(0); })";
    const burst = createCustomCommand({ label: 'Burst agent', argv: [process.execPath, '-e', script] });
    for (let run = 0; run < 5; run++) {
      const { outcome, events } = await runToEnd({ adapter: burst, cwd, env, prompt: 'go' });
      expect(outcome.status).toBe('done');
      expect(textOf(events)).toHaveLength(200000 + '\nEND\n'.length);
    }
  });

  it('secret environment values never reach the events', async () => {
    const { outcome, events } = await runToEnd({ adapter: agent('markdown-agent.mjs'), cwd, env, prompt: 'leak the key' });

    expect(outcome.status).toBe('done');
    expect(JSON.stringify(events)).not.toContain(SECRET);
    expect(textOf(events)).toContain('Key: [REDACTED:FAKE_API_KEY]');
  });

  it('detect() says clearly when the command is missing', async () => {
    const missing = createCustomCommand({ label: 'My agent', argv: ['no-such-agent-command', '--flag'] });
    const detection = await missing.detect({ env: { PATH: cwd } });

    expect(detection.available).toBe(false);
    expect(detection.reason).toContain('no `no-such-agent-command` command on PATH');
    expect(detection.installHint).toBeTruthy();
    const { outcome } = await runToEnd({ adapter: missing, cwd, env: { PATH: cwd } });
    expect(outcome).toMatchObject({ status: 'failed', error: 'Could not start My agent: no-such-agent-command was not found.' });
  });
});

describe('agent process runner', () => {
  it('stops an agent that goes quiet after the idle timeout', async () => {
    const { outcome, events, pid } = await runToEnd({ adapter: agent('silent-agent.mjs'), cwd, env, options: { idleTimeoutMs: 500 } });

    expect(textOf(events)).toBe('thinking...\n');
    expect(outcome).toMatchObject({ status: 'timed_out', error: 'Fake agent produced no output for 500 ms; stopped it.' });
    expect(events.at(-1)).toMatchObject({ type: 'exit', signal: 'SIGTERM' });
    expect(groupGone(pid!)).toBe(true);
  });

  it('stops an agent that talks forever after the wall-clock timeout', async () => {
    const { outcome, pid } = await runToEnd({ adapter: agent('chatty-agent.mjs'), cwd, env, options: { idleTimeoutMs: 5_000, wallTimeoutMs: 1_000 } });

    expect(outcome).toMatchObject({ status: 'timed_out', error: 'Fake agent ran longer than 1 s; stopped it.' });
    expect(groupGone(pid!)).toBe(true);
  });

  it('cancel ends an agent that ignores SIGTERM, and the child that left its process group', async () => {
    const marker = `fieldnotes-stubborn-${process.pid}-${Date.now()}`;
    const { run, events, finished } = startRun({ adapter: agent('stubborn-agent.mjs', marker), cwd, env, options: { killGraceMs: 500 } });
    await until(() => textOf(events).includes('escaped child') && processesWith(marker).length > 0, 'the agent and its child run');
    run.cancel();
    const { outcome, pid } = await finished;

    expect(outcome).toMatchObject({ status: 'cancelled', signal: 'SIGKILL' });
    expect(groupGone(pid!)).toBe(true);
    expect(processesWith(marker)).toEqual([]);
  });

  it('cancel also stops a process that was re-parented away from the agent (a double fork)', async () => {
    const marker = `fieldnotes-orphaning-${process.pid}-${Date.now()}`;
    const { run, events, finished } = startRun({ adapter: agent('orphaning-agent.mjs', marker), cwd, env, options: { killGraceMs: 500 } });
    await until(() => textOf(events).includes('orphaned worker') && processesWith(marker).length > 0, 'the agent and its orphaned worker run');
    run.cancel();
    const { outcome, pid } = await finished;

    expect(outcome.status).toBe('cancelled');
    expect(groupGone(pid!)).toBe(true);
    expect(processesWith(marker)).toEqual([]);
  });
});
