// PoC tasks work in scratch checkouts: the user's tree never changes, the diff is kept.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRepoFacts } from '../../electron/core/repos/repo-facts';
import {
  createScratchCheckout,
  discardScratchCheckout,
  listScratchCheckouts,
  scratchDiff,
} from '../../electron/core/tasks/scratch-checkout';
import { gitIn, makeRepo } from '../support/git-repo';
import { tempDir } from '../support/temp';

describe('scratch checkouts', () => {
  it('check out HEAD detached, keep edits away from the user’s tree, and diff them', async () => {
    const repo = await makeRepo({ 'src/app.ts': 'export const version = 1;\n' });
    await writeFile(join(repo, 'src/app.ts'), 'export const version = 1; // my uncommitted edit\n');
    const scratch = await tempDir();
    const checkout = await createScratchCheckout(scratch, '01ABC', await readRepoFacts(repo));
    expect(checkout.kind).toBe('worktree');
    // The checkout has the commit, not the user's uncommitted edit.
    expect(await readFile(join(checkout.dir, 'src/app.ts'), 'utf8')).toBe('export const version = 1;\n');

    await writeFile(join(checkout.dir, 'src/app.ts'), 'export const version = 2;\n');
    await mkdir(join(checkout.dir, 'poc'));
    await writeFile(join(checkout.dir, 'poc/try.ts'), 'console.log("poc");\n');
    const patch = await scratchDiff(checkout);
    expect(patch).toContain('-export const version = 1;');
    expect(patch).toContain('+export const version = 2;');
    expect(patch).toContain('+++ b/poc/try.ts');

    // The user's tree and branch are as they left them.
    expect(await readFile(join(repo, 'src/app.ts'), 'utf8')).toContain('my uncommitted edit');
    expect(gitIn(repo, 'status', '--porcelain')).toBe(' M src/app.ts\n');
    expect(gitIn(repo, 'symbolic-ref', '--short', 'HEAD').trim()).toBe('main');
  });

  it('give an empty scratch repository when there is no repo', async () => {
    const scratch = await tempDir();
    const checkout = await createScratchCheckout(scratch, 'no-repo', null);
    expect(checkout.kind).toBe('empty');
    await writeFile(join(checkout.dir, 'hello.py'), 'print("hi")\n');
    expect(await scratchDiff(checkout)).toContain('+print("hi")');
  });

  it('are listed with their disk use, and discarding one prunes the worktree', async () => {
    const repo = await makeRepo({ 'a.txt': 'a'.repeat(5000) });
    const scratch = await tempDir();
    await createScratchCheckout(scratch, 'task-1', await readRepoFacts(repo));
    const listed = await listScratchCheckouts(scratch);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ name: 'task-1', kind: 'worktree' });
    expect(listed[0]!.bytes).toBeGreaterThan(5000);
    expect(gitIn(repo, 'worktree', 'list')).toContain('task-1');

    await discardScratchCheckout(scratch, 'task-1');
    expect(existsSync(join(scratch, 'task-1'))).toBe(false);
    expect(gitIn(repo, 'worktree', 'list')).not.toContain('task-1');
    expect(await listScratchCheckouts(scratch)).toEqual([]);
  });

  it('refuse names that could escape the scratch folder', async () => {
    const scratch = await tempDir();
    await expect(createScratchCheckout(scratch, '../escape', null)).rejects.toThrow('Not a safe scratch folder name');
    await expect(discardScratchCheckout(scratch, '../../etc')).rejects.toThrow('Not a scratch checkout');
  });
});
