// Tasks with the real Claude Code CLI against a scripted Anthropic server: what the task layer
// adds on top of the adapter — the note, its sources and title, failures, timeouts, cancel, poc.
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Task } from '../../../shared/model/task';
import { startAnthropicServer } from '../../fixtures/model-servers/anthropic';
import type { Turn } from '../../fixtures/model-servers/script-server';
import { useCliTasks } from '../../support/cli-tasks';
import {
  cancelStopsTheProcessGroup, expectPocEditOnlyInScratch, httpErrorFailsTheNote, readFileBecomesSourceOfNote, stallIsStoppedByIdleTimeout,
  unreadCodeIsWarned,
} from '../../support/cli-task-cases';
import { claudeCodeEnv } from '../agents/cli-envs';
import { FIXTURE_FILE, bodiesText, gitStatus } from '../agents/harness';

const tasks = useCliTasks({ bin: 'claude', startServer: startAnthropicServer, env: claudeCodeEnv }, 'claude-code');

describe('Claude Code tasks', () => {
  it('a file read through a tool call becomes a source with its blob; the answer becomes the note, titled by its first line', () =>
    readFileBecomesSourceOfNote(tasks, {
      read: { kind: 'tool', name: 'Read', input: { file_path: path.join(tasks.workspace.repo, FIXTURE_FILE) } },
      permissions: /^Read-only: may read and search files in .*repo \(Read, Grep and Glob only\)/,
      model: expect.any(String),
    }));

  it('a file that does not exist: the note says the agent could not read the code, with the error', () =>
    unreadCodeIsWarned(tasks, [
      { kind: 'tool', name: 'Read', input: { file_path: path.join(tasks.workspace.repo, 'docs/missing.md') } },
      { kind: 'text', text: 'The secret ingredient is probably salt.' },
    ], /^The agent could not read the code: File does not exist/));

  it('a tool its read-only run does not offer: the note says the agent could not read the code', () =>
    unreadCodeIsWarned(tasks, [
      { kind: 'tool', name: 'Bash', input: { command: `cat ${FIXTURE_FILE}` } },
      { kind: 'text', text: 'The secret ingredient is probably salt.' },
    ], /^The agent could not read the code: .*Bash/));

  it('the text before a tool call and after it stay apart in the note; a generic heading leaves the question as the title, told apart when asked twice', async () => {
    const t = tasks.engine;
    const read: Turn = { kind: 'tool', name: 'Read', input: { file_path: path.join(tasks.workspace.repo, FIXTURE_FILE) }, text: 'Let me look at the router source.' };
    const answer: Turn = { kind: 'text', text: '## Answer\n\nThe router is one function.' };
    await tasks.serve([read, answer, read, answer]);
    const [first] = await t.finished([(await tasks.ask('How does the `router` dispatch?')).id]);
    const [second] = await t.finished([(await tasks.ask('How does the `router` dispatch?')).id]);
    expect([first!.title, second!.title]).toEqual(['How does the router dispatch?', 'How does the router dispatch? (2)']);
    expect((await t.note(first!.id)).body).toMatch(/^Let me look at the router source\.\n\n## Answer\n\nThe router is one function\./);
  });

  it('explain mode: a write the model asks for is denied and the repo stays clean', async () => {
    const t = tasks.engine;
    await tasks.serve([
      { kind: 'tool', name: 'Write', input: { file_path: path.join(tasks.workspace.repo, 'pwned.txt'), content: 'x' } },
      { kind: 'text', text: 'Could not write\n\nThe write was denied.' },
    ]);
    const [task] = await t.finished([(await tasks.ask('Please write a file')).id]);
    expect(task!.status).toBe('done');
    expect(gitStatus(tasks.workspace.repo)).toBe('');
    const { events } = await t.call<{ events: Array<{ type: string; ok?: boolean }> }>('tasks.get', { id: task!.id });
    expect(events.filter((event) => event.type === 'tool_result')).toEqual([expect.objectContaining({ ok: false })]);
    expect((await t.note(task!.id)).frontmatter!.sources).toEqual([]);
  });

  it('an HTTP 500 fails the note with a readable error', () =>
    httpErrorFailsTheNote(tasks, expect.stringMatching(/500.*scripted overload|scripted overload.*500/)));

  it('a model endpoint that refuses connections: the retries are one line in the note, saying what to check and how to test it', async () => {
    const closed = await closedPort();
    await tasks.serve([], { adjust: (env) => Object.assign(env, { ANTHROPIC_BASE_URL: `http://127.0.0.1:${closed}`, CLAUDE_CODE_MAX_RETRIES: '2' }) });
    const t = tasks.engine;
    const [task] = await t.finished([(await tasks.ask('Anyone there?')).id]);
    expect(task!.status).toBe('failed');
    const { events } = await t.call<{ events: Array<{ type: string }> }>('notes.transcript', { id: task!.id });
    expect(events.filter((event) => event.type === 'retry')).toHaveLength(2);
    const note = await t.note(task!.id);
    const line = note.body.split('\n').find((text) => text.includes('Could not reach the model'));
    expect(line).toMatch(/^> Could not reach the model: retried 2 times \(last: .+\)\. Check the network, a proxy \(HTTPS_PROXY\), the base URL \(ANTHROPIC_BASE_URL, when set\) and the sign-in \(claude \/login, or ANTHROPIC_API_KEY\); test it with `claude -p "Reply with OK"`\.$/);
    expect(note.body.match(/Could not reach the model/g)).toHaveLength(1);
    const { agents } = await t.call<{ agents: Array<{ id: string; reach?: { test: string } }> }>('agents.list');
    expect(agents.find((agent) => agent.id === 'claude-code')?.reach?.test).toBe('claude -p "Reply with OK"');
  });

  it('a stall mid-stream is stopped by the idle timeout: no process is left, the note says why', () =>
    stallIsStoppedByIdleTimeout(tasks, 'Claude Code produced no output for 8 s; stopped it.'));

  it('cancel mid-run stops the whole process group; the note is cancelled and its transcript kept', () => cancelStopsTheProcessGroup(tasks));

  it('poc: the file edit lands only in the scratch checkout, the diff artifact shows it, and a follow-up resumes there', async () => {
    const t = tasks.engine;
    const write: Turn = { kind: 'tool', name: 'Write', input: { file_path: '', content: 'console.log(6 * 7);\n' } };
    await tasks.serve([write, { kind: 'text', text: 'It prints 42\n\nSee poc.mjs.' }, { kind: 'text', text: 'Still 42\n\nNothing else changed.' }]);
    const asked = await tasks.ask('Can it print 42?', { mode: 'poc' });
    // The path is only known once the task exists; the CLI asks the model long after this.
    (write as { input: Record<string, unknown> }).input.file_path = path.join(asked.scratchDir!, 'poc.mjs');
    expect(asked.permissions).toMatch(/^May edit files and run commands inside the scratch checkout .*; your working tree is never touched\. Commands run in Claude Code's sandbox/);
    const [task] = await t.finished([asked.id]);

    expect(task).toMatchObject({ status: 'done', title: 'It prints 42' });
    await expectPocEditOnlyInScratch(tasks, asked);

    // The follow-up resumes Claude Code's session from the same directory: the kept checkout.
    const followUp = await t.call<Task>('tasks.followUp', { noteId: asked.id, question: 'Does it still print 42?' });
    expect(followUp).toMatchObject({ parent: asked.id, context: [], scratchDir: asked.scratchDir });
    const [second] = await t.finished([followUp.id]);
    expect(second).toMatchObject({ status: 'done', title: 'Still 42' });
    const resumed = bodiesText(tasks.server.turnRequests().slice(2));
    expect(resumed).toContain('It prints 42');
    expect(resumed).toContain('Does it still print 42?');
    expect((await t.note(followUp.id)).body).toContain('The diff (with the changes of the earlier tasks in that checkout) is kept');
  });
});

/** A loopback port nothing listens on: taken, then given back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
