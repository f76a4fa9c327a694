// Tasks with the real Codex CLI against a scripted Responses server: what the task layer adds on
// top of the adapter — the note, its sources and title, failures, timeouts, cancel, poc.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Env } from '../../../electron/core/agents/agent-adapter';
import { startConversationsServer, startResponsesServer } from '../../fixtures/model-servers/openai-responses';
import type { Turn } from '../../fixtures/model-servers/script-server';
import { useCliTasks } from '../../support/cli-tasks';
import {
  cancelStopsTheProcessGroup, expectPocEditOnlyInScratch, httpErrorFailsTheNote, readFileBecomesSourceOfNote, stallIsStoppedByIdleTimeout,
  unreadCodeIsWarned,
} from '../../support/cli-task-cases';
import { codexEnv } from '../agents/cli-envs';
import { FIXTURE_FILE, FIXTURE_MARKER, bodiesText } from '../agents/harness';

const tasks = useCliTasks({ bin: 'codex', startServer: startResponsesServer, env: codexEnv }, 'codex');

describe('Codex CLI tasks', () => {
  it('a file read through a tool call becomes a source with its blob; the answer becomes the note, titled by its first line', () =>
    readFileBecomesSourceOfNote(tasks, {
      read: { kind: 'tool', name: 'exec_command', input: { cmd: `cat ${FIXTURE_FILE}` } },
      permissions: /^Read-only: may read files and run commands in .*repo inside Codex's read-only sandbox; cannot change anything\. Network: none\.$/,
    }));

  // Codex words every 5xx the same way: readable, if not specific.
  it('an HTTP 500 fails the note with a readable error', () => httpErrorFailsTheNote(tasks, expect.stringMatching(/high demand|500/)));

  it('a stall mid-stream is stopped by the idle timeout: no process is left, the note says why', () =>
    stallIsStoppedByIdleTimeout(tasks, 'Codex CLI produced no output for 8 s; stopped it.'));

  it('cancel mid-run stops the whole process group; the note is cancelled and its transcript kept', () => cancelStopsTheProcessGroup(tasks));

  it('poc: the file edit lands only in the scratch checkout, and the diff artifact shows it', async () => {
    await tasks.serve([
      { kind: 'tool', name: 'apply_patch', input: { input: '*** Begin Patch\n*** Add File: poc.mjs\n+console.log(6 * 7);\n*** End Patch\n' } },
      { kind: 'text', text: 'It prints 42\n\nSee poc.mjs.' },
    ]);
    const asked = await tasks.ask('Can it print 42?', { mode: 'poc' });
    expect(asked.permissions).toMatch(/^May edit files and run commands inside the scratch checkout .*; your working tree is never touched \(Codex's workspace-write sandbox\)\. Network: none\.$/);
    const [task] = await tasks.engine.finished([asked.id]);

    expect(task).toMatchObject({ status: 'done', title: 'It prints 42' });
    await expectPocEditOnlyInScratch(tasks, asked);
  });
});

const READ_AND_ANSWER: Turn[] = [
  { kind: 'tool', name: 'exec_command', input: { cmd: `cat ${FIXTURE_FILE}` } },
  { kind: 'text', text: 'Cardamom is the secret ingredient' },
];

describe('Codex CLI tasks: reading the code', () => {
  /**
   * CODEX_HOME inside the temporary folder, as when TMPDIR is unset and CODEX_HOME is under /tmp:
   * Codex then refuses to make its codex-linux-sandbox helper, and without Fieldnotes' fix every
   * command fails with `bwrap: execvp codex-linux-sandbox: No such file or directory`.
   */
  const homeInsideTmpdir = (env: Env) => {
    expect(path.relative(path.dirname(tasks.workspace.root), env.CODEX_HOME!)).not.toMatch(/^\.\./);
    env.TMPDIR = path.dirname(tasks.workspace.root);
  };

  it('10 explain tasks in a row all read the file, with CODEX_HOME inside the temporary folder', async () => {
    for (let i = 1; i <= 10; i += 1) {
      await tasks.serve(READ_AND_ANSWER, { adjust: homeInsideTmpdir });
      const [task] = await tasks.engine.finished([(await tasks.ask(`What is the secret ingredient? (${i} of 10)`)).id]);
      expect(bodiesText(tasks.server.turnRequests().slice(1)), `task ${i}`).toContain(FIXTURE_MARKER);
      expect(task).toMatchObject({ status: 'done', progress: { filesRead: 1 } });
      expect(task!.warning).toBeUndefined();
    }
  });

  it('3 explain tasks at once all read the file, with CODEX_HOME inside the temporary folder', async () => {
    await tasks.serve(READ_AND_ANSWER, { startServer: startConversationsServer, adjust: homeInsideTmpdir });
    const asked = await Promise.all([1, 2, 3].map((i) => tasks.ask(`What is the secret ingredient? (${i} of 3)`)));
    const finished = await tasks.engine.finished(asked.map((task) => task.id));

    const answers = tasks.server.turnRequests().filter((request) => JSON.stringify(request.body).includes('function_call_output'));
    expect(answers).toHaveLength(3);
    for (const request of answers) expect(bodiesText([request])).toContain(FIXTURE_MARKER);
    for (const task of finished) expect(task).toMatchObject({ status: 'done', progress: { filesRead: 1 } });
    expect(finished.map((task) => task.warning)).toEqual([undefined, undefined, undefined]);
  });

  it('a sandbox that cannot start: the note says the agent could not read the code, and how to fix it', async () => {
    // A file where Codex keeps its helper links (CODEX_HOME/tmp): it cannot make codex-linux-sandbox.
    let blocked = '';
    try {
      const warning = await unreadCodeIsWarned(tasks, READ_AND_ANSWER, /^The agent could not read the code: Codex could not make its sandbox helper codex-linux-sandbox \(Not a directory.*\).*To fix it, let Codex write to \$CODEX_HOME\/tmp/, {
        adjust: (env) => {
          blocked = path.join(env.CODEX_HOME!, 'tmp');
          rmSync(blocked, { recursive: true, force: true });
          writeFileSync(blocked, 'not a folder');
        },
      });
      expect(warning).toContain('bwrap: execvp codex-linux-sandbox');
    } finally {
      rmSync(blocked, { force: true });
    }
  });

  it('a file that does not exist: the note says the agent could not read the code, with the error', () =>
    unreadCodeIsWarned(tasks, [
      { kind: 'tool', name: 'exec_command', input: { cmd: 'cat docs/missing.md' } },
      { kind: 'text', text: 'The secret ingredient is probably salt.' },
    ], /^The agent could not read the code: cat: docs\/missing\.md: No such file or directory$/));

  it('an explain answer written without a single tool call says the agent read no file of the codebase', () =>
    unreadCodeIsWarned(tasks, [{ kind: 'text', text: 'The secret ingredient is probably salt.' }],
      /^The agent could not read the code: it read no file of the codebase \(it made no tool call\), so this answer does not rest on the code\.$/));
});
