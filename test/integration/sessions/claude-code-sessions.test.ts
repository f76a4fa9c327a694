// Claude Code's own sessions, written by the real CLI, become notes: read, write (poc), several
// turns, a resumed session that grew, a note the user edited, and a follow-up that resumes it.
import { execFileSync } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SessionImportResult, SessionListing } from '../../../shared/contract/sessions';
import type { Note } from '../../../shared/model/note';
import type { Task } from '../../../shared/model/task';
import { claudeCode } from '../../../electron/core/agents/claude-code';
import { startAnthropicServer } from '../../fixtures/model-servers/anthropic';
import { useAgentSessions } from '../../support/agent-sessions';
import { CLAUDE_API_KEY, claudeCodeEnv } from '../agents/cli-envs';
import { FIXTURE_FILE, bodiesText } from '../agents/harness';

const sessions = useAgentSessions({ bin: 'claude', startServer: startAnthropicServer, env: claudeCodeEnv }, claudeCode);

async function importIds(ids: string[]): Promise<SessionImportResult[]> {
  return (await sessions.engine.call<{ results: SessionImportResult[] }>('sessions.import', { ids })).results;
}

describe('Claude Code sessions become notes', () => {
  it('a read, then a resumed turn that writes: one note per session, updated as it grows, with repo, sources, usage and provenance', async () => {
    const { repo } = sessions.workspace;
    await sessions.serve([
      { kind: 'tool', name: 'Read', input: { file_path: path.join(repo, FIXTURE_FILE) } },
      { kind: 'text', text: `The secret ingredient is cardamom. My key is ${CLAUDE_API_KEY}.`, usage: { input: 200, output: 12 } },
      { kind: 'tool', name: 'Write', input: { file_path: path.join(repo, 'poc.mjs'), content: 'console.log(6 * 7);\n' } },
      { kind: 'text', text: 'Wrote poc.mjs; it prints 42.' },
    ]);
    const { session } = await sessions.run('What is the secret ingredient? Look it up in the repo.');

    const { sessions: listed } = await sessions.engine.call<{ sessions: SessionListing[] }>('sessions.list', { agent: 'claude-code' });
    expect(listed.find((row) => row.id === session)).toMatchObject({
      agent: 'claude-code', version: '2.1.332', project: repo, repo: 'repo', turns: 1, imported: null,
      firstPrompt: 'What is the secret ingredient? Look it up in the repo.', preview: expect.stringContaining('cardamom'),
    });

    const [first] = await importIds([session]);
    expect(first).toMatchObject({ status: 'created', session, path: expect.stringMatching(/^repo\/\d{4}-\d{2}-\d{2}-what-is-the-secret-ingredient/) });
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
    const blob = execFileSync('git', ['rev-parse', `HEAD:${FIXTURE_FILE}`], { cwd: repo, encoding: 'utf8' }).trim();
    let note = await sessions.engine.note(first!.noteId!);
    expect(note.frontmatter).toMatchObject({
      title: 'What is the secret ingredient? Look it up in the repo.',
      question: 'What is the secret ingredient? Look it up in the repo.',
      mode: 'explain',
      repo: { name: 'repo', path: repo, commit: head, branch: expect.any(String) },
      agent: { id: 'claude-code', version: '2.1.332', model: expect.any(String), session },
      sources: [{ path: FIXTURE_FILE, blob }],
      usage: { input_tokens: expect.any(Number), output_tokens: expect.any(Number), cost_usd: expect.any(Number) },
      imported_from: { agent: 'claude-code', session, path: expect.stringMatching(new RegExp(`/projects/[^/]+/${session}\\.jsonl$`)), turns: 1 },
    });
    expect(note.body).toContain('The secret ingredient is cardamom.');
    expect(note.body).not.toContain(CLAUDE_API_KEY);
    expect(note.body).toContain('[REDACTED:ANTHROPIC_API_KEY]');

    // Importing again with nothing new changes nothing.
    expect((await importIds([session]))[0]).toMatchObject({ status: 'unchanged', noteId: first!.noteId });

    // The person resumes the session in their terminal and has it write a file: the same note grows.
    await sessions.run('Now write a poc that prints 42.', { mode: 'poc', resume: session });
    const [second] = await importIds([session]);
    expect(second).toMatchObject({ status: 'updated', noteId: first!.noteId });
    note = await sessions.engine.note(first!.noteId!);
    expect(note.frontmatter).toMatchObject({ mode: 'poc', imported_from: { turns: 2 } });
    expect(note.body).toMatch(/## 1\. What is the secret ingredient\?[\s\S]*cardamom[\s\S]*## 2\. Now write a poc that prints 42\.[\s\S]*Wrote poc\.mjs/);
    const { notes } = await sessions.engine.call<{ notes: Array<{ id: string }> }>('notes.list', {});
    expect(notes.filter((row) => row.id === first!.noteId)).toHaveLength(1);
    expect(notes).toHaveLength(1);

    const { events } = await sessions.engine.call<{ events: Array<{ type: string; name?: string; paths?: string[]; writes?: boolean }> }>('notes.transcript', { id: first!.noteId });
    expect(events).toContainEqual(expect.objectContaining({ type: 'tool_call', name: 'Read', paths: [path.join(repo, FIXTURE_FILE)] }));
    expect(events).toContainEqual(expect.objectContaining({ type: 'tool_call', name: 'Write', writes: true }));
    expect(JSON.stringify(events)).not.toContain(CLAUDE_API_KEY);
  }, 120_000);

  it('a note the user edited keeps the edits; the new turns are added at its end', async () => {
    await sessions.serve([{ kind: 'text', text: 'Routing starts in router.ts.' }, { kind: 'text', text: 'Handlers are registered in app.ts.' }]);
    const { session } = await sessions.run('How does routing work?');
    const [created] = await importIds([session]);
    await sessions.engine.call('notes.update', { id: created!.noteId, body: 'My own summary: routing starts in router.ts.\n' });

    await sessions.run('Where are handlers registered?', { resume: session });
    const [updated] = await importIds([session]);
    expect(updated).toMatchObject({ status: 'updated', noteId: created!.noteId, message: expect.stringMatching(/edits were kept and 1 new turn was added/) });
    const note = await sessions.engine.note(created!.noteId!);
    expect(note.body).toMatch(/^My own summary: routing starts in router\.ts\.\n\n## 2\. Where are handlers registered\?[\s\S]*Handlers are registered in app\.ts\./);
  }, 120_000);

  it('without the sessions cache, a note whose created time was changed is still found by its imported_from: updated, never doubled', async () => {
    await sessions.serve([{ kind: 'text', text: 'Cloves, first.' }, { kind: 'text', text: 'Then allspice.' }]);
    const { session } = await sessions.run('Which spice comes first?');
    const [created] = await importIds([session]);
    // The user dates the note otherwise, and the cache (derived data, safe to delete) is gone.
    await sessions.engine.call('notes.update', { id: created!.noteId, frontmatter: { created: '2020-01-02T03:04:05.000Z' } });
    await rm(path.join(sessions.engine.notebook, '.fieldnotes', 'cache', 'sessions.json'), { force: true });

    const { sessions: listed } = await sessions.engine.call<{ sessions: SessionListing[] }>('sessions.list', { agent: 'claude-code' });
    expect(listed.find((row) => row.id === session)?.imported).toMatchObject({ noteId: created!.noteId, current: true });
    await rm(path.join(sessions.engine.notebook, '.fieldnotes', 'cache', 'sessions.json'), { force: true });
    await sessions.run('And which one after it?', { resume: session });
    const [updated] = await importIds([session]);
    expect(updated).toMatchObject({ status: 'updated', noteId: created!.noteId });
    const { notes } = await sessions.engine.call<{ notes: Array<{ id: string }> }>('notes.list', {});
    expect(notes.filter((row) => (row.id === created!.noteId))).toHaveLength(1);
    const holding = [];
    for (const row of notes) if ((await sessions.engine.note(row.id)).frontmatter?.imported_from?.session === session) holding.push(row.id);
    expect(holding).toEqual([created!.noteId]);
  }, 120_000);

  it('the note pins the commit that was HEAD when the session ran, not a later one', async () => {
    const { repo } = sessions.workspace;
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_COMMITTER_DATE: '2099-01-01T00:00:00Z', GIT_AUTHOR_DATE: '2099-01-01T00:00:00Z' } }).trim();
    const then = git('rev-parse', 'HEAD');
    await sessions.serve([{ kind: 'tool', name: 'Read', input: { file_path: path.join(repo, FIXTURE_FILE) } }, { kind: 'text', text: 'Nutmeg, at that commit.' }]);
    const { session } = await sessions.run('Which spice was it then?');
    // The person commits a change after the session, before importing it.
    await writeFile(path.join(repo, FIXTURE_FILE), 'The secret ingredient is now saffron.\n');
    git('-c', 'user.name=Later', '-c', 'user.email=later@example.invalid', 'commit', '-qam', 'later');
    expect(git('rev-parse', 'HEAD')).not.toBe(then);
    const [created] = await importIds([session]);
    const note = await sessions.engine.note(created!.noteId!);
    expect(note.frontmatter).toMatchObject({ repo: { commit: then }, sources: [{ path: FIXTURE_FILE, blob: git('rev-parse', `${then}:${FIXTURE_FILE}`) }] });
  }, 120_000);

  it('Ask follow-up on an imported session resumes that very session', async () => {
    await sessions.serve([{ kind: 'text', text: 'First answer: ginger.' }, { kind: 'text', text: 'Second answer.' }]);
    const { session } = await sessions.run('What spice is it?');
    const [created] = await importIds([session]);

    const plan = await sessions.engine.call<{ resumes: boolean; summary: string }>('tasks.planFollowUp', { noteId: created!.noteId });
    expect(plan).toMatchObject({ resumes: true, summary: expect.stringContaining('Continues Claude Code’s session in repo') });
    const followUp = await sessions.engine.call<Task>('tasks.followUp', { noteId: created!.noteId, question: 'And which one after it?' });
    const [done] = await sessions.engine.finished([followUp.id]);
    expect(done!.status).toBe('done');
    const seen = bodiesText(sessions.stage.server.turnRequests().slice(1));
    expect(seen).toContain('First answer: ginger.');
    expect(seen).toContain('And which one after it?');
    const answer: Note = await sessions.engine.note(followUp.id);
    expect(answer.frontmatter).toMatchObject({ parent: created!.noteId, agent: { session } });
  }, 120_000);

  it("a sub-agent's reads count as the session's sources; its log is not listed as a session of its own", async () => {
    const { repo } = sessions.workspace;
    await sessions.serve([
      { kind: 'tool', name: 'Agent', input: { description: 'Find the ingredient', prompt: 'Read docs/recipe.md and report the ingredient.', subagent_type: 'general-purpose', run_in_background: false } },
      { kind: 'tool', name: 'Read', input: { file_path: path.join(repo, 'README.md') } },
      { kind: 'text', text: 'The sub-agent found: a fixture repo.' },
      { kind: 'text', text: 'The sub-agent says it is a fixture repo.' },
    ]);
    const { session } = await sessions.run('Use a sub-agent to look around.', { mode: 'poc' });
    const config = sessions.env.CLAUDE_CONFIG_DIR!;
    const subagentLogs = execFileSync('find', [config, '-path', '*subagents*', '-name', '*.jsonl'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
    expect(subagentLogs.length).toBeGreaterThan(0);

    const { sessions: listed } = await sessions.engine.call<{ sessions: SessionListing[] }>('sessions.list', { agent: 'claude-code' });
    expect(listed.filter((row) => row.id === session)).toHaveLength(1);
    const [created] = await importIds([session]);
    const note = await sessions.engine.note(created!.noteId!);
    expect(note.frontmatter!.sources).toContainEqual(expect.objectContaining({ path: 'README.md', blob: expect.any(String) }));
  }, 120_000);
});

