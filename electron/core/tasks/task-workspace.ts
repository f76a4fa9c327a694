// Where a task's agent works: the repo itself (explain, read-only) or a scratch checkout (poc), and
// what is kept of it afterwards: the poc diff as an artifact of the note, and the note's sources.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { NoteMode, RepoRef, Source } from '../../../shared/model/note';
import type { Notebook } from '../notebook/notebook';
import { gitOk } from '../repos/git';
import { readRepoFacts, type RepoFacts } from '../repos/repo-facts';
import { createScratchCheckout, discardScratchCheckout, scratchDiff, type ScratchCheckout } from './scratch-checkout';
import { resolveSources, type SourceRoots } from './sources';

export interface TaskWorkspace {
  /** The folder the agent runs in. */
  cwd: string;
  /** The codebase as it is now (re-read when the task starts); null for a poc without one. */
  repo: RepoFacts | null;
  checkout: ScratchCheckout | null;
  /** True when this task made the checkout (an earlier task's checkout is never removed here). */
  madeCheckout: boolean;
  sourceRoots: SourceRoots | null;
}

export interface WorkspaceInput {
  id: string;
  mode: NoteMode;
  /** The codebase's folder, when there is one. */
  repoPath: string | null;
  scratchRoot: string;
  /** poc: an earlier task's checkout to continue in (a follow-up). */
  reuseCheckout?: string;
}

/** The scratch checkout a poc task works in: `<scratchRoot>/<task id>`. */
export function scratchDirOf(scratchRoot: string, id: string): string {
  return join(scratchRoot, id);
}

export async function prepareWorkspace(input: WorkspaceInput): Promise<TaskWorkspace> {
  const repo = input.repoPath === null ? null : await readRepoFacts(input.repoPath).catch((error: unknown) => {
    throw new Error(`The codebase folder ${input.repoPath} cannot be read any more (${error instanceof Error ? error.message : String(error)}).`);
  });
  const root = repo?.root ?? repo?.path;
  if (input.mode === 'explain') {
    if (!repo || !root) throw new Error('Explain mode needs a codebase folder.');
    return { cwd: repo.path, repo, checkout: null, madeCheckout: false, sourceRoots: { cwd: repo.path, root } };
  }
  const reuse = input.reuseCheckout && (await stat(input.reuseCheckout).catch(() => null))?.isDirectory() ? input.reuseCheckout : undefined;
  const checkout = reuse
    ? { dir: reuse, kind: 'worktree' as const, base: (await gitOk(reuse, ['rev-parse', 'HEAD'])).trim(), ...(repo?.root ? { repoRoot: repo.root } : {}) }
    : await createScratchCheckout(input.scratchRoot, input.id, repo);
  const sourceRoots = root ? { cwd: checkout.dir, root: checkout.dir, alsoRoot: root } : null;
  // The agent sees the checkout's commit, clean: not the user's HEAD or working tree of today.
  const seen = repo ? { ...repo, commit: checkout.base, dirty: false } : null;
  return { cwd: checkout.dir, repo: seen, checkout, madeCheckout: !reuse, sourceRoots };
}

/** Removes a checkout this task made but never used (it was cancelled before the agent started). */
export async function discardUnused(workspace: TaskWorkspace, scratchRoot: string, id: string): Promise<void> {
  if (workspace.checkout && workspace.madeCheckout) await discardScratchCheckout(scratchRoot, id);
}

/**
 * Saves what the agent changed in its scratch checkout as `<id>.patch` next to the note; returns
 * what the note should say about it.
 */
export async function keepChanges(workspace: TaskWorkspace, notebook: Notebook, id: string): Promise<string> {
  const checkout = workspace.checkout;
  if (!checkout) return '';
  const where = `the scratch checkout \`${checkout.dir}\``;
  const diff = await scratchDiff(checkout);
  const files = changedFiles(diff);
  if (diff.trim() === '') return `The agent changed no files in ${where}.`;
  const name = `${id}.patch`;
  await notebook.writeArtifact(id, name, diff);
  const list = files.slice(0, 20).map((file) => `\`${file}\``).join(', ') + (files.length > 20 ? `, and ${files.length - 20} more` : '');
  const since = workspace.madeCheckout ? '' : ' (with the changes of the earlier tasks in that checkout)';
  return `The agent changed ${files.length} ${files.length === 1 ? 'file' : 'files'} in ${where}: ${list}. `
    + `The diff${since} is kept with this note as \`${name}\`; the checkout stays until you discard it.`;
}

/** The note's sources: the files the agent read inside the codebase, with their blob at its commit. */
export function noteSources(workspace: TaskWorkspace, paths: readonly string[]): Promise<Source[]> {
  const repo = workspace.repo;
  const root = repo?.root ?? repo?.path;
  if (!repo || !root) return Promise.resolve([]);
  return resolveSources(paths, {
    root,
    ...(repo.commit ? { commit: workspace.checkout?.base ?? repo.commit } : {}),
    filesDir: workspace.checkout?.dir ?? root,
    atCommitOnly: workspace.checkout !== null,
  });
}

/** What the note's frontmatter records of a codebase. */
export function repoRef(facts: RepoFacts): RepoRef {
  const { root: _root, isGit: _isGit, ...ref } = facts;
  return ref;
}

/** The files a unified diff changes, by their new paths. */
export function changedFiles(diff: string): string[] {
  const files: string[] = [];
  for (const match of diff.matchAll(/^diff --git a\/(.+?) b\/(.+)$/gm)) files.push(match[2] ?? match[1] ?? '');
  return files.filter(Boolean);
}
