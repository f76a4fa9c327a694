// A machine without an OS sandbox (Windows, simulated at the one platform probe): with "Require a
// sandbox" the task refuses to run and says how to fix it; with auto it runs on the agent's own
// flags, and the task, its note and agents.list say so.
import { describe, expect, it } from 'vitest';
import type { Task } from '../../../shared/model/task';
import { makeRepo } from '../../support/git-repo';
import { startEngine, type TestEngine } from '../tasks/task-harness';

async function ask(t: TestEngine, repo: string): Promise<Task> {
  const { tasks } = await t.call<{ tasks: Task[] }>('tasks.ask', { question: 'How does it work? [title Works]', mode: 'explain', repoPath: repo, agents: ['custom'] });
  const [task] = await t.finished(tasks.map((one) => one.id));
  return task!;
}

describe('a platform without an OS sandbox', () => {
  it('require: the task refuses to run, its note says why and how to fix it, and the agent never starts', async () => {
    const repo = await makeRepo({ 'README.md': 'hello\n' }, 'no-sandbox-repo');
    const t = await startEngine({ tasks: { sandbox: 'require' }, sandboxPlatform: 'win32' });
    try {
      const task = await ask(t, repo);
      expect(task.status).toBe('failed');
      expect(task.error).toBe('Could not start the task: Settings require a sandbox, and this machine has none: Fieldnotes has no sandbox for agents on '
        + 'win32; the run relies on the agent\'s own flags. To run agents here anyway, set “Sandbox” to Auto or Off in Settings (the run then relies on '
        + 'the agent’s own flags), or run agents in Docker or Podman there if one is installed.');
      const note = await t.note(task.id);
      expect(note.frontmatter?.status).toBe('failed');
      expect(note.body).toContain('Settings require a sandbox');
      // The agent never ran: no answer in the note.
      expect(note.body).not.toContain('Works');
      const { sandboxes } = await t.call<{ sandboxes: { os: unknown } }>('settings.get');
      expect(sandboxes.os).toEqual({ kind: 'none', available: false, reason: expect.stringContaining('no sandbox for agents on win32') });
    } finally {
      await t.close();
    }
  });

  it('auto: the task runs on the agent’s own flags, and the task, the note and agents.list say so', async () => {
    const repo = await makeRepo({ 'README.md': 'hello\n' }, 'no-sandbox-repo');
    const t = await startEngine({ tasks: { sandbox: 'auto' }, sandboxPlatform: 'win32' });
    try {
      const task = await ask(t, repo);
      expect(task).toMatchObject({ status: 'done', sandbox: 'none' });
      expect(task.permissions).toContain('No OS sandbox: Fieldnotes has no sandbox for agents on win32; the run relies on the agent\'s own flags.');
      const note = await t.note(task.id);
      expect(note.frontmatter?.agent).toMatchObject({ sandbox: 'none' });
      const { agents } = await t.call<{ agents: Array<{ modes: Record<'explain' | 'poc', { osSandbox?: string }> }> }>('agents.list');
      expect(agents[0]!.modes.explain.osSandbox).toContain('relies on the agent\'s own flags');
    } finally {
      await t.close();
    }
  });
});
