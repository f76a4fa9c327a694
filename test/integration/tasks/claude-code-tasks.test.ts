// Tasks with the real Claude Code CLI against a scripted Anthropic server: what the task layer
// adds on top of the adapter — the note, its sources and title, failures, timeouts, cancel, poc.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../../../shared/model/task';
import type { Env } from '../../../electron/core/agents/agent-adapter';
import { startAnthropicServer } from '../../fixtures/model-servers/anthropic';
import type { ModelServer, Turn } from '../../fixtures/model-servers/script-server';
import { claudeCodeEnv } from '../agents/cli-envs';
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
  cliPath('claude');
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
  server = await startAnthropicServer(script);
  for (const key of Object.keys(env)) delete env[key];
  Object.assign(env, claudeCodeEnv(workspace, tripwire, server.url));
}

async function ask(question: string, extra: Record<string, unknown> = {}): Promise<Task> {
  const { tasks } = await t.call<{ tasks: Task[] }>('tasks.ask', { question, repoPath: workspace.repo, agents: ['claude-code'], ...extra });
  return tasks[0]!;
}

const blobOf = (file: string) => execFileSync('git', ['-C', workspace.repo, 'rev-parse', `HEAD:${file}`], { encoding: 'utf8' }).trim();

describe('Claude Code tasks', () => {
  it('a file read through a tool call becomes a source with its blob; the answer becomes the note, titled by its first line', async () => {
    await serve([
      { kind: 'tool', name: 'Read', input: { file_path: path.join(workspace.repo, FIXTURE_FILE) } },
      { kind: 'text', text: 'Cardamom is the secret ingredient\n\nThe recipe says so in `docs/recipe.md:3`.', usage: { input: 200, output: 12 } },
    ]);
    const asked = await ask('What is the secret ingredient?');
    expect(asked.permissions).toMatch(/^Read-only: may read and search files in .*repo \(Read, Grep and Glob only\)/);
    const [task] = await t.finished([asked.id]);

    expect(task).toMatchObject({ status: 'done', title: 'Cardamom is the secret ingredient', progress: { filesRead: 1, toolCalls: 1 } });
    expect(bodiesText(server!.turnRequests().slice(1))).toContain(FIXTURE_MARKER);
    const note = await t.note(asked.id);
    expect(note.body).toBe('The recipe says so in `docs/recipe.md:3`.\n');
    expect(note.frontmatter).toMatchObject({
      title: 'Cardamom is the secret ingredient',
      status: 'done',
      sources: [{ path: FIXTURE_FILE, blob: blobOf(FIXTURE_FILE) }],
      agent: { id: 'claude-code', version: expect.stringMatching(/^\d+\.\d+\.\d+/), session: expect.any(String), model: expect.any(String) },
      repo: { name: 'repo', commit: execFileSync('git', ['-C', workspace.repo, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim(), dirty: false },
      duration_ms: expect.any(Number),
    });
    expect(note.frontmatter!.usage!.input_tokens).toBeGreaterThan(0);
    expect(note.frontmatter!.usage!.output_tokens).toBeGreaterThan(0);
    expect(note.frontmatter!.error).toBeUndefined();
  });

  it('explain mode: a write the model asks for is denied and the repo stays clean', async () => {
    await serve([
      { kind: 'tool', name: 'Write', input: { file_path: path.join(workspace.repo, 'pwned.txt'), content: 'x' } },
      { kind: 'text', text: 'Could not write\n\nThe write was denied.' },
    ]);
    const [task] = await t.finished([(await ask('Please write a file')).id]);
    expect(task!.status).toBe('done');
    expect(gitStatus(workspace.repo)).toBe('');
    const { events } = await t.call<{ events: Array<{ type: string; ok?: boolean }> }>('tasks.get', { id: task!.id });
    expect(events.filter((event) => event.type === 'tool_result')).toEqual([expect.objectContaining({ ok: false })]);
    expect((await t.note(task!.id)).frontmatter!.sources).toEqual([]);
  });

  it('an HTTP 500 fails the note with a readable error', async () => {
    await serve([{ kind: 'http_error', status: 500, message: 'scripted overload' }]);
    const [task] = await t.finished([(await ask('Anything?')).id]);
    expect(task).toMatchObject({ status: 'failed', error: expect.stringMatching(/500.*scripted overload|scripted overload.*500/) });
    const note = await t.note(task!.id);
    expect(note.frontmatter).toMatchObject({ status: 'failed', error: task!.error, title: 'Anything?' });
    expect(note.body).toContain(`**Failed:** ${task!.error}`);
  });

  it('a stall mid-stream is stopped by the idle timeout: no process is left, the note says why', async () => {
    await serve([{ kind: 'stall', text: 'Let me think' }]);
    const [task] = await t.finished([(await ask('Think slowly', { idleTimeoutSec: 8 })).id]);
    expect(task).toMatchObject({ status: 'failed', error: 'Claude Code produced no output for 8 s; stopped it.' });
    expect(processesWorkingIn(workspace.repo)).toEqual([]);
    expect((await t.note(task!.id)).frontmatter).toMatchObject({ status: 'failed', error: 'Claude Code produced no output for 8 s; stopped it.' });
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

  it('poc: the file edit lands only in the scratch checkout, the diff artifact shows it, and a follow-up resumes there', async () => {
    const write: Turn = { kind: 'tool', name: 'Write', input: { file_path: '', content: 'console.log(6 * 7);\n' } };
    await serve([write, { kind: 'text', text: 'It prints 42\n\nSee poc.mjs.' }, { kind: 'text', text: 'Still 42\n\nNothing else changed.' }]);
    const asked = await ask('Can it print 42?', { mode: 'poc' });
    // The path is only known once the task exists; the CLI asks the model long after this.
    (write as { input: Record<string, unknown> }).input.file_path = path.join(asked.scratchDir!, 'poc.mjs');
    expect(asked.permissions).toMatch(/^May edit files and run commands inside the scratch checkout .*; your working tree is never touched\. Commands run in Claude Code's sandbox/);
    const [task] = await t.finished([asked.id]);

    expect(task).toMatchObject({ status: 'done', title: 'It prints 42' });
    expect(await readFile(path.join(asked.scratchDir!, 'poc.mjs'), 'utf8')).toBe('console.log(6 * 7);\n');
    expect(existsSync(path.join(workspace.repo, 'poc.mjs'))).toBe(false);
    expect(gitStatus(workspace.repo)).toBe('');
    const patch = await readFile(path.join(t.notebook, '.fieldnotes', 'artifacts', asked.id, `${asked.id}.patch`), 'utf8');
    expect(patch).toMatch(/\+\+\+ b\/poc\.mjs\n@@ -0,0 \+1 @@\n\+console\.log\(6 \* 7\);/);
    expect((await t.note(asked.id)).body).toContain('`poc.mjs`. The diff is kept with this note');

    // The follow-up resumes Claude Code's session from the same directory: the kept checkout.
    const followUp = await t.call<Task>('tasks.followUp', { noteId: asked.id, question: 'Does it still print 42?' });
    expect(followUp).toMatchObject({ parent: asked.id, context: [], scratchDir: asked.scratchDir });
    const [second] = await t.finished([followUp.id]);
    expect(second).toMatchObject({ status: 'done', title: 'Still 42' });
    const resumed = bodiesText(server!.turnRequests().slice(2));
    expect(resumed).toContain('It prints 42');
    expect(resumed).toContain('Does it still print 42?');
    expect((await t.note(followUp.id)).body).toContain('The diff (with the changes of the earlier tasks in that checkout) is kept');
  });
});
