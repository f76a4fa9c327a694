// The Copilot coding agent as a cloud agent, against a scripted GitHub agent tasks API on
// 127.0.0.1: the task is created on the pushed branch with the user's token, followed to its pull
// request, whose description and diff become the note; failures, time-outs, waiting for the user,
// rate limits and a missing token each say what to do.
import { mkdir, writeFile, chmod } from 'node:fs/promises';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Task } from '../../../shared/model/task';
import { GitHubServer } from '../../fixtures/cloud-services/github-server';
import { tempDir } from '../../support/temp';
import { SAMPLE_PATCH, pushedRepo } from '../../support/pushed-repo';
import { eventually, startEngine, type TestEngine } from './task-harness';

let github: GitHubServer;
let test: TestEngine | undefined;

beforeEach(async () => {
  github = await new GitHubServer().start();
});
afterEach(async () => {
  await test?.close();
  test = undefined;
  await github.close();
});

/** An environment without the machine's own GitHub sign-in: only what the test gives. */
async function cleanEnv(extra: Record<string, string> = {}): Promise<Record<string, string>> {
  const bin = await tempDir('fieldnotes-bin-');
  return { PATH: bin, HOME: await tempDir('fieldnotes-home-'), ...extra };
}

async function engine(env: Record<string, string>): Promise<TestEngine> {
  return startEngine({ env, tasks: { cloud: { githubApiUrl: github.baseUrl } } });
}

async function ask(t: TestEngine, repoPath: string, mode: 'explain' | 'poc' = 'poc'): Promise<Task> {
  const { tasks } = await t.call<{ tasks: Task[] }>('tasks.ask', { question: 'Make the widget two', repoPath, mode, agents: ['copilot'] });
  return tasks[0]!;
}

describe('Copilot coding agent', () => {
  it('creates the task on the pushed branch and makes its pull request the note', async () => {
    github.script = { states: ['queued', 'in_progress', 'in_progress', 'completed'], body: 'Widget is two\n\nChanged the constant in `src/widget.ts`.', diff: SAMPLE_PATCH };
    test = await engine(await cleanEnv({ GITHUB_TOKEN: github.token }));
    const task = await ask(test, await pushedRepo());
    const [done] = await test.finished([task.id]);
    expect(done!.status).toBe('done');
    expect(done!.cloud).toMatchObject({ state: 'completed', pr: 'https://github.com/acme/widgets/pull/42', url: 'https://github.com/acme/widgets/tasks/task-1' });
    const create = github.requests.find((request) => request.method === 'POST')!;
    expect(create.path).toBe('/agents/repos/acme/widgets/tasks');
    expect(create.body).toMatchObject({ base_ref: 'main', create_pull_request: true });
    expect(create.headers['x-github-api-version']).toBe('2022-11-28');
    // The task names its pull request by id only (a `pull` artifact): it is found through the task's branch.
    const lookup = new URL(github.requests.find((request) => request.path.startsWith('/repos/acme/widgets/pulls?'))!.path, 'http://x');
    expect(lookup.searchParams.get('head')).toBe('acme:copilot/task-1');
    expect(lookup.searchParams.get('state')).toBe('all');
    const note = await test.note(task.id);
    expect(note.frontmatter).toMatchObject({
      status: 'done', title: 'Widget is two', pr: 'https://github.com/acme/widgets/pull/42',
      agent: { id: 'copilot', task_id: 'acme/widgets/task-1', task_url: 'https://github.com/acme/widgets/tasks/task-1' },
    });
    expect(note.body).toContain('Changed the constant');
    expect(readFileSync(join(test.notebook, '.fieldnotes', 'artifacts', task.id, `${task.id}.patch`), 'utf8')).toBe(SAMPLE_PATCH);
  });

  it('takes the token from `gh auth token` when no variable holds one', async () => {
    github.script = { states: ['in_progress', 'completed'], body: 'Fine.', diff: SAMPLE_PATCH };
    const env = await cleanEnv();
    await writeFile(join(env.PATH!, 'gh'), `#!/bin/sh\n[ "$1 $2" = "auth token" ] && echo ${github.token} && exit 0\nexit 1\n`);
    await chmod(join(env.PATH!, 'gh'), 0o755);
    test = await engine(env);
    const task = await ask(test, await pushedRepo());
    expect((await test.finished([task.id]))[0]!.status).toBe('done');
  });

  it('a failed or timed-out task ends as a failed note saying why', async () => {
    github.script = { states: ['in_progress', 'failed'], failure: 'The firewall blocked npm install.' };
    test = await engine(await cleanEnv({ GITHUB_TOKEN: github.token }));
    const repo = await pushedRepo();
    const failed = await ask(test, repo);
    expect((await test.finished([failed.id]))[0]!.error).toBe('Copilot ended the task as failed: The firewall blocked npm install.');
    github.script = { states: ['in_progress', 'timed_out'] };
    const late = await ask(test, repo);
    const [timedOut] = await test.finished([late.id]);
    expect(timedOut!.status).toBe('failed');
    expect(timedOut!.error).toBe('Copilot timed the task out.');
    expect((await test.note(late.id)).body).toContain('**Failed:** Copilot timed the task out.');
  });

  it('a task waiting for the user says where to answer', async () => {
    github.script = { states: ['in_progress', 'waiting_for_user'] };
    test = await engine(await cleanEnv({ GITHUB_TOKEN: github.token }));
    const task = await ask(test, await pushedRepo());
    const waiting = await eventually(() => test!.latest(task.id)?.cloud?.state === 'waiting_for_user' && test!.latest(task.id), 'the task waits');
    expect(waiting.cloud?.message).toContain('Copilot waits for you on https://github.com/acme/widgets/pull/42: answer it there');
    expect(waiting.status).toBe('running');
    await test.call('tasks.cancel', { id: task.id });
    const [cancelled] = await test.finished([task.id]);
    expect(cancelled!.status).toBe('cancelled');
    expect(cancelled!.error).toContain('cannot be cancelled from outside: the task may still run at https://github.com/acme/widgets/tasks/task-1');
  });

  it('waits out the rate limit, primary (quota spent) and secondary (retry-after)', async () => {
    github.script = { states: ['in_progress', 'completed'], body: 'Fine.' };
    github.rateLimited = 2;
    github.secondaryLimited = 1;
    test = await engine(await cleanEnv({ GITHUB_TOKEN: github.token }));
    const task = await ask(test, await pushedRepo(), 'explain');
    expect((await test.finished([task.id]))[0]!.status).toBe('done');
    const explain = github.requests.find((request) => request.method === 'POST' && request.body)!;
    expect(explain.body).toMatchObject({ create_pull_request: false });
    expect(readFileSync(join(test.notebook, '.fieldnotes', 'transcripts', `${task.id}.jsonl`), 'utf8')).toContain('GitHub is rate limiting requests');
  });

  it('without a token, asking says how to sign in; a token entered in Settings is kept 0600 outside the notebook', async () => {
    const env = await cleanEnv();
    const home = await tempDir('fieldnotes-copilot-home-');
    await mkdir(home, { recursive: true });
    test = await startEngine({ env, home, tasks: { cloud: { githubApiUrl: github.baseUrl } } });
    const repo = await pushedRepo();
    await expect(ask(test, repo)).rejects.toThrow(/Copilot coding agent is not signed in\. Sign in with `gh auth login`/);
    await expect(test.call('agents.setCredential', { agent: 'copilot', credential: github.token })).resolves.toEqual({ agent: 'copilot', stored: true, available: true });
    const file = join(home, 'cloud-credentials.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(home, 'settings.json'), 'utf8')).not.toContain(github.token);
    github.script = { states: ['in_progress', 'completed'], body: 'Fine.' };
    const task = await ask(test, repo, 'explain');
    expect((await test.finished([task.id]))[0]!.status).toBe('done');
    for (const entry of readdirSync(test.notebook, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())) {
      expect(readFileSync(join(entry.parentPath, entry.name), 'utf8')).not.toContain(github.token);
    }
    await expect(test.call('agents.setCredential', { agent: 'copilot', credential: null })).resolves.toEqual({ agent: 'copilot', stored: false, available: false });
  });
});
