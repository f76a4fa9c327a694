// Tasks with the real Codex CLI against a scripted Responses server: what the task layer adds on
// top of the adapter — the note, its sources and title, failures, timeouts, cancel, poc.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../../../shared/model/task';
import type { Env } from '../../../electron/core/agents/agent-adapter';
import { startResponsesServer } from '../../fixtures/model-servers/openai-responses';
import type { ModelServer, Turn } from '../../fixtures/model-servers/script-server';
import { codexEnv } from '../agents/cli-envs';
import {
  FIXTURE_FILE, FIXTURE_MARKER, bodiesText, cliPath, createWorkspace, gitStatus, startTripwire, type Tripwire, type Workspace,
} from '../agents/harness';
import { eventually, processesWorkingIn, startEngine, type TestEngine } from './task-harness';

let workspace: Workspace;
let tripwire: Tripwire;
let server: ModelServer | undefined;
let t: TestEngine;
const env: Env = {};

beforeAll(async () => {
  cliPath('codex');
  workspace = await createWorkspace();
  tripwire = await startTripwire();
  t = await startEngine({ home: path.join(workspace.root, 'fieldnotes'), env });
});

afterEach(async () => {
  await server?.close();
  server = undefined;
});

afterAll(async () => {
  await t.close();
  await tripwire.close();
  await workspace.cleanup();
  expect(tripwire.hits).toEqual([]);
});

async function serve(script: Turn[]): Promise<void> {
  server = await startResponsesServer(script);
  const next = await codexEnv(workspace, tripwire, server.url);
  for (const key of Object.keys(env)) delete env[key];
  Object.assign(env, next);
}

async function ask(question: string, extra: Record<string, unknown> = {}): Promise<Task> {
  const { tasks } = await t.call<{ tasks: Task[] }>('tasks.ask', { question, repoPath: workspace.repo, agents: ['codex'], ...extra });
  return tasks[0]!;
}

const blobOf = (file: string) => execFileSync('git', ['-C', workspace.repo, 'rev-parse', `HEAD:${file}`], { encoding: 'utf8' }).trim();

describe('Codex CLI tasks', () => {
  it('a file read through a tool call becomes a source with its blob; the answer becomes the note, titled by its first line', async () => {
    await serve([
      { kind: 'tool', name: 'exec_command', input: { cmd: `cat ${FIXTURE_FILE}` } },
      { kind: 'text', text: 'Cardamom is the secret ingredient\n\nThe recipe says so in `docs/recipe.md:3`.', usage: { input: 200, output: 12 } },
    ]);
    const asked = await ask('What is the secret ingredient?');
    expect(asked.permissions).toMatch(/^Read-only: may read files and run commands in .*repo inside Codex's read-only sandbox; cannot change anything\. Network: none\.$/);
    const [task] = await t.finished([asked.id]);

    expect(task).toMatchObject({ status: 'done', title: 'Cardamom is the secret ingredient', progress: { filesRead: 1, toolCalls: 1 } });
    expect(bodiesText(server!.turnRequests().slice(1))).toContain(FIXTURE_MARKER);
    const note = await t.note(asked.id);
    expect(note.body).toBe('The recipe says so in `docs/recipe.md:3`.\n');
    expect(note.frontmatter).toMatchObject({
      title: 'Cardamom is the secret ingredient',
      status: 'done',
      sources: [{ path: FIXTURE_FILE, blob: blobOf(FIXTURE_FILE) }],
      agent: { id: 'codex', version: expect.stringMatching(/^\d+\.\d+\.\d+/), session: expect.any(String) },
      repo: { name: 'repo', commit: execFileSync('git', ['-C', workspace.repo, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim(), dirty: false },
      duration_ms: expect.any(Number),
    });
    expect(note.frontmatter!.usage!.input_tokens).toBeGreaterThan(0);
    expect(note.frontmatter!.usage!.output_tokens).toBeGreaterThan(0);
    expect(note.frontmatter!.error).toBeUndefined();
  });

  it('an HTTP 500 fails the note with a readable error', async () => {
    await serve([{ kind: 'http_error', status: 500, message: 'scripted overload' }]);
    const [task] = await t.finished([(await ask('Anything?')).id]);
    // Codex words every 5xx the same way: readable, if not specific.
    expect(task).toMatchObject({ status: 'failed', error: expect.stringMatching(/high demand|500/) });
    const note = await t.note(task!.id);
    expect(note.frontmatter).toMatchObject({ status: 'failed', error: task!.error, title: 'Anything?' });
    expect(note.body).toContain(`**Failed:** ${task!.error}`);
  });

  it('a stall mid-stream is stopped by the idle timeout: no process is left, the note says why', async () => {
    await serve([{ kind: 'stall', text: 'Let me think' }]);
    const [task] = await t.finished([(await ask('Think slowly', { idleTimeoutSec: 8 })).id]);
    expect(task).toMatchObject({ status: 'failed', error: 'Codex CLI produced no output for 8 s; stopped it.' });
    expect(processesWorkingIn(workspace.repo)).toEqual([]);
    expect((await t.note(task!.id)).frontmatter).toMatchObject({ status: 'failed', error: 'Codex CLI produced no output for 8 s; stopped it.' });
  });

  it('cancel mid-run stops the whole process group; the note is cancelled and its transcript kept', async () => {
    await serve([{ kind: 'stall' }]);
    const asked = await ask('Take your time');
    await server!.waitForTurns(1);
    await eventually(() => t.latest(asked.id)?.progress.lastActivity, 'the session starts');
    expect(processesWorkingIn(workspace.repo).length).toBeGreaterThan(0);
    await t.call('tasks.cancel', { id: asked.id });
    const [task] = await t.finished([asked.id]);

    expect(task).toMatchObject({ status: 'cancelled', error: 'Cancelled while it was running.' });
    expect(processesWorkingIn(workspace.repo)).toEqual([]);
    expect((await t.note(asked.id)).frontmatter!.status).toBe('cancelled');
    const { events } = await t.call<{ events: Array<{ type: string }> }>('notes.transcript', { id: asked.id });
    expect(events.map((event) => event.type)).toEqual(expect.arrayContaining(['session', 'exit']));
  });

  it('poc: the file edit lands only in the scratch checkout, and the diff artifact shows it', async () => {
    await serve([
      { kind: 'tool', name: 'apply_patch', input: { input: '*** Begin Patch\n*** Add File: poc.mjs\n+console.log(6 * 7);\n*** End Patch\n' } },
      { kind: 'text', text: 'It prints 42\n\nSee poc.mjs.' },
    ]);
    const asked = await ask('Can it print 42?', { mode: 'poc' });
    expect(asked.permissions).toMatch(/^May edit files and run commands inside the scratch checkout .*; your working tree is never touched \(Codex's workspace-write sandbox\)\. Network: none\.$/);
    const [task] = await t.finished([asked.id]);

    expect(task).toMatchObject({ status: 'done', title: 'It prints 42' });
    expect(await readFile(path.join(asked.scratchDir!, 'poc.mjs'), 'utf8')).toBe('console.log(6 * 7);\n');
    expect(existsSync(path.join(workspace.repo, 'poc.mjs'))).toBe(false);
    expect(gitStatus(workspace.repo)).toBe('');
    const patch = await readFile(path.join(t.notebook, '.fieldnotes', 'artifacts', asked.id, `${asked.id}.patch`), 'utf8');
    expect(patch).toMatch(/\+\+\+ b\/poc\.mjs\n@@ -0,0 \+1 @@\n\+console\.log\(6 \* 7\);/);
    expect((await t.note(asked.id)).body).toContain('`poc.mjs`. The diff is kept with this note');
  });
});
