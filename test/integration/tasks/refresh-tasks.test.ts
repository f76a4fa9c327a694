// Refreshing a stale note with the real Claude Code CLI against a scripted Anthropic server: the
// same question at the repo's new HEAD, the old note as context, the two notes linked both ways,
// and an edit the user made to the old note meanwhile kept.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NoteCitations } from '../../../shared/contract/citations';
import type { Note } from '../../../shared/model/note';
import type { Task } from '../../../shared/model/task';
import { startAnthropicServer } from '../../fixtures/model-servers/anthropic';
import type { Turn } from '../../fixtures/model-servers/script-server';
import { useCliTasks } from '../../support/cli-tasks';
import { gitIn } from '../../support/git-repo';
import { claudeCodeEnv } from '../agents/cli-envs';
import { FIXTURE_FILE, bodiesText } from '../agents/harness';
import { eventually } from './task-harness';

const tasks = useCliTasks({ bin: 'claude', startServer: startAnthropicServer, env: claudeCodeEnv }, 'claude-code');

describe('Refresh', () => {
  it('asks the same question at HEAD with the old note as context; the new note supersedes the old, which keeps the user’s edit and gains superseded_by', async () => {
    const t = tasks.engine;
    const { repo } = tasks.workspace;
    const read: Turn = { kind: 'tool', name: 'Read', input: { file_path: path.join(repo, FIXTURE_FILE) } };
    await tasks.serve([read, { kind: 'text', text: 'Cardamom is the secret\n\nThe recipe says cardamom in `docs/recipe.md:3`.' }]);
    const [old] = await t.finished([(await tasks.ask('What is the secret ingredient?')).id]);
    expect(old!.status).toBe('done');
    const firstCommit = gitIn(repo, 'rev-parse', 'HEAD').trim();

    // The code moves on: the note is stale now.
    await writeFile(path.join(repo, FIXTURE_FILE), '# Recipe\n\nThe secret ingredient is saffron-91c2.\n');
    gitIn(repo, '-c', 'user.name=Fixture', '-c', 'user.email=fixture@example.invalid', 'commit', '-qam', 'saffron now');
    const head = gitIn(repo, 'rev-parse', 'HEAD').trim();
    expect((await t.call<NoteCitations>('notes.citations', { id: old!.id })).stale).toBe(true);
    expect((await t.call<{ ids: string[] }>('notes.stale')).ids).toContain(old!.id);

    await tasks.serve([read, { kind: 'text', text: 'Saffron is the secret now\n\nThe recipe says saffron in `docs/recipe.md:3`.' }]);
    const refreshed = await t.call<Task>('tasks.refresh', { noteId: old!.id });
    expect(refreshed).toMatchObject({ agent: 'claude-code', question: 'What is the secret ingredient?', supersedes: old!.id, context: [old!.id] });
    expect((await t.note(refreshed.id)).frontmatter!.supersedes).toBe(old!.id);
    // Nothing points forward before the new answer is done.
    expect((await t.note(old!.id)).frontmatter!.superseded_by).toBeUndefined();

    // While the agent works, the user edits the old note.
    await eventually(() => tasks.server.turnRequests().length >= 1, 'the refresh asked the model');
    const edited = await t.note(old!.id);
    await t.call('notes.update', { id: old!.id, body: `${edited.body}\nMy own remark: check the spice rack.\n` });
    await t.call('notes.setTags', { id: old!.id, tags: ['spices'] });

    const [done] = await t.finished([refreshed.id]);
    expect(done).toMatchObject({ status: 'done', title: 'Saffron is the secret now' });
    // The old answer went to the agent as context.
    expect(bodiesText(tasks.server.turnRequests().slice(0, 1))).toContain('The recipe says cardamom');

    const next = await t.note(refreshed.id);
    expect(next.frontmatter).toMatchObject({ supersedes: old!.id, repo: { commit: head }, agent: { id: 'claude-code' } });
    expect(next.summary.supersedes).toBe(old!.id);
    const before = await eventually(async () => {
      const note = await t.note(old!.id);
      return note.frontmatter?.superseded_by ? note : null;
    }, 'the old note points at its successor');
    expect(before.frontmatter).toMatchObject({ superseded_by: refreshed.id, tags: ['spices'], repo: { commit: firstCommit } });
    expect(before.summary.supersededBy).toBe(refreshed.id);
    expect(before.body).toContain('My own remark: check the spice rack.');
    expect(before.body).toContain('The recipe says cardamom');
    // Refreshed, the old note leaves the Stale filter; the new one is not stale.
    const { ids: stale } = await t.call<{ ids: string[] }>('notes.stale');
    expect(stale).not.toContain(old!.id);
    expect(stale).not.toContain(refreshed.id);

    // The old note is the older of a chain now: refreshing it again points at the newer one.
    await expect(t.call('tasks.refresh', { noteId: old!.id })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(refreshed.id) });
  });

  it('a refresh that fails leaves the old note as it was; a note without a question cannot be refreshed', async () => {
    const t = tasks.engine;
    await tasks.serve([{ kind: 'text', text: 'An answer\n\nIt is in the README.' }]);
    const [old] = await t.finished([(await tasks.ask('Where is the readme?')).id]);

    await tasks.serve([{ kind: 'http_error', status: 500, message: 'scripted overload' }]);
    const refreshed = await t.call<Task>('tasks.refresh', { noteId: old!.id });
    const [failed] = await t.finished([refreshed.id]);
    expect(failed!.status).toBe('failed');
    const note = await t.note(old!.id);
    expect(note.frontmatter!.superseded_by).toBeUndefined();
    expect((await t.note(refreshed.id)).frontmatter).toMatchObject({ status: 'failed', supersedes: old!.id });

    await expect(t.call('tasks.refresh', { noteId: 'no-such-note' })).rejects.toMatchObject({ code: 'NOTE_NOT_FOUND' });
    const imported = await t.call<Note>('notes.create', { title: 'Hand-written', body: 'No question here.' });
    await expect(t.call('tasks.refresh', { noteId: imported.summary.id })).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });
});
