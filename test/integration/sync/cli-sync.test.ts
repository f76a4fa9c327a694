// `fieldnotes sync` and `fieldnotes clone` as a user runs them: real processes, real git, a bare
// remote in a temp folder; what came and went is printed, and an error is words and a non-zero exit.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFieldnotes } from '../../support/fieldnotes-cli';
import { tempDir } from '../../support/temp';
import { bareRemote, commitFile, expectSaneNotebook, git, noteId, noteText, teammate } from '../../support/teammates';

describe('fieldnotes sync and clone', () => {
  it('sets up, pushes, clones elsewhere, and pulls a teammate’s note with its conflict named', async () => {
    const home = await tempDir('fieldnotes-home-');
    const fieldnotes = (...args: string[]) => runFieldnotes(args, home);
    const remote = await bareRemote();
    const ana = join(await tempDir('fieldnotes-ana-'), 'notebook');
    const id = noteId();
    const path = 'ky/2026-12-01-routing.md';

    const setup = await fieldnotes('--notebook', ana, 'sync', '--setup', remote);
    expect(setup.stderr).toBe('');
    expect(setup.code).toBe(0);
    expect(setup.stdout).toMatch(/pulled 0 commits, pushed 1 commit\./);
    git(ana, 'config', 'user.name', 'ana');
    git(ana, 'config', 'user.email', 'ana@example.invalid');
    await commitFile(ana, path, noteText({ id, title: 'Routing' }, 'The router reads the path.\n'));
    expect((await fieldnotes('--notebook', ana, 'sync')).stdout).toMatch(/pushed 1 commit/);

    const ben = join(await tempDir('fieldnotes-ben-'), 'team');
    const cloned = await fieldnotes('clone', remote, ben);
    expect(cloned.code).toBe(0);
    expect(cloned.stdout).toContain(`into ${ben} (1 note)`);
    // The clone is the notebook Fieldnotes opens next (the app's settings remember it).
    expect(JSON.parse(await readFile(join(home, 'settings.json'), 'utf8')).notebook).toBe(ben);
    git(ben, 'config', 'user.name', 'ben');
    git(ben, 'config', 'user.email', 'ben@example.invalid');

    await commitFile(ana, path, noteText({ id, title: 'Routing' }, 'Ana: a trie.\n'));
    await commitFile(ben, path, noteText({ id, title: 'Routing' }, 'Ben: a list.\n'));
    await fieldnotes('--notebook', ana, 'sync');
    const synced = await fieldnotes('--notebook', ben, '--json', 'sync');
    expect(synced.code).toBe(0);
    const outcome = JSON.parse(synced.stdout) as { pulled: number; pushed: number; conflicted: string[] };
    expect(outcome).toMatchObject({ pulled: 1, pushed: 2, conflicted: [path] });
    const text = (await expectSaneNotebook(ben)).get(path)!;
    expect(text).toContain('Ben: a list.');
    expect(text).toContain('Ana: a trie.');

    const status = await fieldnotes('--notebook', ben, 'sync', '--status');
    expect(status.stdout).toMatch(/0 ahead, 0 behind/);
    expect(status.stdout).toMatch(/1 note with both sides of a conflict/);
  });

  it('fails with the problem in words when the remote is not there', async () => {
    const home = await tempDir('fieldnotes-home-');
    const notebook = await teammate(await bareRemote(), 'ana');
    const gone = join(home, 'gone.git');
    git(notebook, 'remote', 'set-url', 'origin', gone);
    await commitFile(notebook, 'a.md', noteText({ id: noteId(), title: 'A' }, 'a\n'));
    const run = await runFieldnotes(['--notebook', notebook, 'sync'], home);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`There is no repository at ${gone}`);
    const clone = await runFieldnotes(['clone', gone, join(home, 'x')], home);
    expect(clone.code).not.toBe(0);
    expect(clone.stderr).toContain('There is no repository at');
  });
});
