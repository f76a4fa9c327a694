// Merging the other side into the notebook without git ever writing conflict markers into a file:
// `git merge-tree --write-tree` merges in the object store, each conflicted path is settled by
// our rules (note-merge.ts; a note deleted on one side and edited on the other is kept) in a
// temporary index, and the result becomes a merge commit. The work tree only ever moves by a
// fast-forward to that commit, so no note on disk is ever half-merged.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mergeNote } from './note-merge';
import { showFile, syncGit, syncGitOk } from './sync-git';

interface Stage {
  mode: string;
  oid: string;
}

export interface TreeMergeResult {
  /** The commit the branch should move to, or null when there is nothing to take. */
  target: string | null;
  /** Notes whose bodies conflicted (both kept, flagged `conflict:`), by path. */
  conflicted: string[];
  /** Paths kept because one side deleted them and the other edited them. */
  keptDeleted: string[];
}

/** Merges `theirs` (a commit) into `mine` (HEAD's commit, or null for a notebook with no commits). */
export async function mergeCommits(root: string, mine: string | null, theirs: string, message: string): Promise<TreeMergeResult> {
  const none: TreeMergeResult = { target: null, conflicted: [], keptDeleted: [] };
  if (mine === theirs) return none;
  if (mine === null) return { ...none, target: theirs };
  if ((await syncGit(root, ['merge-base', '--is-ancestor', theirs, mine])).code === 0) return none;
  if ((await syncGit(root, ['merge-base', '--is-ancestor', mine, theirs])).code === 0) return { ...none, target: theirs };

  const result = await syncGit(root, ['merge-tree', '--write-tree', '-z', '--allow-unrelated-histories', mine, theirs]);
  if (result.code !== 0 && result.code !== 1) throw new Error(`git merge-tree failed: ${result.stderr.trim()}`);
  const { tree, stages } = parseMergeTree(result.stdout);
  const conflicted: string[] = [];
  const keptDeleted: string[] = [];
  let finalTree = tree;
  if (stages.size > 0) {
    const [mineTime, theirsTime] = await Promise.all([commitTime(root, mine), commitTime(root, theirs)]);
    const dir = await mkdtemp(join(tmpdir(), 'fieldnotes-index-'));
    const env = { GIT_INDEX_FILE: join(dir, 'index') };
    try {
      await syncGitOk(root, ['read-tree', tree], { env });
      const entries: string[] = [];
      for (const [path, byStage] of stages) {
        const base = byStage.get(1);
        const ours = byStage.get(2);
        const other = byStage.get(3);
        if (ours && other) {
          if (path.endsWith('.md')) {
            const [baseText, mineText, theirsText] = await Promise.all([base ? blob(root, base.oid) : null, blob(root, ours.oid), blob(root, other.oid)]);
            const merged = await mergeNote({ base: baseText, mine: mineText, theirs: theirsText, mineTime, theirsTime, theirsCommit: theirs });
            if (merged.conflict) conflicted.push(path);
            const oid = (await syncGitOk(root, ['hash-object', '-w', '--stdin'], { input: merged.text })).trim();
            entries.push(`${ours.mode} ${oid}\t${path}`);
          } else {
            // Not a note (a transcript, an artifact, the user's file): keep mine, and theirs beside it.
            entries.push(`${ours.mode} ${ours.oid}\t${path}`, `${other.mode} ${other.oid}\t${path}.theirs-${theirs.slice(0, 7)}`);
          }
        } else {
          // Deleted on one side, changed on the other: keep the changed one.
          const kept = ours ?? other;
          if (kept) {
            entries.push(`${kept.mode} ${kept.oid}\t${path}`);
            keptDeleted.push(path);
          }
        }
      }
      // Drop the conflict stages, then put in the settled entries.
      await syncGitOk(root, ['update-index', '--force-remove', '-z', '--stdin'], { env, input: [...stages.keys()].map((path) => `${path}\0`).join('') });
      await syncGitOk(root, ['update-index', '--add', '--index-info'], { env, input: entries.map((line) => `${line}\n`).join('') });
      finalTree = (await syncGitOk(root, ['write-tree'], { env })).trim();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const target = (await syncGitOk(root, ['commit-tree', finalTree, '-p', mine, '-p', theirs, '-m', message])).trim();
  return { target, conflicted, keptDeleted };
}

/** `git merge-tree -z` output: the tree, then `<mode> <oid> <stage>\t<path>` entries, then messages. */
function parseMergeTree(out: string): { tree: string; stages: Map<string, Map<number, Stage>> } {
  const parts = out.split('\0');
  const tree = parts[0]!.trim();
  const stages = new Map<string, Map<number, Stage>>();
  for (const part of parts.slice(1)) {
    const match = /^(\d{6}) ([0-9a-f]{40,64}) ([123])\t([\s\S]+)$/.exec(part);
    if (!match) break;
    const [, mode, oid, stage, path] = match;
    if (!stages.has(path!)) stages.set(path!, new Map());
    stages.get(path!)!.set(Number(stage), { mode: mode!, oid: oid! });
  }
  return { tree, stages };
}

async function blob(root: string, oid: string): Promise<string> {
  return (await showFile(root, oid)) ?? '';
}

async function commitTime(root: string, commit: string): Promise<number> {
  return Number((await syncGitOk(root, ['show', '-s', '--format=%ct', commit])).trim()) * 1000;
}
