// A custom command that tries every way to write, run as a task in a container (Podman or Docker,
// where one runs here): in explain each write fails read-only and reads work; in poc the writes land
// in the scratch checkout only and the diff is kept. Skips, saying why, where no engine runs.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../../../shared/model/task';
import { containerStage, type ContainerStage } from '../../support/container-stage';
import { gitIn, makeRepo } from '../../support/git-repo';
import { FIXTURES } from '../../support/paths';
import { entries, hostTmpProbe } from '../../support/sandbox-stage';
import { tempDir } from '../../support/temp';
import { startEngine, type TestEngine } from '../tasks/task-harness';

const WRITER = join(FIXTURES, 'fake-agents', 'writer-agent.mjs');
const stage = 'reason' in containerStage ? null : containerStage;

describe.skipIf(!stage)(`a custom command in a container (${stage?.engine ?? 'no engine'})`, () => {
  const { engine, image } = stage ?? ({} as ContainerStage);
  let t: TestEngine;
  let repo: string;
  let home: string;
  const probe = hostTmpProbe();

  beforeAll(async () => {
    repo = await makeRepo({ 'README.md': 'hello\n', 'docs/recipe.md': 'cardamom\n' }, 'container-repo');
    home = await tempDir('fieldnotes-container-home-');
    t = await startEngine({
      // `node` by name: the image's own Node runs the script, which is mounted read-only.
      tasks: { sandbox: 'require', container: { engine, image }, customCommand: { label: 'Writer', argv: ['node', WRITER] } },
      env: { ...process.env, HOME: home, PROBE_TMP: probe, PROBE_READ: join(repo, 'docs/recipe.md') },
    });
  });
  afterAll(() => t.close());

  async function ask(mode: 'explain' | 'poc'): Promise<Task> {
    const { tasks } = await t.call<{ tasks: Task[] }>('tasks.ask', { question: 'Write everywhere.', mode, repoPath: repo, agents: ['custom'] });
    const [task] = await t.finished(tasks.map((one) => one.id));
    return task!;
  }

  it('settings and agents.list say the run is in the container, with the network on', async () => {
    const settings = await t.call<{ sandboxes: Record<string, { available: boolean }> }>('settings.get');
    expect(settings.sandboxes[engine]).toEqual({ available: true });
    const { agents } = await t.call<{ agents: Array<{ modes: Record<'explain' | 'poc', { osSandbox?: string }> }> }>('agents.list');
    expect(agents[0]!.modes.explain.osSandbox).toMatch(new RegExp(`^Container \\((Docker|Podman), image ${image}\\): .*it may write only the agent’s own state folders.*Network: on`));
  });

  it('explain: every write is denied read-only, reads work, /tmp is its own, and the note says so', async () => {
    const head = gitIn(repo, 'rev-parse', 'HEAD');
    const task = await ask('explain');

    expect(task).toMatchObject({ status: 'done', sandbox: engine });
    expect(task.permissions).toContain(`image ${image}`);
    const { body, frontmatter } = await t.note(task.id);
    expect(frontmatter?.agent).toMatchObject({ id: 'custom', sandbox: engine });
    for (const what of ['new file', 'echo', 'sed -i', 'git commit', 'home']) expect(body).toMatch(new RegExp(`denied ${what}: .*[Rr]ead-only file system`));
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

    expect(task).toMatchObject({ status: 'done', sandbox: engine });
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
    expect(entries(home)).toEqual([]);
  });
});
