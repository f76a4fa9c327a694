// Codex and Gemini CLI sessions, written by the real CLIs, become notes: a read, a resumed turn
// that writes, the commit each note pins, and sub-agents (their logs count for the session that
// spawned them, and are no sessions of their own).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SessionImportResult, SessionListing } from '../../../shared/contract/sessions';
import { codex } from '../../../electron/core/agents/codex';
import { gemini } from '../../../electron/core/agents/gemini';
import { startGeminiServer } from '../../fixtures/model-servers/gemini';
import { startResponsesServer } from '../../fixtures/model-servers/openai-responses';
import type { Turn } from '../../fixtures/model-servers/script-server';
import { useAgentSessions, type AgentSessions } from '../../support/agent-sessions';
import { codexEnv, geminiEnv } from '../agents/cli-envs';
import { FIXTURE_FILE } from '../agents/harness';

const codexSessions = useAgentSessions({ bin: 'codex', startServer: startResponsesServer, env: codexEnv }, codex);
const geminiSessions = useAgentSessions({
  bin: 'gemini', startServer: startGeminiServer, env: (workspace, tripwire, url) => geminiEnv(workspace, tripwire, url, { model: 'gemini-2.5-pro' }),
}, gemini);

/** Runs a read, then resumes the session with a write, importing after each; returns the note's id. */
async function readThenWrite(sessions: AgentSessions, agent: string, read: Turn, write: Turn): Promise<string> {
  const { repo } = sessions.workspace;
  await sessions.serve([read, { kind: 'text', text: 'The secret ingredient is cardamom.' }, write, { kind: 'text', text: 'Wrote poc.mjs.' }]);
  const { session } = await sessions.run('What is the secret ingredient? Look it up in the repo.');
  const importIds = async () => (await sessions.engine.call<{ results: SessionImportResult[] }>('sessions.import', { ids: [session], agent })).results;

  const [created] = await importIds();
  expect(created).toMatchObject({ status: 'created', session });
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
  const blob = execFileSync('git', ['rev-parse', `HEAD:${FIXTURE_FILE}`], { cwd: repo, encoding: 'utf8' }).trim();
  let note = await sessions.engine.note(created!.noteId!);
  expect(note.frontmatter).toMatchObject({
    title: 'What is the secret ingredient? Look it up in the repo.',
    mode: 'explain',
    repo: { name: 'repo', path: repo, commit: head },
    agent: { id: agent, session },
    sources: [{ path: FIXTURE_FILE, blob }],
    usage: { input_tokens: expect.any(Number), output_tokens: expect.any(Number) },
    imported_from: { agent, session, turns: 1 },
  });
  expect(note.body).toBe('The secret ingredient is cardamom.\n');

  await sessions.run('Now write a poc.', { mode: 'poc', resume: session });
  const [updated] = await importIds();
  expect(updated).toMatchObject({ status: 'updated', noteId: created!.noteId });
  note = await sessions.engine.note(created!.noteId!);
  expect(note.frontmatter).toMatchObject({ mode: 'poc', imported_from: { turns: 2 } });
  expect(note.body).toMatch(/## 1\. What is the secret ingredient[\s\S]*cardamom[\s\S]*## 2\. Now write a poc\.[\s\S]*Wrote poc\.mjs\./);
  expect((await importIds())[0]).toMatchObject({ status: 'unchanged' });

  const { sessions: listed } = await sessions.engine.call<{ sessions: SessionListing[] }>('sessions.list', { agent });
  expect(listed.filter((row) => row.id === session)).toEqual([
    expect.objectContaining({ turns: 2, project: repo, imported: { noteId: created!.noteId, path: note.summary.path, current: true } }),
  ]);
  return created!.noteId!;
}

describe('Codex sessions become notes', () => {
  it('a read (parsed_cmd) then a resumed apply_patch: one note, poc, at the commit the session recorded', () =>
    readThenWrite(codexSessions, 'codex',
      { kind: 'tool', name: 'exec_command', input: { cmd: `cat ${FIXTURE_FILE}` } },
      { kind: 'tool', name: 'apply_patch', input: { input: '*** Begin Patch\n*** Add File: poc.mjs\n+console.log(6 * 7);\n*** End Patch\n' } }), 120_000);
});

describe('Gemini CLI sessions become notes', () => {
  it('a read_file then a resumed write_file: one note, though Gemini leaves a second file for the resumed session', async () => {
    await readThenWrite(geminiSessions, 'gemini',
      { kind: 'tool', name: 'read_file', input: { file_path: FIXTURE_FILE } },
      { kind: 'tool', name: 'write_file', input: { file_path: path.join(geminiSessions.workspace.repo, 'poc.mjs'), content: 'console.log(6 * 7);\n' } });
  }, 120_000);
});

describe('Codex sub-agents', () => {
  it("a sub-agent's rollout is not listed as a session of its own; its commands count for the session that spawned it", async () => {
    const sessions = codexSessions;
    const read: Turn = { kind: 'tool', name: 'exec_command', input: { cmd: `cat ${FIXTURE_FILE}` } };
    // The parent and its sub-agent ask the one scripted server in turn: each gets one of the reads.
    await sessions.serve([
      { kind: 'tool', name: 'collaboration/spawn_agent', input: { task_name: 'look', message: `Read ${FIXTURE_FILE} and say the spice.`, fork_turns: 'none' } },
      read, read,
      { kind: 'text', text: 'The sub-agent and I both read the recipe: cardamom.' },
      { kind: 'text', text: 'Cardamom.' }, { kind: 'text', text: 'Cardamom.' }, { kind: 'text', text: 'Cardamom.' },
    ]);
    // Sub-agents are Codex 0.171's multi_agent_v2 feature, off by default.
    const config = path.join(sessions.env.CODEX_HOME!, 'config.toml');
    await writeFile(config, (await readFile(config, 'utf8')).replace('[features]', '[features]\nmulti_agent_v2 = true'));
    const { session } = await sessions.run('Use a sub-agent named look to read the recipe.', { mode: 'poc' });
    const rollouts = execFileSync('find', [path.join(sessions.env.CODEX_HOME!, 'sessions'), '-name', 'rollout-*.jsonl'], { encoding: 'utf8' }).trim().split('\n');
    const children = rollouts.filter((file) => !file.includes(session) && readFileSync(file, 'utf8').includes(`"parent_thread_id":"${session}"`));
    expect(children).toHaveLength(1);

    const { sessions: listed } = await sessions.engine.call<{ sessions: SessionListing[] }>('sessions.list', { agent: 'codex' });
    expect(listed.filter((row) => row.firstPrompt === '' || row.id === session).map((row) => row.id)).toEqual([session]);
    const [created] = (await sessions.engine.call<{ results: SessionImportResult[] }>('sessions.import', { ids: [session], agent: 'codex' })).results;
    const { events } = await sessions.engine.call<{ events: Array<{ type: string; name?: string }> }>('notes.transcript', { id: created!.noteId });
    expect(events.filter((event) => event.type === 'tool_call').map((event) => event.name).sort()).toEqual(['exec_command', 'exec_command (sub-agent)']);
    expect((await sessions.engine.note(created!.noteId!)).frontmatter!.sources).toEqual([{ path: FIXTURE_FILE, blob: expect.any(String) }]);
  }, 120_000);
});

describe('Gemini CLI sub-agents', () => {
  it("a sub-agent's reads count as the session's sources; its log is not listed as a session of its own", async () => {
    const sessions = geminiSessions;
    await sessions.serve([
      { kind: 'tool', name: 'invoke_agent', input: { agent_name: 'generalist', prompt: 'Read README.md and report what the repo is.' } },
      { kind: 'tool', name: 'read_file', input: { file_path: 'README.md' } },
      { kind: 'tool', name: 'complete_task', input: { result: { response: 'It is a fixture repo.' } } },
      { kind: 'text', text: 'The sub-agent says it is a fixture repo.' },
    ]);
    const { session } = await sessions.run('Use a sub-agent to look around.', { mode: 'poc' });
    const subagentLogs = execFileSync('find', [path.join(sessions.env.GEMINI_CLI_HOME!, '.gemini', 'tmp'), '-path', `*/chats/${session}/*.jsonl`], { encoding: 'utf8' }).trim();
    expect(subagentLogs).not.toBe('');
    const { sessions: listed } = await sessions.engine.call<{ sessions: SessionListing[] }>('sessions.list', { agent: 'gemini' });
    expect(listed.filter((row) => row.id === session)).toHaveLength(1);
    const [created] = (await sessions.engine.call<{ results: SessionImportResult[] }>('sessions.import', { ids: [session], agent: 'gemini' })).results;
    const note = await sessions.engine.note(created!.noteId!);
    expect(note.body).toContain('The sub-agent says it is a fixture repo.');
    expect(note.frontmatter!.sources).toContainEqual(expect.objectContaining({ path: 'README.md', blob: expect.any(String) }));
  }, 120_000);
});
