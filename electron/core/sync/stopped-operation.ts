// A rebase or merge that stopped on conflicts in the notebook (the user's `git pull --rebase`, or a
// sync killed before our time): its conflicted notes are settled by our rules, so git's markers
// are replaced before the operation goes on to its end.
import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mergeNote } from './note-merge';
import { SyncError } from './sync-errors';
import { showFile, syncGit, syncGitOk } from './sync-git';

type Operation = 'rebase' | 'merge' | null;

export async function stoppedOperation(gitDir: string): Promise<Operation> {
  const exists = (name: string) => stat(join(gitDir, name)).then(() => true, () => false);
  if ((await exists('rebase-merge')) || (await exists('rebase-apply'))) return 'rebase';
  if (await exists('MERGE_HEAD')) return 'merge';
  return null;
}

/** Finishes a stopped rebase or merge; returns the notes whose bodies conflicted (both kept). */
export async function finishStoppedOperation(root: string, gitDir: string): Promise<string[]> {
  const conflicted: string[] = [];
  for (let round = 0; round < 200; round++) {
    const operation = await stoppedOperation(gitDir);
    if (operation === null) return conflicted;
    conflicted.push(...(await settleUnmerged(root, operation)));
    const next = operation === 'rebase' ? await syncGit(root, ['-c', 'core.editor=true', 'rebase', '--continue']) : await syncGit(root, ['commit', '--no-edit', '-q']);
    if (next.code !== 0 && (await syncGitOk(root, ['ls-files', '-u'])).trim() === '') {
      // Nothing left unmerged, yet git would not go on (an empty commit in a rebase): skip it.
      if (operation === 'rebase' && /nothing to commit|empty/i.test(next.stdout + next.stderr)) {
        await syncGit(root, ['rebase', '--skip']);
        continue;
      }
      throw new SyncError('failed', `The ${operation} that stopped in the notebook could not go on: ${(next.stderr || next.stdout).trim().split('\n').slice(-2).join(' ')}. Finish it with git (git status says how).`);
    }
  }
  throw new SyncError('failed', 'The stopped rebase did not come to an end; finish it with git (git status says how).');
}

async function settleUnmerged(root: string, operation: 'rebase' | 'merge'): Promise<string[]> {
  const listing = await syncGitOk(root, ['ls-files', '-u', '-z']);
  const stages = new Map<string, Map<number, string>>();
  for (const entry of listing.split('\0').filter(Boolean)) {
    const match = /^\d{6} ([0-9a-f]+) ([123])\t([\s\S]+)$/.exec(entry);
    if (!match) continue;
    if (!stages.has(match[3]!)) stages.set(match[3]!, new Map());
    stages.get(match[3]!)!.set(Number(match[2]), match[1]!);
  }
  // In a rebase, stage 2 is the branch being rebased onto (theirs) and stage 3 the local commit.
  const [mineStage, theirsStage] = operation === 'rebase' ? [3, 2] : [2, 3];
  const conflicted: string[] = [];
  for (const [path, byStage] of stages) {
    const read = (stage: number) => (byStage.has(stage) ? showFile(root, byStage.get(stage)!) : Promise.resolve(null));
    const [base, mine, theirs] = await Promise.all([read(1), read(mineStage), read(theirsStage)]);
    const file = join(root, path);
    if (mine !== null && theirs !== null) {
      const merged = await mergeNote({ base, mine, theirs, mineTime: 1, theirsTime: 0, theirsCommit: byStage.get(theirsStage)! });
      if (merged.conflict) conflicted.push(path);
      await writeFile(file, merged.text);
    } else {
      // Deleted on one side, changed on the other: the note is kept.
      await writeFile(file, (mine ?? theirs)!);
    }
    await syncGitOk(root, ['add', '--', path]);
  }
  return conflicted;
}
