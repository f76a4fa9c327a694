// Teammates sharing a notebook through a bare remote: every scenario ends with no note lost, no
// conflict marker in a note, and a repository `git status` understands.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitNote } from '../../../electron/core/notebook/note-format';
import { setUpNotebookRepo } from '../../../electron/core/sync/notebook-repo';
import { syncNotebook } from '../../../electron/core/sync/notebook-sync';
import { splitConflict } from '../../../shared/model/note-conflict';
import { bareRemote, commitFile, expectSaneNotebook, git, noteId, noteText, teammate } from '../../support/teammates';

const choices = { transcripts: false, artifacts: false };

async function team(count: number): Promise<{ remote: string; notebooks: string[] }> {
  const remote = await bareRemote();
  const first = await teammate(remote, 'ana');
  await setUpNotebookRepo(first, choices);
  git(first, 'add', '-A');
  git(first, 'commit', '-q', '-m', 'set up the notebook');
  git(first, 'push', '-q', '-u', 'origin', 'main');
  const notebooks = [first];
  for (const name of ['ben', 'cleo'].slice(0, count - 1)) notebooks.push(await teammate(remote, name));
  return { remote, notebooks };
}

describe('syncing a shared notebook', () => {
  it('brings concurrent notes of three teammates to all of them', async () => {
    const { notebooks } = await team(3);
    for (const [index, dir] of notebooks.entries()) await commitFile(dir, `ky/2026-12-01-note-${index}.md`, noteText({ id: noteId(), title: `Note ${index}` }, `Body ${index}\n`));
    for (const dir of notebooks) await syncNotebook(dir);
    await syncNotebook(notebooks[0]!);
    await syncNotebook(notebooks[1]!);
    for (const dir of notebooks) {
      const notes = await expectSaneNotebook(dir);
      expect([...notes.keys()].sort()).toEqual(['ky/2026-12-01-note-0.md', 'ky/2026-12-01-note-1.md', 'ky/2026-12-01-note-2.md']);
    }
  });

  it('merges the same note edited on both sides and keeps both bodies when they clash', async () => {
    const { notebooks } = await team(2);
    const [ana, ben] = notebooks as [string, string];
    const id = noteId();
    const path = 'ky/2026-12-01-routing.md';
    await commitFile(ana, path, noteText({ id, title: 'Routing', tags: ['http'] }, 'The router reads the path.\n'));
    await syncNotebook(ana);
    await syncNotebook(ben);
    await commitFile(ana, path, noteText({ id, title: 'Routing', tags: ['http', 'ana'] }, 'Ana says the router matches a trie.\n'));
    await commitFile(ben, path, noteText({ id, title: 'Routing', tags: ['http', 'ben'] }, 'Ben says the router walks a list.\n'));
    await syncNotebook(ana);
    const outcome = await syncNotebook(ben);
    expect(outcome.conflicted).toEqual([path]);
    await syncNotebook(ana);
    for (const dir of notebooks) {
      const text = (await expectSaneNotebook(dir)).get(path)!;
      const split = splitNote(text);
      expect(split.data.tags).toEqual(['http', 'ben', 'ana']);
      expect(split.data.conflict).toBeDefined();
      expect(splitConflict(split.body)).toEqual({ mine: 'Ben says the router walks a list.\n', theirs: 'Ana says the router matches a trie.\n' });
    }
  });

  it('keeps a note one teammate deleted while the other edited it', async () => {
    const { notebooks } = await team(2);
    const [ana, ben] = notebooks as [string, string];
    const id = noteId();
    const path = 'ky/2026-12-01-cache.md';
    await commitFile(ana, path, noteText({ id, title: 'Cache' }, 'First version.\n'));
    await syncNotebook(ana);
    await syncNotebook(ben);
    git(ana, 'rm', '-q', path);
    git(ana, 'commit', '-q', '-m', 'delete: Cache');
    await commitFile(ben, path, noteText({ id, title: 'Cache' }, 'Edited by Ben.\n'));
    await syncNotebook(ben);
    const outcome = await syncNotebook(ana);
    expect(outcome.keptDeleted).toEqual([path]);
    for (const dir of notebooks) await syncNotebook(dir);
    for (const dir of notebooks) expect((await expectSaneNotebook(dir)).get(path)).toContain('Edited by Ben.');
  });

  it('finishes a `git pull --rebase` that stopped on a note, without markers', async () => {
    const { notebooks } = await team(2);
    const [ana, ben] = notebooks as [string, string];
    const id = noteId();
    const path = 'ky/2026-12-01-queue.md';
    await commitFile(ana, path, noteText({ id, title: 'Queue' }, 'Base.\n'));
    await syncNotebook(ana);
    await syncNotebook(ben);
    await commitFile(ana, path, noteText({ id, title: 'Queue', tags: ['ana'] }, 'Ana.\n'));
    await syncNotebook(ana);
    await commitFile(ben, path, noteText({ id, title: 'Queue' }, 'Ben.\n'));
    const pulled = await new Promise<number>((done) => spawn('git', ['-C', ben, 'pull', '-q', '--rebase'], { stdio: 'ignore' }).on('exit', (code) => done(code ?? 1)));
    expect(pulled).not.toBe(0);
    expect(await readFile(join(ben, path), 'utf8')).toContain('<<<<<<<');
    const outcome = await syncNotebook(ben);
    expect(outcome.conflicted).toEqual([path]);
    const text = (await expectSaneNotebook(ben)).get(path)!;
    expect(splitConflict(splitNote(text).body)).toEqual({ mine: 'Ben.\n', theirs: 'Ana.\n' });
    expect(splitNote(text).data.tags).toEqual(['ana']);
    await syncNotebook(ana);
    expect((await expectSaneNotebook(ana)).get(path)).toBe(text);
  });

  it('takes the remote’s new commits when a push is rejected because the remote moved', async () => {
    const { notebooks } = await team(2);
    const [ana, ben] = notebooks as [string, string];
    await commitFile(ana, 'ky/2026-12-01-a.md', noteText({ id: noteId(), title: 'A' }, 'A\n'));
    // Ben's pre-push hook pushes Ana's note first: Ben's own push then finds the remote moved.
    const hook = join(ben, '.git', 'hooks', 'pre-push');
    await writeFile(hook, `#!/bin/sh\nif [ ! -f "${ben}/.git/moved" ]; then touch "${ben}/.git/moved"; git -C "${ana}" push -q origin main; fi\nexit 0\n`);
    await chmod(hook, 0o755);
    await commitFile(ben, 'ky/2026-12-01-b.md', noteText({ id: noteId(), title: 'B' }, 'B\n'));
    const outcome = await syncNotebook(ben);
    expect(outcome.pushed).toBeGreaterThan(0);
    await syncNotebook(ana);
    for (const dir of notebooks) expect([...(await expectSaneNotebook(dir)).keys()].sort()).toEqual(['ky/2026-12-01-a.md', 'ky/2026-12-01-b.md']);
  });

  it('says in words when the remote cannot be reached or there is none, and loses nothing', async () => {
    const { notebooks } = await team(1);
    const ana = notebooks[0]!;
    await commitFile(ana, 'ky/2026-12-01-a.md', noteText({ id: noteId(), title: 'A' }, 'A\n'));
    git(ana, 'remote', 'set-url', 'origin', 'http://127.0.0.1:9/team.git');
    await expect(syncNotebook(ana)).rejects.toMatchObject({ problem: 'offline', message: expect.stringContaining('Could not reach http://127.0.0.1:9/team.git') });
    git(ana, 'remote', 'set-url', 'origin', join(ana, 'no-such-remote.git'));
    await expect(syncNotebook(ana)).rejects.toMatchObject({ problem: 'unreachable' });
    git(ana, 'remote', 'remove', 'origin');
    await expect(syncNotebook(ana)).rejects.toMatchObject({ problem: 'no-remote' });
    expect((await expectSaneNotebook(ana)).has('ky/2026-12-01-a.md')).toBe(true);
  });

  it('recovers cleanly from a sync killed with kill -9 in the middle', async () => {
    const { remote, notebooks } = await team(2);
    const [ana, ben] = notebooks as [string, string];
    await commitFile(ana, 'ky/2026-12-01-a.md', noteText({ id: noteId(), title: 'A' }, 'A\n'));
    await syncNotebook(ana);
    await commitFile(ben, 'ky/2026-12-01-b.md', noteText({ id: noteId(), title: 'B' }, 'B\n'));
    // The sync runs in its own process; its pre-push hook says it got there, then waits to be killed.
    const hook = join(ben, '.git', 'hooks', 'pre-push');
    await writeFile(hook, `#!/bin/sh\ntouch "${ben}/.git/in-push"\nsleep 30\n`);
    await chmod(hook, 0o755);
    const script = `import { syncNotebook } from ${JSON.stringify(join(process.cwd(), 'electron/core/sync/notebook-sync.ts'))}; await syncNotebook(${JSON.stringify(ben)});`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { detached: true, stdio: 'ignore' });
    while (!existsSync(join(ben, '.git', 'in-push'))) await new Promise((done) => setTimeout(done, 20));
    process.kill(-child.pid!, 'SIGKILL');
    await new Promise((done) => child.once('exit', done));
    expect(existsSync(join(ben, '.git', 'fieldnotes-sync.lock'))).toBe(true);
    // Git killed mid-write leaves its index lock too.
    await writeFile(join(ben, '.git', 'index.lock'), '');
    await rm(hook);
    const outcome = await syncNotebook(ben);
    expect(outcome.recovered).toBe(true);
    expect(existsSync(join(ben, '.git', 'index.lock'))).toBe(false);
    await syncNotebook(ana);
    for (const dir of notebooks) expect([...(await expectSaneNotebook(dir)).keys()].sort()).toEqual(['ky/2026-12-01-a.md', 'ky/2026-12-01-b.md']);
    expect(git(remote, 'log', '--oneline', 'main')).toContain('add ky/2026-12-01-b.md');
  });
});
