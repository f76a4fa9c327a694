// Tasks with the real Gemini CLI against a scripted Gemini server: what the task layer adds on top
// of the adapter — the note, its sources and title, failures, timeouts, cancel.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../../../shared/model/task';
import type { Env } from '../../../electron/core/agents/agent-adapter';
import { startGeminiServer } from '../../fixtures/model-servers/gemini';
import type { ModelServer, Turn } from '../../fixtures/model-servers/script-server';
import { geminiEnv } from '../agents/cli-envs';
import {
  FIXTURE_FILE, FIXTURE_MARKER, bodiesText, cliPath, createWorkspace, startTripwire, type Tripwire, type Workspace,
} from '../agents/harness';
import { eventually, processesWorkingIn, startEngine, type TestEngine } from './task-harness';

let workspace: Workspace;
let tripwire: Tripwire;
let server: ModelServer | undefined;
let t: TestEngine;
const env: Env = {};

beforeAll(async () => {
  cliPath('gemini');
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
  server = await startGeminiServer(script);
  const next = await geminiEnv(workspace, tripwire, server.url, { model: 'gemini-scripted' });
  for (const key of Object.keys(env)) delete env[key];
  Object.assign(env, next);
}

async function ask(question: string, extra: Record<string, unknown> = {}): Promise<Task> {
  const { tasks } = await t.call<{ tasks: Task[] }>('tasks.ask', { question, repoPath: workspace.repo, agents: ['gemini'], ...extra });
  return tasks[0]!;
}

const blobOf = (file: string) => execFileSync('git', ['-C', workspace.repo, 'rev-parse', `HEAD:${file}`], { encoding: 'utf8' }).trim();

describe('Gemini CLI tasks', () => {
  it('a file read through a tool call becomes a source with its blob; the answer becomes the note, titled by its first line', async () => {
    await serve([
      { kind: 'tool', name: 'read_file', input: { file_path: FIXTURE_FILE } },
      { kind: 'text', text: 'Cardamom is the secret ingredient\n\nThe recipe says so in `docs/recipe.md:3`.', usage: { input: 200, output: 12 } },
    ]);
    const asked = await ask('What is the secret ingredient?');
    expect(asked.permissions).toMatch(/^Read-only: may read and search files in .*repo \(Gemini's plan mode\); cannot change anything or run commands\.$/);
    const [task] = await t.finished([asked.id]);

    expect(task).toMatchObject({ status: 'done', title: 'Cardamom is the secret ingredient', progress: { filesRead: 1, toolCalls: 1 } });
    expect(bodiesText(server!.turnRequests().slice(1))).toContain(FIXTURE_MARKER);
    const note = await t.note(asked.id);
    expect(note.body).toBe('The recipe says so in `docs/recipe.md:3`.\n');
    expect(note.frontmatter).toMatchObject({
      title: 'Cardamom is the secret ingredient',
      status: 'done',
      sources: [{ path: FIXTURE_FILE, blob: blobOf(FIXTURE_FILE) }],
      agent: { id: 'gemini', version: expect.stringMatching(/^\d+\.\d+\.\d+/), session: expect.any(String), model: 'gemini-scripted' },
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
    expect(task).toMatchObject({ status: 'failed', error: 'API error 500: scripted overload' });
    const note = await t.note(task!.id);
    expect(note.frontmatter).toMatchObject({ status: 'failed', error: task!.error, title: 'Anything?' });
    expect(note.body).toContain(`**Failed:** ${task!.error}`);
  });

  it('a stall mid-stream is stopped by the idle timeout: no process is left, the note says why', async () => {
    await serve([{ kind: 'stall', text: 'Let me think' }]);
    const [task] = await t.finished([(await ask('Think slowly', { idleTimeoutSec: 8 })).id]);
    expect(task).toMatchObject({ status: 'failed', error: 'Gemini CLI produced no output for 8 s; stopped it.' });
    expect(processesWorkingIn(workspace.repo)).toEqual([]);
    expect((await t.note(task!.id)).frontmatter).toMatchObject({ status: 'failed', error: 'Gemini CLI produced no output for 8 s; stopped it.' });
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
});
