// One sync of the notebook with its remote: fetch, merge (tree-merge.ts: no conflict marker ever
// reaches a note), fast-forward the work tree, push; a push the remote rejected because it moved
// meanwhile goes round again. Git runs as the user's git, with the user's credentials.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { currentBranch, hasCommits, isNotebookRepo, syncRemote } from './notebook-repo';
import { finishStoppedOperation } from './stopped-operation';
import { networkProblem, SyncError } from './sync-errors';
import { syncGit, syncGitOk } from './sync-git';
import { SyncJournal } from './sync-journal';
import { mergeCommits } from './tree-merge';

export interface SyncOutcome {
  /** Commits that came in from the remote. */
  pulled: number;
  /** Commits sent to the remote. */
  pushed: number;
  /** Notes changed on both sides whose bodies are both kept (`conflict:` in their frontmatter). */
  conflicted: string[];
  /** Notes deleted on one side and edited on the other, kept. */
  keptDeleted: string[];
  /** True when a sync killed earlier was cleaned up first. */
  recovered: boolean;
}

const MAX_ROUNDS = 4;

export async function syncNotebook(root: string): Promise<SyncOutcome> {
  if (!(await isNotebookRepo(root))) throw new SyncError('no-repo', 'This notebook is not a git repository yet. Set up sharing first (Sync ▸ Set up, or `fieldnotes sync --setup <url>`).');
  const gitDir = await gitDirOf(root);
  const { journal, recovered } = await SyncJournal.take(root, gitDir);
  try {
    const outcome = await syncLocked(root, gitDir, journal);
    await recordSync(gitDir, { lastSync: new Date().toISOString(), lastError: null });
    return { ...outcome, recovered };
  } catch (error) {
    await recordSync(gitDir, { lastError: error instanceof Error ? error.message : String(error), lastErrorAt: new Date().toISOString() }).catch(() => undefined);
    throw error;
  } finally {
    await journal.release();
  }
}

async function syncLocked(root: string, gitDir: string, journal: SyncJournal): Promise<Omit<SyncOutcome, 'recovered'>> {
  const conflicted = await finishStoppedOperation(root, gitDir);
  const keptDeleted: string[] = [];
  const branch = await currentBranch(root);
  const remote = await syncRemote(root, branch);
  if (!remote) throw new SyncError('no-remote', 'This notebook has no remote to sync with. Add one: `git remote add origin <url>` in the notebook folder, or set it up from the Sync menu.');
  const url = (await syncGit(root, ['remote', 'get-url', remote])).stdout.trim() || remote;
  let pulled = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const fetched = await syncGit(root, ['fetch', '--quiet', '--prune', remote]);
    if (fetched.code !== 0) throw networkProblem(fetched.stderr, url);
    const upstream = `refs/remotes/${remote}/${branch}`;
    const theirs = (await syncGit(root, ['rev-parse', '--verify', '--quiet', upstream])).stdout.trim() || null;
    const mine = (await hasCommits(root)) ? (await syncGitOk(root, ['rev-parse', 'HEAD'])).trim() : null;
    if (theirs) {
      const merge = await mergeCommits(root, mine, theirs, `sync: merge ${remote}/${branch}`);
      conflicted.push(...merge.conflicted);
      keptDeleted.push(...merge.keptDeleted);
      if (merge.target) {
        pulled += Number((await syncGitOk(root, ['rev-list', '--count', merge.target, ...(mine ? [`^${mine}`] : [])])).trim()) - (merge.target === theirs ? 0 : 1);
        await moveTo(root, journal, mine, merge.target);
      }
    }
    if (!(await hasCommits(root))) return { pulled, pushed: 0, conflicted, keptDeleted };
    const ahead = theirs ? Number((await syncGitOk(root, ['rev-list', '--count', 'HEAD', `^${theirs}`])).trim()) : Number((await syncGitOk(root, ['rev-list', '--count', 'HEAD'])).trim());
    if (ahead === 0) return { pulled, pushed: 0, conflicted, keptDeleted };
    const pushed = await syncGit(root, ['push', '--porcelain', remote, `HEAD:refs/heads/${branch}`]);
    if (pushed.code === 0) {
      await setUpstream(root, branch, remote);
      return { pulled, pushed: ahead, conflicted, keptDeleted };
    }
    const text = pushed.stderr + pushed.stdout;
    // The remote moved since the fetch: take its new commits and try again.
    if (/\[rejected\]|fetch first|non-fast-forward|failed to update ref|cannot lock ref/i.test(text)) continue;
    throw networkProblem(pushed.stderr, url);
  }
  throw new SyncError('diverged', 'The remote kept changing while Fieldnotes synced; try Sync again in a moment.');
}

/** Moves the branch and the work tree to `target` (a fast-forward of HEAD), journaled for a kill. */
async function moveTo(root: string, journal: SyncJournal, from: string | null, target: string): Promise<void> {
  if (from === null) {
    const result = await syncGit(root, ['reset', '--keep', target]);
    if (result.code !== 0) throw dirtyProblem(result.stderr);
    return;
  }
  await journal.updating(from, target);
  const result = await syncGit(root, ['merge', '--ff-only', '--quiet', target]);
  if (result.code !== 0) throw dirtyProblem(result.stderr);
}

function dirtyProblem(stderr: string): SyncError {
  const files = stderr.split('\n').filter((line) => /^\s+\S/.test(line)).map((line) => line.trim()).slice(0, 5);
  return new SyncError('dirty', `Files changed here but not committed would be overwritten by the sync${files.length ? ` (${files.join(', ')})` : ''}. Commit them (or turn on auto-commit), then sync again.`);
}

async function setUpstream(root: string, branch: string, remote: string): Promise<void> {
  if ((await syncGit(root, ['config', '--get', `branch.${branch}.remote`])).code === 0) return;
  await syncGit(root, ['branch', `--set-upstream-to=${remote}/${branch}`, branch]);
}

export async function gitDirOf(root: string): Promise<string> {
  const dir = (await syncGitOk(root, ['rev-parse', '--git-dir'])).trim();
  return isAbsolute(dir) ? dir : join(root, dir);
}

export interface SyncRecord {
  lastSync?: string | null;
  lastError?: string | null;
  lastErrorAt?: string;
}

const RECORD = 'fieldnotes-sync.json';

/** When this machine last synced the notebook, and the last error: kept in .git, never committed. */
export async function readSyncRecord(gitDir: string): Promise<SyncRecord> {
  try {
    return JSON.parse(await readFile(join(gitDir, RECORD), 'utf8')) as SyncRecord;
  } catch {
    return {};
  }
}

async function recordSync(gitDir: string, change: SyncRecord): Promise<void> {
  const current = await readSyncRecord(gitDir);
  await mkdir(gitDir, { recursive: true });
  await writeFile(join(gitDir, RECORD), JSON.stringify({ ...current, ...change }) + '\n');
}
