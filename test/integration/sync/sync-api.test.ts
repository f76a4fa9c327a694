// The sync.* API over real engines: two teammates' notebooks share a bare remote in a temp folder;
// auto-commit, sync, a conflict kept and searchable until settled, and errors in words.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi, type Engine } from '../../../electron/core/api';
import { inProcessClient, type InProcessApi } from '../../../electron/core/api-client';
import { tempDir } from '../../support/temp';
import { bareRemote, expectSaneNotebook, git, teammate } from '../../support/teammates';

const engines: Engine[] = [];

afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.close()));
});

async function open(notebook: string, sync: { autoCommit?: boolean; minuteMs?: number } = {}): Promise<InProcessApi> {
  const engine = await createApi({ app: { name: 'Fieldnotes', version: '0.0.0' }, transport: 'http', notebook, defaultNotebook: notebook, watch: false, search: 'on-demand', ...(sync.minuteMs ? { syncMinuteMs: sync.minuteMs } : {}) });
  engines.push(engine);
  const api = inProcessClient(engine, { validateOutput: true });
  await api.settings.update({ sync: { autoCommit: sync.autoCommit ?? true } });
  return api;
}

async function until<T>(probe: () => T | Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const log = (dir: string) => git(dir, 'log', '--format=%s').trim().split('\n');

/** Ana set the notebook up and pushed it; Ben cloned it. Both auto-commit. */
async function pair(): Promise<{ ana: InProcessApi; ben: InProcessApi; anaDir: string; benDir: string; remote: string }> {
  const remote = await bareRemote();
  const anaDir = await teammate(remote, 'ana');
  const ana = await open(anaDir);
  await ana.sync.setup({});
  await ana.sync.run();
  const benDir = await teammate(remote, 'ben');
  const ben = await open(benDir);
  return { ana, ben, anaDir, benDir, remote };
}

describe('sharing a notebook through the sync API', () => {
  it('sets up a plain notebook folder as a repository, with a remote, and pushes it', async () => {
    const remote = await bareRemote();
    const dir = await tempDir('fieldnotes-solo-');
    await writeFile(join(dir, 'first.md'), '---\nid: 01JDZ8Q6X7M3N4P5R6S7T8V9W0\ntitle: First\n---\nHello.\n');
    const api = await open(dir, { autoCommit: false });
    expect((await api.sync.status()).repo).toBe(false);
    const set = await api.sync.setup({ remote });
    expect(set).toMatchObject({ repo: true, remote, branch: expect.any(String), ahead: 1, behind: 0, lastSync: null, autoCommit: false });
    expect(git(dir, 'show', '--name-only', '--format=', 'HEAD').split('\n')).toEqual(expect.arrayContaining(['.gitignore', '.gitattributes', 'first.md']));
    const { outcome, status } = await api.sync.run();
    expect(outcome.pushed).toBe(1);
    expect(status).toMatchObject({ ahead: 0, behind: 0, lastError: null });
    expect(status.lastSync).not.toBeNull();
  });

  it('commits Fieldnotes’ own changes and brings a teammate’s notes into the list', async () => {
    const { ana, ben, anaDir, benDir } = await pair();
    const created = await ana.notes.create({ title: 'How does routing work?', repo: { name: 'ky' }, agent: { id: 'claude-code' }, body: 'The router reads the path.\n' });
    await until(() => log(anaDir), (subjects) => subjects[0] === 'note: How does routing work? (ky, claude-code)');
    await ana.notes.setTags({ id: created.summary.id, tags: ['routing'] });
    await until(() => log(anaDir), (subjects) => subjects[0] === 'edit: How does routing work? (ky, claude-code)');
    expect((await ana.sync.status()).ahead).toBe(2);
    await ana.sync.run();
    const { outcome } = await ben.sync.run();
    expect(outcome.pulled).toBe(2);
    const { notes } = await ben.notes.list();
    expect(notes.map((note) => note.title)).toEqual(['How does routing work?']);
    expect(notes[0]!.tags).toEqual(['routing']);
    await expectSaneNotebook(benDir);
  });

  it('commits a note a task writes into only once it is finished, and keeps the .gitignore in step with the settings', async () => {
    const { ana, anaDir } = await pair();
    const before = log(anaDir).length;
    const note = await ana.notes.create({ title: 'Still running', status: 'running', body: 'Half an answer.\n' });
    await ana.notes.update({ id: note.summary.id, body: 'Most of an answer.\n' });
    // Nothing is committed while the task writes: the note waits in the work tree.
    await until(() => ana.sync.status(), (status) => status.uncommitted === 1);
    expect(log(anaDir)).toHaveLength(before);
    await ana.notes.update({ id: note.summary.id, frontmatter: { status: 'done' }, body: 'The answer.\n' });
    await until(() => log(anaDir), (subjects) => subjects[0] === 'note: Still running');
    expect(git(anaDir, 'show', 'HEAD:' + note.summary.path)).toContain('The answer.');

    expect(await readFile(join(anaDir, '.gitignore'), 'utf8')).toContain('.fieldnotes/transcripts/');
    await ana.settings.update({ sync: { transcripts: true } });
    await until(() => readFile(join(anaDir, '.gitignore'), 'utf8'), (text) => !text.includes('.fieldnotes/transcripts/'));
  });

  it('untracks transcripts already committed when they stop being shared, in one commit, leaving them on disk', async () => {
    const { ana, anaDir } = await pair();
    await ana.settings.update({ sync: { transcripts: true } });
    await until(() => readFile(join(anaDir, '.gitignore'), 'utf8'), (text) => !text.includes('.fieldnotes/transcripts/'));
    await mkdir(join(anaDir, '.fieldnotes', 'transcripts'), { recursive: true });
    for (const name of ['a', 'b']) await writeFile(join(anaDir, '.fieldnotes', 'transcripts', `${name}.jsonl`), `{"from":"${name}"}\n`);
    git(anaDir, 'add', '-A');
    git(anaDir, 'commit', '-q', '-m', 'share transcripts');
    // Ana's own staged work elsewhere stays staged and out of Fieldnotes' commit.
    await writeFile(join(anaDir, 'mine.txt'), 'staged by Ana\n');
    git(anaDir, 'add', 'mine.txt');
    await ana.settings.update({ sync: { transcripts: false } });
    await until(() => log(anaDir), (subjects) => subjects[0]!.startsWith('sync: stop sharing'));
    expect(log(anaDir)[0]).toBe('sync: stop sharing transcripts (2 files); untracked, still on disk');
    expect(git(anaDir, 'show', '--name-status', '--format=', 'HEAD').trim().split('\n').sort()).toEqual(['D\t.fieldnotes/transcripts/a.jsonl', 'D\t.fieldnotes/transcripts/b.jsonl', 'M\t.gitignore']);
    expect(git(anaDir, 'ls-files', '.fieldnotes/transcripts').trim()).toBe('');
    expect(await readFile(join(anaDir, '.fieldnotes', 'transcripts', 'a.jsonl'), 'utf8')).toBe('{"from":"a"}\n');
    expect(git(anaDir, 'status', '--porcelain').trim()).toBe('A  mine.txt');
    await expectSaneNotebook(anaDir);
  });

  it('keeps both bodies of a note edited on both sides, searchable, until the user keeps one', async () => {
    const { ana, ben, benDir } = await pair();
    const note = await ana.notes.create({ title: 'Retries', body: 'Retries stop after a 413.\n' });
    await until(() => ana.sync.status(), (status) => status.ahead === 1);
    await ana.sync.run();
    await ben.sync.run();
    await ana.notes.update({ id: note.summary.id, body: 'Ana: retries stop on quokka errors.\n' });
    await ben.notes.update({ id: note.summary.id, body: 'Ben: retries stop on wombat errors.\n' });
    await until(() => Promise.all([ana.sync.status(), ben.sync.status()]), ([a, b]) => a.uncommitted === 0 && b.uncommitted === 0 && a.ahead === 1 && b.ahead === 1);
    await ana.sync.run();
    const { outcome, status } = await ben.sync.run();
    expect(outcome.conflicted).toHaveLength(1);
    expect(status.conflicts).toBe(1);
    const listed = (await ben.notes.list()).notes.find((row) => row.id === note.summary.id)!;
    expect(listed.conflict).toBe(true);
    const body = (await ben.notes.get({ id: note.summary.id })).body;
    expect(body).toContain('Ben: retries stop on wombat errors.');
    expect(body).toContain('Ana: retries stop on quokka errors.');
    for (const word of ['wombat', 'quokka']) {
      await ben.search.status({ wait: true });
      const found = await ben.search.query({ query: word });
      expect(found.hits.map((hit) => hit.id)).toEqual([note.summary.id]);
    }
    await expectSaneNotebook(benDir);

    // Auto-commit off, and an edit of Ben's own in the work tree: the resolution is committed alone.
    await ben.settings.update({ sync: { autoCommit: false } });
    await writeFile(join(benDir, 'scratch.txt'), 'Ben’s own, not for git yet.\n');
    const kept = await ben.sync.resolve({ id: note.summary.id, keep: 'theirs' });
    expect(kept.body).toBe('Ana: retries stop on quokka errors.\n');
    expect(kept.frontmatter?.conflict).toBeUndefined();
    expect(log(benDir)[0]).toBe('sync: keep theirs for Retries');
    expect(git(benDir, 'show', '--name-only', '--format=', 'HEAD').trim()).toBe(note.summary.path);
    expect(git(benDir, 'status', '--porcelain').trim()).toBe('?? scratch.txt');
    expect((await ben.sync.status()).conflicts).toBe(0);
    await expect(ben.sync.resolve({ id: note.summary.id, keep: 'mine' })).rejects.toThrow(/no sync conflict/);
    // The next sync is not blocked by Fieldnotes' own resolution, and Ana gets it.
    const after = await ben.sync.run();
    expect(after.status).toMatchObject({ ahead: 0, behind: 0, lastError: null });
    await ana.sync.run();
    expect((await ana.notes.get({ id: note.summary.id })).body).toBe('Ana: retries stop on quokka errors.\n');
  });

  it('syncs every N minutes when asked: a note committed here reaches the remote, and a teammate’s note arrives', async () => {
    const { ana, remote, anaDir } = await pair();
    // A minute of 200 ms for Ben: "sync every 1 minute" runs about five times a second.
    const benDir = await teammate(remote, 'ben-timed');
    const ben = await open(benDir, { minuteMs: 200 });
    await ben.settings.update({ sync: { syncEveryMin: 1 } });
    expect((await ben.sync.status()).syncEveryMin).toBe(1);
    const note = await ben.notes.create({ title: 'Synced on a timer', body: 'Nobody pressed Sync.\n' });
    // Poll the remote itself for Ben's commit: nobody calls sync.run.
    await until(() => git(remote, 'log', '--format=%s', '--all'), (subjects) => subjects.includes('note: Synced on a timer'));
    await ana.sync.run();
    expect((await ana.notes.list()).notes.map((row) => row.id)).toContain(note.summary.id);
    const fromAna = await ana.notes.create({ title: 'Back from Ana', body: 'Pushed by hand.\n' });
    await until(() => ana.sync.status(), (status) => status.ahead === 1);
    await ana.sync.run();
    await until(async () => (await ben.notes.list()).notes.map((row) => row.id), (ids) => ids.includes(fromAna.summary.id));
    await ben.settings.update({ sync: { syncEveryMin: 0 } });
    await expectSaneNotebook(benDir);
    await expectSaneNotebook(anaDir);
  });

  it('says what went wrong in words, and remembers it in the status', async () => {
    const dir = await tempDir('fieldnotes-lonely-');
    const api = await open(dir);
    await expect(api.sync.run()).rejects.toThrow(/not a git repository yet/);
    await api.sync.setup({});
    await expect(api.sync.run()).rejects.toThrow(/no remote to sync with/);
    await api.sync.setup({ remote: join(dir, '..', 'nowhere.git') });
    await expect(api.sync.run()).rejects.toThrow(/There is no repository at/);
    expect((await api.sync.status()).lastError).toMatch(/There is no repository at/);
  });

  it('clones a shared notebook into a new folder and opens it', async () => {
    const { ana } = await pair();
    await ana.notes.create({ title: 'Shared note', body: 'From Ana.\n' });
    await until(() => ana.sync.status(), (status) => status.ahead === 1);
    await ana.sync.run();
    const remote = (await ana.sync.status()).remote!;
    const cleo = await open(await tempDir('fieldnotes-cleo-'));
    const target = join(await tempDir('fieldnotes-clone-'), 'team-notes');
    const info = await cleo.sync.clone({ url: remote, path: target });
    expect(info.name).toBe('team-notes');
    expect((await cleo.notes.list()).notes.map((row) => row.title)).toEqual(['Shared note']);
    expect(await cleo.sync.status()).toMatchObject({ repo: true, remote, behind: 0 });
    await expect(cleo.sync.clone({ url: remote, path: target })).rejects.toThrow(/is not empty/);
    await expect(cleo.sync.clone({ url: join(target, 'missing.git'), path: join(target, '..', 'other') })).rejects.toThrow(/no repository at/);
  });
});
