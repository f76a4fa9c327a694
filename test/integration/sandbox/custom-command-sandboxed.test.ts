// A custom command that tries every way to write, run as a task inside the OS sandbox: in explain
// each write fails read-only and the note says so; in poc the writes land in the scratch checkout only.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../../../shared/model/task';
import { gitIn, makeRepo } from '../../support/git-repo';
import { FIXTURES } from '../../support/paths';
import { entries, hostTmpProbe, noSandbox } from '../../support/sandbox-stage';
import { tempDir } from '../../support/temp';
import { startEngine, type TestEngine } from '../tasks/task-harness';

const WRITER = join(FIXTURES, 'fake-agents', 'writer-agent.mjs');

describe.skipIf(noSandbox)('a custom command in the OS sandbox', () => {
  let t: TestEngine;
  let repo: string;
  let home: string;
  const probe = hostTmpProbe();

  beforeAll(async () => {
    repo = await makeRepo({ 'README.md': 'hello\n', 'docs/recipe.md': 'cardamom\n' }, 'sandbox-repo');
    home = await tempDir('fieldnotes-sandbox-home-');
    t = await startEngine({
      tasks: { sandbox: 'auto', customCommand: { label: 'Writer', argv: [process.execPath, WRITER] } },
      env: { ...process.env, HOME: home, PROBE_TMP: probe, PROBE_READ: join(repo, 'docs/recipe.md') },
    });
  });
  afterAll(() => t.close());

  async function ask(mode: 'explain' | 'poc'): Promise<Task> {
    const { tasks } = await t.call<{ tasks: Task[] }>('tasks.ask', { question: 'Write everywhere.', mode, repoPath: repo, agents: ['custom'] });
    const [task] = await t.finished(tasks.map((one) => one.id));
    return task!;
  }

  it('agents.list says in words, for each mode, what the sandbox lets every agent do', async () => {
    const { agents } = await t.call<{ agents: Array<{ id: string; cloud?: unknown; modes: Record<'explain' | 'poc', { osSandbox?: string }> }> }>('agents.list');
    // Cloud agents run on their service's machines, not in this one's sandbox.
    for (const agent of agents.filter((each) => each.cloud === undefined)) {
      expect(agent.modes.explain.osSandbox).toBe('OS sandbox (bwrap): the whole disk is read-only to the agent; it may write only the agent’s own '
        + 'state folders, and /tmp is its own. Network: on (it needs its model).');
      expect(agent.modes.poc.osSandbox).toContain('it may write only the scratch checkout and the agent’s own state folders');
    }
  });

  it('explain: every write is denied read-only, reads work, /tmp is its own, and the note says so', async () => {
    const head = gitIn(repo, 'rev-parse', 'HEAD');
    const task = await ask('explain');

    expect(task).toMatchObject({ status: 'done', sandbox: 'bwrap' });
    expect(task.permissions).toContain('OS sandbox (bwrap)');
    const { body, frontmatter } = await t.note(task.id);
    expect(frontmatter?.agent).toMatchObject({ id: 'custom', sandbox: 'bwrap' });
    for (const what of ['new file', 'echo', 'sed -i', 'git commit', 'home']) expect(body).toMatch(new RegExp(`denied ${what}: .*[Rr]ead-only file system`));
    // Its private /tmp takes the write and gives it back; the machine's /tmp never sees it.
    expect(body).toContain('wrote tmp');
    expect(body).toContain('tmp reads back: kept in tmp');
    expect(body).toContain('read: cardamom');
    expect(existsSync(probe)).toBe(false);
    expect(gitIn(repo, 'status', '--porcelain')).toBe('');
    expect(gitIn(repo, 'rev-parse', 'HEAD')).toBe(head);
    expect(entries(home)).toEqual([]);
  });

  it('poc: the writes land in the scratch checkout (a commit there too), the diff is kept, nothing else changes', async () => {
    const head = gitIn(repo, 'rev-parse', 'HEAD');
    const task = await ask('poc');

    expect(task).toMatchObject({ status: 'done', sandbox: 'bwrap' });
    const { body } = await t.note(task.id);
    for (const what of ['new file', 'echo', 'sed -i', 'git commit']) expect(body).toContain(`wrote ${what}`);
    expect(body).toMatch(/denied home: .*[Rr]ead-only file system/);
    expect(await readFile(join(task.scratchDir!, 'new-file.txt'), 'utf8')).toBe('x');
    expect(await readFile(join(task.scratchDir!, 'README.md'), 'utf8')).toBe('changEd\n');
    expect(gitIn(task.scratchDir!, 'log', '-1', '--format=%s').trim()).toBe('agent');
    expect(body).toContain(`${task.id}.patch`);
    expect(existsSync(probe)).toBe(false);
    expect(gitIn(repo, 'status', '--porcelain')).toBe('');
    expect(gitIn(repo, 'rev-parse', 'HEAD')).toBe(head);
    expect(await readFile(join(repo, 'README.md'), 'utf8')).toBe('hello\n');
    expect(entries(home)).toEqual([]);
  });
});
