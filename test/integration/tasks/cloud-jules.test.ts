// Jules as a cloud agent, against a scripted Jules API on 127.0.0.1: a question becomes a session
// on the pushed branch, is followed to its end, and its result becomes the note; failures, feedback,
// rate limits, missing sign-in and repositories Jules cannot see each say what to do.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Task } from '../../../shared/model/task';
import { JulesServer } from '../../fixtures/cloud-services/jules-server';
import { gitIn, makeRepo } from '../../support/git-repo';
import { tempDir } from '../../support/temp';
import { SAMPLE_PATCH, pushedRepo } from '../../support/pushed-repo';
import { eventually, startEngine, type TestEngine } from './task-harness';

let jules: JulesServer;
let test: TestEngine | undefined;

beforeEach(async () => {
  jules = await new JulesServer().start();
});
afterEach(async () => {
  await test?.close();
  test = undefined;
  await jules.close();
});

function engine(options: { key?: string | null; home?: string; concurrency?: number } = {}): Promise<TestEngine> {
  const env = { ...process.env, JULES_API_KEY: options.key === null ? undefined : (options.key ?? jules.key) };
  delete (env as Record<string, unknown>).GITHUB_TOKEN;
  return startEngine({
    env,
    ...(options.home ? { home: options.home } : {}),
    tasks: { cloud: { julesBaseUrl: jules.baseUrl }, ...(options.concurrency ? { concurrency: options.concurrency } : {}) },
  });
}

async function ask(t: TestEngine, repoPath: string, mode: 'explain' | 'poc' = 'poc'): Promise<Task> {
  const { tasks } = await t.call<{ tasks: Task[] }>('tasks.ask', { question: 'Make the widget two', repoPath, mode, agents: ['jules'] });
  return tasks[0]!;
}

describe('Jules', () => {
  it('sends the question on the pushed branch, follows the session, and makes its result the note', async () => {
    jules.script = { states: ['QUEUED', 'PLANNING', 'IN_PROGRESS', 'COMPLETED'], message: 'Widget is two now\n\nI changed the constant.', patch: SAMPLE_PATCH, pr: 'https://github.com/acme/widgets/pull/7', progress: 120 };
    test = await engine();
    const repo = await pushedRepo();
    const task = await ask(test, repo);
    expect(task.agent).toBe('jules');
    expect(task.permissions).toContain('the question and the code leave this machine');
    const [done] = await test.finished([task.id]);
    expect(done!.status).toBe('done');
    expect(done!.cloud).toMatchObject({ state: 'COMPLETED', url: 'https://jules.google.com/session/000001', pr: 'https://github.com/acme/widgets/pull/7', branch: 'main' });

    const create = jules.requests.find((request) => request.method === 'POST')!;
    expect(create.headers['x-goog-api-key']).toBe(jules.key);
    expect(create.body).toMatchObject({
      sourceContext: { source: 'sources/github/acme/widgets', githubRepoContext: { startingBranch: 'main' } },
      automationMode: 'AUTO_CREATE_PR',
    });
    expect((create.body as { prompt: string }).prompt).toContain('Make the widget two');

    const note = await test.note(task.id);
    expect(note.frontmatter).toMatchObject({
      status: 'done',
      title: 'Widget is two now',
      agent: { id: 'jules', task_id: '000001', task_url: 'https://jules.google.com/session/000001' },
      pr: 'https://github.com/acme/widgets/pull/7',
    });
    expect(note.body).toContain('I changed the constant.');
    expect(note.body).toContain('`src/widget.ts`');
    expect(readFileSync(join(test.notebook, '.fieldnotes', 'artifacts', task.id, `${task.id}.patch`), 'utf8')).toBe(SAMPLE_PATCH);
    // 120 progress updates put the message and the patch on the second page of activities (100 a page).
    const pages = jules.requests.filter((request) => request.path.includes('/activities')).map((request) => new URL(request.path, 'http://x').searchParams);
    expect(pages.map((query) => [query.get('pageSize'), query.get('pageToken')])).toEqual([['100', null], ['100', '100']]);
    // The key never reaches the notebook.
    const files = readdirSync(test.notebook, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    for (const file of files) expect(readFileSync(join(file.parentPath, file.name), 'utf8')).not.toContain(jules.key);
  });

  it('does not take a slot of the local queue: two tasks run at once with a concurrency of one', async () => {
    jules.hold = true;
    jules.script = { states: ['IN_PROGRESS', 'COMPLETED'], message: 'Fine.' };
    test = await engine({ concurrency: 1 });
    const repo = await pushedRepo();
    const first = await ask(test, repo, 'explain');
    const second = await ask(test, repo, 'explain');
    await eventually(() => test!.latest(first.id)?.cloud?.state === 'IN_PROGRESS' && test!.latest(second.id)?.cloud?.state === 'IN_PROGRESS', 'both sessions run');
    const explain = jules.requests.find((request) => request.method === 'POST')!;
    expect(explain.body).not.toHaveProperty('automationMode');
    jules.release();
    expect((await test.finished([first.id, second.id])).map((task) => task.status)).toEqual(['done', 'done']);
  });

  it('a session that sent no message keeps its pull request\'s title and description as the note', async () => {
    jules.script = { states: ['IN_PROGRESS', 'COMPLETED'], patch: SAMPLE_PATCH, pr: 'https://github.com/acme/widgets/pull/8', prDescription: 'Sets the widget to two.' };
    test = await engine();
    const task = await ask(test, await pushedRepo());
    expect((await test.finished([task.id]))[0]!.status).toBe('done');
    const note = await test.note(task.id);
    expect(note.frontmatter).toMatchObject({ title: 'Change the widget', pr: 'https://github.com/acme/widgets/pull/8' });
    expect(note.body).toContain('Sets the widget to two.');
  });

  it('a failed session ends as a failed note saying why', async () => {
    jules.script = { states: ['IN_PROGRESS', 'FAILED'], failReason: 'The setup script exited with code 1.' };
    test = await engine();
    const task = await ask(test, await pushedRepo());
    const [failed] = await test.finished([task.id]);
    expect(failed!.status).toBe('failed');
    expect(failed!.error).toContain('The setup script exited with code 1.');
    const note = await test.note(task.id);
    expect(note.frontmatter).toMatchObject({ status: 'failed', agent: { task_url: 'https://jules.google.com/session/000001' } });
    expect(note.body).toContain('**Failed:** Jules ended the session as failed: The setup script exited with code 1.');
  });

  it('a session waiting for feedback says so on the task, with where to answer, and is followed on', async () => {
    jules.script = { states: ['IN_PROGRESS', 'AWAITING_USER_FEEDBACK', 'IN_PROGRESS', 'COMPLETED'], message: 'Compared against main.' };
    jules.hold = false;
    test = await engine();
    const task = await ask(test, await pushedRepo(), 'explain');
    // The scripted service moves on at each look; catch the waiting state as it passes.
    const waiting = await eventually(() => test!.events.some((event) => event.name === 'tasks.changed'
      && (event.payload as { tasks: Task[] }).tasks.some((t) => t.id === task.id && t.cloud?.state === 'AWAITING_USER_FEEDBACK'
        && t.cloud.message?.includes('Jules waits for your feedback') && t.cloud.message.includes('https://jules.google.com/session/000001'))), 'the task shows the question');
    expect(waiting).toBe(true);
    const [done] = await test.finished([task.id]);
    expect(done!.status).toBe('done');
    expect((await test.note(task.id)).body).toContain('Compared against main.');
  });

  it('a paused session says where to resume it and is followed on', async () => {
    jules.script = { states: ['IN_PROGRESS', 'PAUSED', 'IN_PROGRESS', 'COMPLETED'], message: 'Resumed and done.' };
    test = await engine();
    const task = await ask(test, await pushedRepo(), 'explain');
    const paused = await eventually(() => test!.events.some((event) => event.name === 'tasks.changed'
      && (event.payload as { tasks: Task[] }).tasks.some((t) => t.id === task.id && t.cloud?.state === 'PAUSED'
        && t.cloud.message === 'Jules paused the session: resume it at https://jules.google.com/session/000001; Fieldnotes keeps following it.')), 'the task shows the pause');
    expect(paused).toBe(true);
    expect((await test.finished([task.id]))[0]!.status).toBe('done');
  });

  it('waits out a rate limit and goes on', async () => {
    jules.script = { states: ['IN_PROGRESS', 'COMPLETED'], message: 'Done after the limit.' };
    jules.rateLimited = 2;
    test = await engine();
    const task = await ask(test, await pushedRepo(), 'explain');
    // Limited again while it is followed.
    await eventually(() => test!.latest(task.id)?.cloud?.state === 'IN_PROGRESS' || test!.latest(task.id)?.status === 'done', 'the session runs');
    jules.rateLimited = 2;
    const [done] = await test.finished([task.id]);
    expect(done!.status).toBe('done');
    const transcript = readFileSync(join(test.notebook, '.fieldnotes', 'transcripts', `${task.id}.jsonl`), 'utf8');
    expect(transcript).toContain('Jules is rate limiting requests');
  });

  it('without an API key, asking says how to sign in', async () => {
    test = await engine({ key: null });
    await expect(ask(test, await pushedRepo())).rejects.toThrow(/Jules is not signed in\. Create an API key .* set JULES_API_KEY, or enter it in Settings/);
    const { agents } = await test.call<{ agents: Array<{ id: string; available: boolean; cloud?: unknown }> }>('agents.list');
    expect(agents.find((agent) => agent.id === 'jules')).toMatchObject({ available: false, cloud: { service: "Google's Jules service" } });
  });

  it('a refused key ends the task with what to do', async () => {
    test = await engine({ key: 'wrong-key-0123456789' });
    const task = await ask(test, await pushedRepo());
    const [failed] = await test.finished([task.id]);
    expect(failed!.status).toBe('failed');
    expect(failed!.error).toMatch(/Jules refused the credential \(HTTP 401: API key not valid\.\)\. Create an API key/);
    expect((await test.note(task.id)).body).toContain('**Failed:** Jules refused the credential');
  });

  it('a codebase without a GitHub remote, or with an unpushed commit, says what to do', async () => {
    test = await engine();
    const local = await makeRepo({ 'a.txt': 'a\n' });
    await expect(ask(test, local)).rejects.toThrow(/has no `origin` remote\. Create the repository on GitHub, then `git remote add origin/);
    const elsewhere = await makeRepo({ 'a.txt': 'a\n' }, 'elsewhere');
    gitIn(elsewhere, 'remote', 'add', 'origin', 'https://gitlab.com/acme/elsewhere.git');
    await expect(ask(test, elsewhere)).rejects.toThrow(/not github\.com/);
    const repo = await pushedRepo();
    gitIn(repo, 'switch', '-q', '-c', 'feature');
    await expect(ask(test, repo)).rejects.toThrow(/the branch feature is not pushed to acme\/widgets\. Push it first: `git push -u origin feature`/);
    gitIn(repo, 'switch', '-q', 'main');
    gitIn(repo, 'commit', '-q', '--allow-empty', '-m', 'local only');
    await expect(ask(test, repo)).rejects.toThrow(/1 local commit is not pushed to acme\/widgets \(branch main\)\. Push first: `git push origin main`/);
    expect(jules.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
  });

  it('a restart during a session follows it again and completes its note', async () => {
    jules.hold = true;
    jules.script = { states: ['IN_PROGRESS', 'COMPLETED'], message: 'Finished while you were away.' };
    const home = await tempDir('fieldnotes-cloud-restart-');
    test = await engine({ home });
    const repo = await pushedRepo();
    const task = await ask(test, repo, 'explain');
    await eventually(() => test!.latest(task.id)?.cloud?.state === 'IN_PROGRESS', 'the session runs');
    await test.close();
    const left = await (async () => {
      const again = await engine({ home });
      const note = await again.note(task.id);
      return { again, note };
    })();
    test = left.again;
    // Recovery followed it instead of marking it interrupted.
    expect(left.note.frontmatter?.status).toBe('running');
    expect(left.note.frontmatter?.agent).toMatchObject({ task_id: '000001' });
    jules.release();
    await eventually(async () => (await test!.note(task.id)).frontmatter?.status === 'done', 'the note is done');
    const note = await test.note(task.id);
    expect(note.body).toContain('Finished while you were away.');
    expect(existsSync(join(test.notebook, '.fieldnotes', 'running', `${task.id}.json`))).toBe(false);
  });
});
