// Paths from outside (API input, CLI arguments, trash records, links) never lead out of the notebook.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRelativePath, folderInside, NotebookPaths, openInside, openInsideSync } from '../../electron/core/notebook/safe-path';
import { removeDir, tempDir } from '../support/temp';

describe('a relative path from outside', () => {
  it.each([
    ['../secrets.md', 'PATH_OUTSIDE_NOTEBOOK', /climbs out/],
    ['ky/../../secrets.md', 'PATH_OUTSIDE_NOTEBOOK', /climbs out/],
    ['/etc/passwd', 'PATH_OUTSIDE_NOTEBOOK', /absolute/],
    ['C:\\Windows\\win.ini', 'PATH_OUTSIDE_NOTEBOOK', /absolute/],
    ['\\\\server\\share\\x.md', 'PATH_OUTSIDE_NOTEBOOK', /absolute/],
    ['ky\\..\\..\\x.md', 'BAD_INPUT', /backslash/],
    ['ky//x.md', 'BAD_INPUT', /empty/],
    ['ky/./x.md', 'BAD_INPUT', /empty/],
    ['ky/nul.md', 'BAD_INPUT', /not valid on every system/],
    ['ky/note.md:stream', 'BAD_INPUT', /not valid on every system/],
    ['ky/evil\u202Edm.txt', 'BAD_INPUT', /bidirectional/],
    ['ky/a\u0000b.md', 'BAD_INPUT', /control character/],
    ['ky/\u200Bhidden.md', 'BAD_INPUT', /invisible/],
    ['\uFF0E\uFF0E/\uFF0E\uFF0E/etc/passwd', 'BAD_INPUT', /look-alike/],
    ['..\u2215..\u2215etc', 'BAD_INPUT', /look-alike/],
  ])('%j is refused (%s)', (path, code, message) => {
    expect(() => checkRelativePath(path)).toThrow(expect.objectContaining({ code, message: expect.stringMatching(message) }));
  });

  it('is accepted when it stays inside', () => {
    expect(checkRelativePath('ky/2026-11-28-routing.md')).toEqual(['ky', '2026-11-28-routing.md']);
    expect(checkRelativePath('next.js/ルーティング.md')).toEqual(['next.js', 'ルーティング.md']);
  });
});

describe('symlinks', () => {
  let base: string;
  let paths: NotebookPaths;

  beforeAll(async () => {
    base = realpathSync(await tempDir());
    await mkdir(join(base, 'notebook', 'ky'), { recursive: true });
    await mkdir(join(base, 'outside'));
    await writeFile(join(base, 'outside', 'secret.md'), 'secret');
    await symlink(join(base, 'outside'), join(base, 'notebook', 'linked-folder'));
    await symlink(join(base, 'outside', 'secret.md'), join(base, 'notebook', 'ky', 'linked.md'));
    await writeFile(join(base, 'notebook', 'ky', 'inside.md'), 'inside');
    await symlink(join(base, 'notebook', 'ky', 'inside.md'), join(base, 'notebook', 'ky', 'alias.md'));
    paths = new NotebookPaths(join(base, 'notebook'));
  });
  afterAll(() => removeDir(base));

  it('pointing out of the notebook are refused, for files and for folders', async () => {
    await expect(paths.resolveReal('ky/linked.md')).rejects.toMatchObject({ code: 'PATH_OUTSIDE_NOTEBOOK', message: expect.stringMatching(/symlink/) });
    await expect(paths.resolveReal('linked-folder/secret.md')).rejects.toMatchObject({ code: 'PATH_OUTSIDE_NOTEBOOK' });
    await expect(paths.resolveReal('linked-folder/new/deeper.md')).rejects.toMatchObject({ code: 'PATH_OUTSIDE_NOTEBOOK' });
    await expect(paths.relativeFromOutside(join(base, 'notebook', 'linked-folder', 'secret.md'))).rejects.toMatchObject({ code: 'PATH_OUTSIDE_NOTEBOOK' });
  });

  it('inside the notebook are fine', async () => {
    await expect(paths.resolveReal('ky/alias.md')).resolves.toBe(join(base, 'notebook', 'ky', 'alias.md'));
    await expect(paths.relativeFromOutside('ky/inside.md', join(base, 'notebook'))).resolves.toBe('ky/inside.md');
  });
});

describe('the boundary for files Fieldnotes opens', () => {
  let base: string;
  let root: string;

  beforeAll(async () => {
    base = realpathSync(await tempDir());
    root = join(base, 'notebook');
    await mkdir(join(root, 'inside'), { recursive: true });
    await mkdir(join(base, 'outside'));
    await writeFile(join(base, 'outside', 'secret.txt'), 'secret');
    await writeFile(join(root, 'inside', 'kept.txt'), 'kept');
    await symlink(join(base, 'outside'), join(root, 'out'));
    await symlink(join(root, 'inside'), join(root, 'in'));
  });
  afterAll(() => removeDir(base));

  it('reads through links that stay inside, and refuses those that lead out', async () => {
    const handle = await openInside(root, join(root, 'in', 'kept.txt'));
    expect(await handle.readFile('utf8').finally(() => handle.close())).toBe('kept');
    await expect(openInside(root, join(root, 'out', 'secret.txt'))).rejects.toMatchObject({ code: 'PATH_OUTSIDE_NOTEBOOK' });
    expect(() => openInsideSync(root, join(root, 'out', 'secret.txt'))).toThrow(/links outside the notebook/);
  });

  it('makes folders inside, never through a link out', async () => {
    await folderInside(root, join(root, 'a', 'b', 'c'));
    expect(existsSync(join(root, 'a', 'b', 'c'))).toBe(true);
    await expect(folderInside(root, join(root, 'out', 'made'))).rejects.toMatchObject({ code: 'PATH_OUTSIDE_NOTEBOOK' });
    expect(existsSync(join(base, 'outside', 'made'))).toBe(false);
  });

  // mkdir -p spins forever there: /proc answers ENOENT for a new folder whose parent exists.
  it.skipIf(!existsSync('/proc/self/status'))('fails at once where a folder cannot be made, in /proc (there is no /proc here otherwise)', async () => {
    const proc = realpathSync('/proc/self');
    await expect(folderInside(proc, join(proc, '.fieldnotes', 'cache'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
