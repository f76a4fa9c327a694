// The tasks engine with a fake custom-command agent: the queue (N at once, FIFO, positions, the
// concurrency setting), cancel, close, and what a person sees of it in notes and events.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../../../shared/model/task';
import { groupGone, processesWith } from '../agents/harness';
import { makeRepo } from '../../support/git-repo';
import { tempDir } from '../../support/temp';
import { eventually, fakeAgent, startEngine, type EngineOptions, type TestEngine } from './task-harness';

let repo: string;
let releases: string;
let test: TestEngine | undefined;

beforeAll(async () => {
  repo = await makeRepo({ 'src/app.ts': 'export const answer = 42;\n' }, 'queue-repo');
});

afterEach(async () => {
  await test?.close();
  test = undefined;
});

async function engine(tasks: EngineOptions['tasks'] = {}) {
  releases = await tempDir('fieldnotes-releases-');
  test = await startEngine({ tasks, env: { ...process.env, FAKE_RELEASE_DIR: releases } });
  return test;
}

const release = (name: string) => writeFile(join(releases, name), '');

async function ask(t: TestEngine, question: string, extra: Record<string, unknown> = {}): Promise<Task> {
  const { tasks } = await t.call<{ tasks: Task[] }>('tasks.ask', { question, repoPath: repo, agents: ['custom'], ...extra });
  return tasks[0]!;
}

const statuses = (t: TestEngine, ids: string[]) => ids.map((id) => t.latest(id)?.status);

describe('the task queue', () => {
  it('runs six tasks three at a time, in the order they were asked, with positions that count down', async () => {
    const t = await engine({ concurrency: 3 });
    let peak = 0;
    const started: string[] = [];
    t.engine.events.on('tasks.changed', ({ tasks }) => {
      for (const task of tasks) if (task.status === 'running' && !started.includes(task.id)) started.push(task.id);
      peak = Math.max(peak, t.engine.tasks.list().filter((task) => task.status === 'running').length);
    });
    const ids: string[] = [];
    for (let i = 1; i <= 6; i++) ids.push((await ask(t, `Question ${i} [wait q${i}]`)).id);

    await eventually(() => statuses(t, ids.slice(0, 3)).every((status) => status === 'running'), 'three tasks run');
    const { tasks: listed } = await t.call<{ tasks: Task[] }>('tasks.list');
    expect(listed.map((task) => [task.id, task.status, task.position])).toEqual([
      [ids[0], 'running', undefined], [ids[1], 'running', undefined], [ids[2], 'running', undefined],
      [ids[3], 'queued', 1], [ids[4], 'queued', 2], [ids[5], 'queued', 3],
    ]);
    expect((await t.note(ids[5]!)).summary.status).toBe('queued');

    // One finishes: the next in line starts, the others move up.
    await release('q2');
    await eventually(() => t.latest(ids[3]!)?.status === 'running', 'the fourth task starts');
    expect([t.latest(ids[4]!)?.position, t.latest(ids[5]!)?.position]).toEqual([1, 2]);
    await release('q1');
    await eventually(() => t.latest(ids[4]!)?.status === 'running', 'the fifth task starts');
    expect(t.latest(ids[5]!)).toMatchObject({ status: 'queued', position: 1 });
    for (const name of ['q3', 'q4', 'q5', 'q6']) await release(name);

    const finished = await t.finished(ids);
    expect(finished.map((task) => task.status)).toEqual(Array(6).fill('done'));
    expect(peak).toBe(3);
    expect(started).toEqual(ids);
    // Six notes of one codebase whose answers open with the same title: each gets its own.
    const titles = await Promise.all(ids.map(async (id) => (await t.note(id)).frontmatter!.title));
    for (const id of ids) expect((await t.note(id)).frontmatter).toMatchObject({ status: 'done', title: expect.stringMatching(/^Fake answer( \(\d\))?$/) });
    expect(new Set(titles).size).toBe(6);
  });

  it('takes a new concurrency setting at once: waiting tasks start without a restart', async () => {
    const t = await engine({ concurrency: 1 });
    const ids = [(await ask(t, 'A [wait a]')).id, (await ask(t, 'B [wait b]')).id, (await ask(t, 'C [wait c]')).id];
    await eventually(() => t.latest(ids[0]!)?.status === 'running', 'the first task runs');
    const { tasks: before } = await t.call<{ tasks: Task[] }>('tasks.list');
    expect(before.map((task) => [task.status, task.position])).toEqual([['running', undefined], ['queued', 1], ['queued', 2]]);

    const { tasks } = await t.call<{ tasks: { concurrency: number } }>('settings.update', { tasks: { concurrency: 3 } });
    expect(tasks.concurrency).toBe(3);
    await eventually(() => statuses(t, ids).every((status) => status === 'running'), 'all three run');
    for (const name of ['a', 'b', 'c']) await release(name);
    await t.finished(ids);
    expect((await t.call<{ tasks: { concurrency: number } }>('settings.get')).tasks.concurrency).toBe(3);
  });
});

describe('cancelling', () => {
  it('a queued task leaves the queue; a running one stops with its whole process group; both notes say cancelled', async () => {
    const marker = `cancel-${process.pid}-${Date.now()}`;
    const t = await engine({ concurrency: 1, customCommand: fakeAgent(marker) });
    const running = await ask(t, 'Think forever [stall]');
    const queued = await ask(t, 'Never mind [wait never]');
    await eventually(() => processesWith(marker).length > 0 && t.latest(running.id)?.progress.textChars, 'the agent talks');
    const pids = processesWith(marker);
    // While it runs, its note already shows what it said so far.
    const partial = await eventually(async () => {
      const note = await t.note(running.id);
      return note.body.includes('thinking about it...') && note;
    }, 'the note shows the partial answer');
    expect(partial.frontmatter).toMatchObject({ status: 'running' });

    const cancelledQueued = await t.call<Task>('tasks.cancel', { id: queued.id });
    expect(cancelledQueued).toMatchObject({ status: 'cancelled', error: 'Cancelled before it started.' });
    await t.call('tasks.cancel', { id: running.id });
    const [stopped] = await t.finished([running.id]);

    expect(stopped).toMatchObject({ status: 'cancelled', error: 'Cancelled while it was running.' });
    for (const pid of pids) expect(groupGone(pid) || processesWith(marker).length === 0).toBe(true);
    expect(processesWith(marker)).toEqual([]);
    const note = await t.note(running.id);
    expect(note.frontmatter).toMatchObject({ status: 'cancelled', error: 'Cancelled while it was running.' });
    expect(note.body).toContain('thinking about it...');
    // Said once, in the note's error (its banner): not again in the body, nor twice in a copy of it.
    expect(note.body).not.toMatch(/cancel/i);
    const bundle = await t.call<{ text: string }>('context.build', { ids: [running.id] });
    expect(bundle.text).toContain('Status: cancelled\nWarning: the task behind this note was cancelled before it finished, so the answer may be incomplete.\n');
    expect(bundle.text.match(/cancel/gi)).toHaveLength(2);
    const { events } = await t.call<{ events: Array<{ type: string }> }>('notes.transcript', { id: running.id });
    expect(events.map((event) => event.type)).toEqual(['text', 'exit']);
    expect((await t.note(queued.id)).frontmatter).toMatchObject({ status: 'cancelled' });
    // A finished task stays as it is.
    expect(await t.call<Task>('tasks.cancel', { id: running.id })).toMatchObject({ status: 'cancelled' });
  });

  it('a note deleted while its task runs: the task fails saying its answer had nowhere to go', async () => {
    const t = await engine();
    const asked = await ask(t, 'Answer slowly [pause deleted]');
    await eventually(() => t.latest(asked.id)?.progress.textChars, 'the agent talks');
    await t.call('notes.delete', { id: asked.id });
    await release('deleted');
    const [task] = await t.finished([asked.id]);
    expect(task).toMatchObject({ status: 'failed', error: 'Could not write the answer into this note: the note was moved or deleted while the task ran.' });
  });

  it('closing the engine interrupts running and queued tasks, and their notes say to retry', async () => {
    const t = await engine({ concurrency: 1 });
    const running = await ask(t, 'Think forever [stall]');
    const queued = await ask(t, 'Wait [wait never]');
    await eventually(() => t.latest(running.id)?.progress.textChars, 'the agent talks');
    await t.close();
    test = undefined;

    const reopened = await startEngine({ home: t.home, notebook: t.notebook });
    test = reopened;
    expect((await reopened.note(running.id)).frontmatter).toMatchObject({
      status: 'interrupted', error: 'Fieldnotes stopped while this task was running; retry it.',
    });
    expect((await reopened.note(running.id)).body).toContain('thinking about it...');
    expect((await reopened.note(queued.id)).frontmatter).toMatchObject({
      status: 'interrupted', error: 'Fieldnotes stopped before this task could start; retry it.',
    });
  });
});

describe('asking', () => {
  it('refuses what cannot work, saying how to fix it, and writes no note', async () => {
    const t = await engine({ customCommand: null });
    await mkdir(join(t.home, 'plain folder'));
    const fail = (input: Record<string, unknown>) => t.call('tasks.ask', { question: 'Why?', repoPath: repo, agents: ['custom'], ...input });

    await expect(fail({})).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/No custom command is configured.*Settings/) });
    await expect(fail({ agents: ['cursor'] })).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('Known agents: claude-code, codex, gemini') });
    await t.call('settings.update', { tasks: { customCommand: fakeAgent() } });
    await expect(fail({ repoPath: 'relative/path' })).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/full path/) });
    await expect(fail({ repoPath: join(t.home, 'missing') })).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/does not exist/) });
    await expect(fail({ repoPath: undefined })).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/Explain mode needs a codebase/) });
    await expect(fail({ repoPath: join(t.home, 'plain folder'), mode: 'poc' })).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/no git repository.*explain mode/) });
    await expect(fail({ context: ['01JDZ8Q6X7M3N4P5R6S7T8V9W0'] })).rejects.toMatchObject({ code: 'NOTE_NOT_FOUND' });
    await expect(t.call('settings.update', { tasks: { concurrency: 0 } })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect((await t.call<{ notes: unknown[] }>('notes.list')).notes).toEqual([]);
  });

  it('says which agent CLIs are not installed and how to install them, in the list and when asked', async () => {
    test = await startEngine({ tasks: {}, env: { PATH: join(process.execPath, '..'), HOME: repo } });
    const { agents } = await test.call<{ agents: Array<{ id: string; available: boolean; reason?: string; installHint?: string; cloud?: unknown }> }>('agents.list');
    // The cloud agents (listed after the local ones) say how to sign in instead: see cloud-*.test.ts.
    expect(agents.filter((agent) => !agent.available && !agent.cloud).map((agent) => [agent.id, agent.installHint])).toEqual([
      ['claude-code', 'npm install -g @anthropic-ai/claude-code'],
      ['codex', 'npm install -g @openai/codex'],
      ['gemini', 'npm install -g @google/gemini-cli'],
    ]);
    for (const [agent, label, hint] of [['claude-code', 'Claude Code', '@anthropic-ai/claude-code'], ['codex', 'Codex CLI', '@openai/codex'], ['gemini', 'Gemini CLI', '@google/gemini-cli']]) {
      await expect(test.call('tasks.ask', { question: 'Hello?', repoPath: repo, agents: [agent] })).rejects.toMatchObject({
        code: 'UNAVAILABLE',
        message: `${label} is not installed: no \`${agent === 'claude-code' ? 'claude' : agent}\` command on PATH. Install it with \`npm install -g ${hint}\`, or set its executable in Settings.`,
      });
    }
  });

  it('remembers the codebases asked about, most recent first', async () => {
    const t = await engine();
    const other = await makeRepo({ 'x.md': 'x' }, 'other-repo');
    await t.call('repos.add', { path: other });
    await ask(t, 'Quick one').then((task) => t.finished([task.id]));
    const { repos } = await t.call<{ repos: Array<{ name: string; isGit: boolean; commit?: string; branch?: string }> }>('repos.recent');
    expect(repos.map((r) => r.name)).toEqual(['queue-repo', 'other-repo']);
    expect(repos[0]).toMatchObject({ isGit: true, branch: 'main', commit: expect.stringMatching(/^[0-9a-f]{40}$/) });
    await expect(t.call('repos.chooseFolder')).rejects.toMatchObject({ code: 'UNSUPPORTED' });
  });

  it('registers the folder picked in the system dialog, where there is one', async () => {
    let answer: string | null = repo;
    const asked: string[] = [];
    test = await startEngine({ ports: {
      openPath: async () => undefined,
      revealPath: async () => undefined,
      chooseFolder: async (title, button) => {
        asked.push(`${title} / ${button}`);
        return answer;
      },
    } });
    expect(await test.call('repos.chooseFolder')).toMatchObject({ name: 'queue-repo', path: repo, isGit: true });
    answer = null;
    expect(await test.call('repos.chooseFolder')).toBeNull();
    expect(asked).toEqual(['Choose a codebase to ask about / Choose Codebase', 'Choose a codebase to ask about / Choose Codebase']);
    expect((await test.call<{ repos: Array<{ path: string }> }>('repos.recent')).repos.map((r) => r.path)).toEqual([repo]);
  });
});
