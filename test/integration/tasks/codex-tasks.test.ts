// Tasks with the real Codex CLI against a scripted Responses server: what the task layer adds on
// top of the adapter — the note, its sources and title, failures, timeouts, cancel, poc.
import { describe, expect, it } from 'vitest';
import { startResponsesServer } from '../../fixtures/model-servers/openai-responses';
import { useCliTasks } from '../../support/cli-tasks';
import {
  cancelStopsTheProcessGroup, expectPocEditOnlyInScratch, httpErrorFailsTheNote, readFileBecomesSourceOfNote, stallIsStoppedByIdleTimeout,
} from '../../support/cli-task-cases';
import { codexEnv } from '../agents/cli-envs';
import { FIXTURE_FILE } from '../agents/harness';

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
