// A notebook full of files that are not good notes: none of them breaks the app or hides the
// good notes; each is listed with a problem that says what is wrong, or skipped with a reason.
import { execFile } from 'node:child_process';
import { chmod, chown, mkdir, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Notebook } from '../../electron/core/notebook/notebook';
import type { NoteSummary } from '../../shared/model/note';
import { CLI } from '../support/paths';
import { noteText, writeNoteFile } from '../support/notes';
import { removeDir, tempDir } from '../support/temp';

const run = promisify(execFile);
let root: string;
let outside: string;
let notes: NoteSummary[];
const logged: string[] = [];
let notebook: Notebook;

beforeAll(async () => {
  root = await tempDir();
  outside = await tempDir();
  await writeNoteFile(root, 'ky/good.md', noteText({ id: '01JE0000000000000000000010', title: 'A good note' }));
  await writeNoteFile(root, 'ky/bad-yaml.md', '---\nid: 01JE0000000000000000000011\ntitle: [unclosed\n---\nbody\n');
  await writeNoteFile(root, 'ky/missing-fields.md', '---\nid: 01JE0000000000000000000012\n---\nbody\n');
  await writeNoteFile(root, 'ky/wrong-types.md', '---\nid: 01JE0000000000000000000013\ntitle: 42\ncreated: soon\ntags: {a: 1}\n---\nbody\n');
  await writeNoteFile(root, 'ky/latin1.md', Buffer.from('---\nid: 01JE0000000000000000000014\ntitle: Caf\xe9\ncreated: 2026-11-20T00:00:00Z\n---\n\xe9t\xe9\n', 'latin1'));
  await writeNoteFile(root, 'ky/empty.md', '');
  await writeNoteFile(root, 'ky/binary.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
  await writeNoteFile(root, 'ky/huge.md', Buffer.alloc(10 * 1024 * 1024, 'a'));
  await writeNoteFile(root, 'vault/Daily note.md', '# Standup, 2 October\n\n- shipped the cache\n');
  await writeNoteFile(root, 'vault/with-tags.md', '---\ntags: [daily, obsidian]\n---\n# Tagged\n');
  await symlink('loop-b.md', join(root, 'vault', 'loop-a.md'));
  await symlink('loop-a.md', join(root, 'vault', 'loop-b.md'));
  await symlink(root, join(root, 'vault', 'folder-loop'));
  await writeFile(join(outside, 'secret.md'), '# Outside secret\n');
  await symlink(join(outside, 'secret.md'), join(root, 'vault', 'link-out.md'));
  await writeNoteFile(root, 'ky/locked.md', noteText({ title: 'Locked' }));
  await chmod(join(root, 'ky', 'locked.md'), 0o000);
  await mkdir(join(root, '.obsidian'));
  await writeFile(join(root, '.obsidian', 'workspace.md'), 'not a note');
  notebook = await Notebook.open(root, { log: (message) => logged.push(message) });
  notes = notebook.list();
});

afterAll(async () => {
  await notebook.close();
  await chmod(join(root, 'ky', 'locked.md'), 0o644).catch(() => undefined);
  await removeDir(root);
  await removeDir(outside);
});

const byPath = (path: string) => notes.find((note) => note.path === path);

describe('a notebook with broken files', () => {
  it('still lists the good note, unharmed', () => {
    expect(byPath('ky/good.md')).toMatchObject({ title: 'A good note' });
    expect(byPath('ky/good.md')!.problem).toBeUndefined();
  });

  it.each([
    ['ky/bad-yaml.md', 'BAD_YAML', /not valid YAML/],
    ['ky/missing-fields.md', 'BAD_FRONTMATTER', /title: .*created: /],
    ['ky/wrong-types.md', 'BAD_FRONTMATTER', /wrong fields/],
    ['ky/latin1.md', 'NOT_UTF8', /not UTF-8/],
    ['ky/empty.md', 'EMPTY', /empty/],
    ['ky/binary.md', 'BINARY', /binary/],
    ['ky/huge.md', 'TOO_LARGE', /10\.0 MB/],
  ])('lists %s with a %s problem that says what is wrong', (path, code, message) => {
    expect(byPath(path)?.problem).toMatchObject({ code, message: expect.stringMatching(message) });
  });

  it('lists plain Markdown (an Obsidian vault) as imported notes, titled by their first heading', () => {
    expect(byPath('vault/Daily note.md')).toMatchObject({ title: 'Standup, 2 October', imported: true });
    expect(byPath('vault/with-tags.md')).toMatchObject({ title: 'Tagged', tags: ['daily', 'obsidian'], imported: true });
    expect(byPath('vault/Daily note.md')!.problem).toBeUndefined();
  });

  it('skips symlink loops and links out of the notebook, logging why', () => {
    for (const path of ['vault/loop-a.md', 'vault/loop-b.md', 'vault/link-out.md']) expect(byPath(path)).toBeUndefined();
    expect(notebook.skipped).toEqual(
      expect.arrayContaining([
        { path: 'vault/loop-a.md', reason: 'a symlink loop' },
        { path: 'vault/link-out.md', reason: expect.stringMatching(/outside the notebook/) },
        { path: 'vault/folder-loop', reason: expect.stringMatching(/does not follow symlinked folders/) },
      ]),
    );
    expect(logged.join('\n')).toMatch(/skipped vault\/loop-a\.md: a symlink loop/);
    expect(notes.some((note) => note.title === 'Outside secret')).toBe(false);
  });

  it('leaves dot folders (.obsidian, .git, .fieldnotes) alone', () => {
    expect(notes.some((note) => note.path.startsWith('.'))).toBe(false);
  });

  it('still opens every readable note, and explains the unreadable ones', async () => {
    for (const note of notes) {
      const read = await notebook.get(note.id);
      expect(read.summary.path).toBe(note.path);
    }
  });
});

// Root reads any file, so the unreadable-file case runs the real CLI as an unprivileged user.
const asNobody = process.getuid?.() === 0 && existsSync('/usr/bin/setpriv');
describe.skipIf(process.getuid?.() === 0 && !asNobody)('a file the user cannot read', () => {
  it('is listed with a problem that says to check its permissions', async () => {
    const dir = await tempDir();
    await chmod(dir, 0o755);
    await writeNoteFile(dir, 'ky/good.md', noteText({ title: 'Readable' }));
    await writeNoteFile(dir, 'ky/locked.md', noteText({ title: 'Locked' }));
    await chmod(join(dir, 'ky', 'locked.md'), 0o000);
    let stdout: string;
    if (asNobody) {
      await chown(dir, 65534, 65534);
      await chown(join(dir, 'ky'), 65534, 65534);
      ({ stdout } = await run('/usr/bin/setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, CLI, '--json', '--notebook', dir, 'list'], {
        env: { ...process.env, HOME: join(dir, '.home'), FIELDNOTES_HOME: join(dir, '.home') },
      }));
    } else {
      ({ stdout } = await run(process.execPath, [CLI, '--json', '--notebook', dir, 'list']));
    }
    const listed = JSON.parse(stdout) as NoteSummary[];
    expect(listed.find((note) => note.path === 'ky/good.md')?.title).toBe('Readable');
    expect(listed.find((note) => note.path === 'ky/locked.md')?.problem).toMatchObject({ code: 'UNREADABLE', message: expect.stringMatching(/permission/) });
    await removeDir(dir);
  });
});
