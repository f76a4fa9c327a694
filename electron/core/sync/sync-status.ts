// The notebook's sync state as the sidebar and `fieldnotes sync` show it, read from git each time
// (git is the one source of truth; only the last sync's time and error are kept, in .git).
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SyncStatus } from '../../../shared/contract/sync';
import { isNotebookRepo, syncRemote } from './notebook-repo';
import { gitDirOf, readSyncRecord } from './notebook-sync';
import { syncGit } from './sync-git';

export interface StatusExtras {
  syncing: boolean;
  conflicts: number;
  commitError: string | null;
  autoCommit: boolean;
  syncEveryMin: number;
}

export async function readSyncStatus(root: string, extras: StatusExtras): Promise<SyncStatus> {
  const [transcripts, artifacts] = await Promise.all([folderBytes(join(root, '.fieldnotes', 'transcripts')), folderBytes(join(root, '.fieldnotes', 'artifacts'))]);
  const base: SyncStatus = {
    repo: false, remote: null, branch: null, ahead: 0, behind: 0, lastSync: null, lastError: null, uncommitted: 0,
    ...extras, sizes: { transcripts, artifacts },
  };
  if (!(await isNotebookRepo(root))) return base;
  const branchRef = await syncGit(root, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  const branch = branchRef.code === 0 ? branchRef.stdout.trim() : null;
  const remoteName = branch ? await syncRemote(root, branch) : null;
  const remote = remoteName ? (await syncGit(root, ['remote', 'get-url', remoteName])).stdout.trim() || remoteName : null;
  const record = await readSyncRecord(await gitDirOf(root));
  const hasHead = (await syncGit(root, ['rev-parse', '--verify', '--quiet', 'HEAD'])).code === 0;
  let ahead = 0;
  let behind = 0;
  if (hasHead && branch) {
    const upstream = remoteName ? `refs/remotes/${remoteName}/${branch}` : null;
    const known = upstream ? (await syncGit(root, ['rev-parse', '--verify', '--quiet', upstream])).code === 0 : false;
    const counted = await syncGit(root, known ? ['rev-list', '--left-right', '--count', `HEAD...${upstream}`] : ['rev-list', '--count', 'HEAD']);
    const [left, right] = counted.stdout.trim().split(/\s+/).map(Number);
    ahead = left ?? 0;
    behind = known ? (right ?? 0) : 0;
  }
  const porcelain = await syncGit(root, ['status', '--porcelain', '-z', '--untracked-files=all']);
  const uncommitted = porcelain.stdout.split('\0').filter((entry) => /^.. /.test(entry)).length;
  return { ...base, repo: true, remote, branch, ahead, behind, lastSync: record.lastSync ?? null, lastError: record.lastError ?? null, uncommitted };
}

/** The bytes of the files under `dir` (0 when it is missing). */
export async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    total += (await stat(join(entry.parentPath, entry.name)).catch(() => null))?.size ?? 0;
  }
  return total;
}
