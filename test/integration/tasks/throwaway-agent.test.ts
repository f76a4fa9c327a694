// An agent is its adapter and a line in the registry: a throwaway adapter registered here shows up
// in agents.list with all its facts, runs a task, resumes its session on a follow-up and can be
// chosen in the settings, without a line of engine, CLI or UI code knowing it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentInfo } from '../../../shared/contract/tasks';
import type { Task } from '../../../shared/model/task';
import type { AgentAdapter } from '../../../electron/core/agents/agent-adapter';
import { createJsonLinesParser, str } from '../../../electron/core/agents/json-lines';
import { makeRepo } from '../../support/git-repo';
import { tempDir } from '../../support/temp';
import { startEngine, type TestEngine } from './task-harness';

/** Answers with the question's last line; says which session it continues. One JSON object a line. */
const ECHO = `
let prompt = '';
process.stdin.setEncoding('utf8').on('data', (chunk) => (prompt += chunk)).on('end', () => {
  const resumed = process.argv[1] || '';
  const say = (line) => process.stdout.write(JSON.stringify(line) + '\\n');
  say({ session: resumed || 'echo-session-1' });
  say({ text: '# Echoed\\n\\n' + (resumed ? 'Still in ' + resumed + ': ' : '') + prompt.trim().split('\\n').pop() + '\\n' });
});
`;

const echoAgent: AgentAdapter = {
  id: 'echo',
  label: 'Echo agent',
  command: 'echo-agent',
  installHint: 'npm install -g echo-agent',
  capabilities: {
    resume: true,
    modes: {
      explain: { summary: 'repeats the question; reads nothing.', terms: (where) => `Echoes in ${where}; reads nothing.` },
      poc: { summary: 'repeats the question; writes nothing.', terms: (where, sandboxed) => `Echoes in ${where}${sandboxed ? ' inside its sandbox' : ''}.` },
    },
    sandbox: { needs: 'nothing at all', available: async () => true },
  },
  detect: async () => ({ available: true, path: process.execPath, version: '1.2.3' }),
  buildRun: (request) => ({
    command: process.execPath,
    args: ['-e', ECHO, request.resumeSession ?? ''],
    cwd: request.cwd,
    env: request.env,
    stdin: request.prompt,
  }),
  createParser: () => createJsonLinesParser((line) => {
    const session = str(line.session);
    const text = str(line.text);
    return session ? [{ type: 'session', session }] : text ? [{ type: 'text', text }] : [];
  }),
  verdict: ({ exitCode, answered }) => (exitCode === 0 && answered ? { ok: true } : { ok: false, error: 'The echo agent said nothing.' }),
};

let t: TestEngine;
let repo: string;

beforeAll(async () => {
  repo = await makeRepo({ 'README.md': '# Echo\n' }, 'echo-repo');
  t = await startEngine({ tasks: {}, agents: [echoAgent], home: await tempDir('fieldnotes-echo-') });
});
afterAll(() => t.close());

describe('a throwaway agent registered beside the built-in ones', () => {
  it('is listed with its facts, after the CLIs and before the custom command (the cloud agents come last)', async () => {
    const { agents } = await t.call<{ agents: AgentInfo[] }>('agents.list');
    expect(agents.map((agent) => agent.id)).toEqual(['claude-code', 'codex', 'gemini', 'echo', 'custom', 'codex-cloud', 'jules', 'copilot']);
    expect(agents.find((agent) => agent.id === 'echo')).toEqual({
      id: 'echo',
      label: 'Echo agent',
      available: true,
      version: '1.2.3',
      path: process.execPath,
      installHint: 'npm install -g echo-agent',
      command: 'echo-agent',
      resume: true,
      modes: {
        explain: { permissions: 'repeats the question; reads nothing.', osSandbox: expect.stringMatching(/^No OS sandbox: it is turned off in Settings/) },
        poc: { permissions: 'repeats the question; writes nothing.', osSandbox: expect.stringMatching(/^No OS sandbox: it is turned off in Settings/) },
      },
      sandbox: { needs: 'nothing at all', available: true },
    });
  });

  it('runs a task under its own terms, and a follow-up resumes its session', async () => {
    const { tasks } = await t.call<{ tasks: Task[] }>('tasks.ask', { question: 'Is anyone there?', repoPath: repo, agents: ['echo'] });
    const [done] = await t.finished(tasks.map((task) => task.id));
    expect(done).toMatchObject({ agent: 'echo', status: 'done', title: 'Echoed', permissions: expect.stringMatching(/^Echoes in .*echo-repo.*; reads nothing\. No OS sandbox: it is turned off in Settings/) });
    const note = await t.note(done!.id);
    expect(note.frontmatter?.agent).toMatchObject({ id: 'echo', version: '1.2.3', session: 'echo-session-1' });
    expect(note.body).toContain('Is anyone there?');

    expect(await t.call('tasks.planFollowUp', { noteId: done!.id })).toEqual({
      agent: 'echo', mode: 'explain', resumes: true,
      summary: expect.stringMatching(/^Continues Echo agent’s session in .*echo-repo.*: the agent remembers the whole conversation\.$/),
    });
    const followUp = await t.call<Task>('tasks.followUp', { noteId: done!.id, question: 'Still there?' });
    const [resumed] = await t.finished([followUp.id]);
    expect(resumed).toMatchObject({ status: 'done', parent: done!.id, context: [] });
    expect((await t.note(resumed!.id)).body).toContain('Still in echo-session-1: Still there?');
  });

  it('a poc follow-up of a follow-up resumes in the scratch checkout the first one left, and the plan says so', async () => {
    const { tasks } = await t.call<{ tasks: Task[] }>('tasks.ask', { question: 'Try it.', repoPath: repo, mode: 'poc', agents: ['echo'] });
    const [first] = await t.finished(tasks.map((task) => task.id));
    expect(first).toMatchObject({ status: 'done', permissions: expect.stringMatching(/ inside its sandbox\. No OS sandbox/) });
    const second = await t.call<Task>('tasks.followUp', { noteId: first!.id, question: 'Again.' });
    const [done] = await t.finished([second.id]);
    expect(done).toMatchObject({ status: 'done', scratchDir: first!.scratchDir });
    // The checkout is named after the first task, not this one: the plan looks up the chain.
    expect(await t.call('tasks.planFollowUp', { noteId: done!.id })).toEqual({
      agent: 'echo', mode: 'poc', resumes: true,
      summary: 'Continues Echo agent’s session in the scratch checkout it worked in: the agent remembers the whole conversation.',
    });
  });

  it('can be a default agent and be given an executable in the settings; an unknown id cannot', async () => {
    const executable = join(repo, 'echo-agent');
    const { tasks } = await t.call<{ tasks: { defaultAgents: string[]; agentPaths: Record<string, string> } }>('settings.update', {
      tasks: { defaultAgents: ['echo'], agentPaths: { echo: executable } },
    });
    expect(tasks).toMatchObject({ defaultAgents: ['echo'], agentPaths: { echo: executable } });
    await expect(t.call('settings.update', { tasks: { defaultAgents: ['nobody'] } })).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('echo') });
    await expect(t.call('settings.update', { tasks: { agentPaths: { custom: executable } } })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(JSON.parse(await readFile(join(t.home, 'settings.json'), 'utf8')).tasks.agentPaths).toEqual({ echo: executable });
  });
});
