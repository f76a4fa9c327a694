// Codex Cloud as a cloud agent, through `codex cloud`. Its backend refuses local servers, so the
// tasks run a stand-in `codex` that reproduces the documented output and exit codes; one test
// checks that the real CLI (test/agent-clis) still has the subcommands and options used.
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Task } from '../../../shared/model/task';
import { FIXTURES, ROOT } from '../../support/paths';
import { tempDir } from '../../support/temp';
import { SAMPLE_PATCH, pushedRepo } from '../../support/pushed-repo';
import { startEngine, type TestEngine } from './task-harness';

const STANDIN = join(FIXTURES, 'cloud-services', 'codex-cloud-standin.mjs');
const REAL_CODEX = join(ROOT, 'test', 'agent-clis', 'node_modules', '.bin', 'codex');

let test: TestEngine | undefined;
afterEach(async () => {
  await test?.close();
  test = undefined;
});

interface Script {
  states: string[];
  title?: string;
  diff?: string;
  /** Tasks of other questions listed before this one, so finding it takes pages of `list`. */
  otherTasks?: number;
  signedIn?: boolean;
  rateLimited?: number;
}

async function standIn(script: Script): Promise<{ dir: string; env: Record<string, string>; calls: () => string[][] }> {
  const dir = await tempDir('fieldnotes-codex-cloud-');
  const bin = join(dir, 'bin');
  await mkdir(bin);
  await writeFile(join(bin, 'codex'), `#!/bin/sh\nexec "${process.execPath}" "${STANDIN}" "$@"\n`);
  await chmod(join(bin, 'codex'), 0o755);
  await writeFile(join(dir, 'script.json'), JSON.stringify({ title: 'Make the widget two', signedIn: true, ...script }));
  return {
    dir,
    env: { PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: dir, FAKE_CODEX_CLOUD_DIR: dir },
    calls: () => readFileSync(join(dir, 'calls.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as string[]),
  };
}

async function engine(env: Record<string, string>, environment: string | null = 'env_acme'): Promise<TestEngine> {
  return startEngine({ env, tasks: { cloud: environment ? { codexEnvironment: environment } : {} } });
}

async function ask(t: TestEngine, repoPath: string): Promise<Task> {
  const { tasks } = await t.call<{ tasks: Task[] }>('tasks.ask', { question: 'Make the widget two', repoPath, mode: 'poc', agents: ['codex-cloud'] });
  return tasks[0]!;
}

describe('Codex Cloud', () => {
  it('submits with `codex cloud exec` on the pushed branch, follows `status`, and keeps the title, the diff stats from `list --json` and `diff`', async () => {
    const codex = await standIn({ states: ['PENDING', 'PENDING', 'READY'], title: 'Widget is two', diff: SAMPLE_PATCH, otherTasks: 25 });
    test = await engine(codex.env);
    const task = await ask(test, await pushedRepo());
    const [done] = await test.finished([task.id]);
    expect(done!.status).toBe('done');
    expect(done!.cloud?.state).toBe('READY');
    const exec = codex.calls().find((call) => call[1] === 'exec')!;
    expect(exec.slice(0, 6)).toEqual(['cloud', 'exec', '--env', 'env_acme', '--branch', 'main']);
    expect(exec.at(-1)).toContain('Make the widget two');
    const note = await test.note(task.id);
    expect(note.frontmatter).toMatchObject({ status: 'done', title: 'Widget is two', agent: { id: 'codex-cloud', version: '0.171.0' } });
    expect(note.frontmatter?.agent?.task_url).toMatch(/^https:\/\/chatgpt\.com\/codex\/tasks\/task_e_\d+$/);
    expect(note.body).toContain("`codex cloud` gives the task's title and diff, not its final message. It changed 1 file (+1/-1).");
    // The task is found by paging `list --json` on with its cursor (20 a page).
    const lists = codex.calls().filter((call) => call[1] === 'list');
    expect(lists.map((call) => call.slice(2))).toEqual([['--json', '--env', 'env_acme', '--limit', '20'], ['--json', '--env', 'env_acme', '--limit', '20', '--cursor', '20']]);
    expect(readFileSync(join(test.notebook, '.fieldnotes', 'artifacts', task.id, `${task.id}.patch`), 'utf8')).toBe(SAMPLE_PATCH);
  });

  it('a task that ends in ERROR is a failed note', async () => {
    const codex = await standIn({ states: ['PENDING', 'ERROR'] });
    test = await engine(codex.env);
    const task = await ask(test, await pushedRepo());
    const [failed] = await test.finished([task.id]);
    expect(failed!.status).toBe('failed');
    expect(failed!.error).toContain('Codex Cloud ended the task with an error (“Make the widget two”)');
  });

  it('not signed in: the task fails saying to run `codex login`', async () => {
    const codex = await standIn({ states: ['READY'], signedIn: false });
    test = await engine(codex.env);
    const task = await ask(test, await pushedRepo());
    const [failed] = await test.finished([task.id]);
    expect(failed!.status).toBe('failed');
    expect(failed!.error).toBe('Codex Cloud is not signed in. Sign in with `codex login` (a ChatGPT account with Codex Cloud), then ask again.');
  });

  it('without an environment in Settings, or without codex, asking says what to do', async () => {
    const codex = await standIn({ states: ['READY'] });
    test = await engine(codex.env, null);
    await expect(ask(test, await pushedRepo())).rejects.toThrow(/set its id in Settings → Cloud agents \(`codex cloud` lists them/);
    await test.close();
    test = await engine({ PATH: join(codex.dir, 'nothing'), HOME: codex.dir });
    await expect(ask(test, await pushedRepo())).rejects.toThrow(/no `codex` command on PATH\. Install it with `npm install -g @openai\/codex`/);
  });

  it('a rate-limited status is waited out', async () => {
    const codex = await standIn({ states: ['PENDING', 'READY'], title: 'Fine.' });
    test = await startEngine({ env: codex.env, tasks: { cloud: { codexEnvironment: 'env_acme' } }, cloudPoll: { firstMs: 20, maxMs: 50 } });
    await writeFile(join(codex.dir, 'hold'), '');
    const task = await ask(test, await pushedRepo());
    await writeFile(join(codex.dir, 'script.json'), JSON.stringify({ states: ['PENDING', 'READY'], title: 'T', signedIn: true, rateLimited: 2 }));
    await rm(join(codex.dir, 'hold'));
    const [done] = await test.finished([task.id]);
    expect(done!.status).toBe('done');
    expect(readFileSync(join(test.notebook, '.fieldnotes', 'transcripts', `${task.id}.jsonl`), 'utf8')).toContain('Codex Cloud is rate limiting requests');
  });

  it('the real codex CLI still offers the `codex cloud` subcommands and options used', async () => {
    const home = await tempDir('fieldnotes-codex-home-');
    const help = (...args: string[]) => execFileSync(REAL_CODEX, ['cloud', ...args, '--help'], { encoding: 'utf8', cwd: home, env: { ...process.env, CODEX_HOME: home } });
    const top = help();
    for (const command of ['exec', 'status', 'list', 'diff']) expect(top).toMatch(new RegExp(`^\\s+${command}\\s`, 'm'));
    expect(help('exec')).toMatch(/--env <ENV_ID>[\s\S]*--branch <BRANCH>/);
    expect(help('status')).toContain('<TASK_ID>');
    expect(help('diff')).toContain('<TASK_ID>');
    expect(help('list')).toMatch(/--json[\s\S]*|--env <ENV_ID>/);
    expect(help('list')).toContain('--json');
  });
});
