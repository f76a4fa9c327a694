// Git facts a note records, read from real repositories.
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blobHashes, blobHashesAtHead } from '../../electron/core/repos/blob-hashes';
import { readRepoFacts, redactCredentials } from '../../electron/core/repos/repo-facts';
import { gitIn, makeRepo } from '../support/git-repo';
import { tempDir } from '../support/temp';

describe('repo facts', () => {
  it('reads HEAD, branch, remote and a clean tree', async () => {
    const repo = await makeRepo({ 'src/router/index.ts': 'export const route = 1;\n' });
    gitIn(repo, 'remote', 'add', 'origin', 'https://github.com/example/app.git');
    const facts = await readRepoFacts(repo);
    expect(facts).toMatchObject({ name: 'fixture-repo', isGit: true, branch: 'main', remote: 'https://github.com/example/app.git', dirty: false });
    expect(facts.commit).toBe(gitIn(repo, 'rev-parse', 'HEAD').trim());
  });

  it('sees a modified or untracked file as dirty', async () => {
    const repo = await makeRepo({ 'a.txt': 'a\n' });
    await writeFile(join(repo, 'a.txt'), 'changed\n');
    expect((await readRepoFacts(repo)).dirty).toBe(true);
    const other = await makeRepo({ 'a.txt': 'a\n' });
    await writeFile(join(other, 'new.txt'), 'new\n');
    expect((await readRepoFacts(other)).dirty).toBe(true);
  });

  it('works from a folder inside the repository and on a detached HEAD', async () => {
    const repo = await makeRepo({ 'pkg/lib/a.ts': 'a\n' });
    gitIn(repo, 'checkout', '-q', '--detach');
    const facts = await readRepoFacts(join(repo, 'pkg', 'lib'));
    expect(facts.root).toBe(repo);
    expect(facts.name).toBe('fixture-repo');
    expect(facts.branch).toBeUndefined();
    expect(facts.commit).toMatch(/^[0-9a-f]{40}$/);
  });

  it('treats a folder that is not a git repository as a codebase without a commit', async () => {
    const dir = join(await tempDir(), 'plain-folder');
    await mkdir(dir);
    expect(await readRepoFacts(dir)).toEqual({ name: 'plain-folder', path: dir, isGit: false });
  });

  it('handles a repository with no commit yet', async () => {
    const dir = join(await tempDir(), 'empty-repo');
    await mkdir(dir);
    execFileSync('git', ['-C', dir, 'init', '-q']);
    const facts = await readRepoFacts(dir);
    expect(facts.isGit).toBe(true);
    expect(facts.commit).toBeUndefined();
  });

  it('says clearly when the folder does not exist', async () => {
    await expect(readRepoFacts('/definitely/not/here')).rejects.toThrow('/definitely/not/here does not exist.');
  });

  it('never records credentials from a remote URL', () => {
    expect(redactCredentials('https://user:ghp_secret@github.com/a/b.git')).toBe('https://github.com/a/b.git');
    expect(redactCredentials('git@github.com:a/b.git')).toBe('git@github.com:a/b.git');
  });
});

describe('blob hashes', () => {
  it('pins each file to its content at the commit, in one call', async () => {
    const files = { 'src/a.ts': 'export const a = 1;\n', 'src/odd name ü.ts': 'odd\n', 'README.md': '# hi\n' };
    const repo = await makeRepo(files);
    const commit = gitIn(repo, 'rev-parse', 'HEAD').trim();
    const hashes = await blobHashes(repo, commit, ['src/a.ts', 'src/odd name ü.ts', 'missing.ts', 'src']);
    expect(hashes.get('src/a.ts')).toBe(gitIn(repo, 'hash-object', 'src/a.ts').trim());
    expect(hashes.get('src/odd name ü.ts')).toBe(gitIn(repo, 'hash-object', 'src/odd name ü.ts').trim());
    expect(hashes.has('missing.ts')).toBe(false);
    expect(hashes.has('src')).toBe(false);
    // A later change does not move the hash at the old commit.
    await writeFile(join(repo, 'src/a.ts'), 'changed\n');
    await mkdir(dirname(join(repo, 'x')), { recursive: true });
    expect((await blobHashes(repo, commit, ['src/a.ts'])).get('src/a.ts')).toBe(hashes.get('src/a.ts'));
  });

  it('reads HEAD and the blobs there in the same call, missing paths (with spaces) left out', async () => {
    const repo = await makeRepo({ 'src/a.ts': 'a\n', 'src/odd name.ts': 'odd\n' });
    const head = await blobHashesAtHead(repo, ['src/a.ts', 'src/odd name.ts', 'src/no such file.ts']);
    expect(head?.commit).toBe(gitIn(repo, 'rev-parse', 'HEAD').trim());
    expect([...head!.blobs.keys()]).toEqual(['src/a.ts', 'src/odd name.ts']);
  });

  it('gives null, without crashing, for a folder that is not a repository, even when git stops reading early', async () => {
    const plain = await tempDir('fieldnotes-plain-');
    // More input than a pipe holds: git exits before reading it, and writing the rest fails (EPIPE).
    const paths = Array.from({ length: 5000 }, (_, i) => `src/some/deeply/nested/folder/file-${i}.ts`);
    expect(await blobHashesAtHead(plain, paths)).toBeNull();
    expect(await blobHashesAtHead(join(plain, 'gone'), paths)).toBeNull();
    const empty = join(plain, 'empty-repo');
    await mkdir(empty);
    gitIn(empty, 'init', '-q');
    expect(await blobHashesAtHead(empty, ['a.ts'])).toBeNull();
  });
});
