// What a sync in progress is doing, in `.git/fieldnotes-sync.lock`: taken when a sync starts, it
// says which process runs it and, while the work tree moves, from which commit to which. A sync
// killed with kill -9 leaves it behind; the next sync sees that its process is gone and recovers.
import { hostname } from 'node:os';
import { readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SyncError } from './sync-errors';
import { syncGit, syncGitOk } from './sync-git';
import { processExists } from '../process-alive';

export interface Journal {
  pid: number;
  host: string;
  started: string;
  /** Set while the work tree moves from one commit to another. */
  updating?: { from: string; to: string };
}

export class SyncJournal {
  private constructor(
    private readonly file: string,
    private journal: Journal,
  ) {}

  /** Takes the lock; a lock whose process died is recovered first. Refuses while another sync runs. */
  static async take(root: string, gitDir: string): Promise<{ journal: SyncJournal; recovered: boolean }> {
    const file = join(gitDir, 'fieldnotes-sync.lock');
    let recovered = false;
    for (let attempt = 0; attempt < 3; attempt++) {
      const journal: Journal = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
      try {
        await writeFile(file, JSON.stringify(journal) + '\n', { flag: 'wx' });
        return { journal: new SyncJournal(file, journal), recovered };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const held = await readJournal(file);
      if (held && held.host === hostname() && held.pid !== process.pid && processExists(held.pid)) {
        throw new SyncError('busy', `Another sync of this notebook is running (process ${held.pid}); wait for it to finish.`);
      }
      if (held && held.host !== hostname()) throw new SyncError('busy', `A sync from ${held.host} holds ${file}; remove the file if no sync runs there.`);
      await recoverKilledSync(root, gitDir, held);
      await unlink(file).catch(() => undefined);
      recovered = true;
    }
    throw new SyncError('busy', `Could not take the sync lock ${file}.`);
  }

  async updating(from: string, to: string): Promise<void> {
    this.journal = { ...this.journal, updating: { from, to } };
    await writeFile(this.file, JSON.stringify(this.journal) + '\n');
  }

  async release(): Promise<void> {
    await rm(this.file, { force: true });
  }
}

async function readJournal(file: string): Promise<Journal | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Journal;
  } catch {
    return null;
  }
}

/**
 * Puts right what a killed sync left: git's own lock files (from a git it ran that died with it),
 * and a work tree caught half-way through a fast-forward, which is finished: each file still as it
 * was takes the new version; a file anyone changed since is left alone.
 */
async function recoverKilledSync(root: string, gitDir: string, held: Journal | null): Promise<void> {
  await removeStaleGitLocks(gitDir);
  const updating = held?.updating;
  if (!updating) return;
  const head = (await syncGitOk(root, ['rev-parse', 'HEAD'])).trim();
  if (head === updating.to) return;
  if (head !== updating.from) return; // Someone moved the branch since: not ours to finish.
  const changed = (await syncGitOk(root, ['diff', '--name-only', '-z', '--no-renames', updating.from, updating.to])).split('\0').filter(Boolean);
  for (const path of changed) {
    const [was, now, disk] = await Promise.all([hashAt(root, updating.from, path), hashAt(root, updating.to, path), hashOnDisk(root, path)]);
    if (disk === was || disk === now) {
      if (now === null) await rm(join(root, path), { force: true });
      else await syncGitOk(root, ['checkout', updating.to, '--', path]);
    }
  }
  await syncGitOk(root, ['update-ref', '-m', 'fieldnotes: finish a sync that was stopped', 'HEAD', updating.to, updating.from]);
  await syncGitOk(root, ['reset', '-q', '--', '.']);
}

/** Git leaves `index.lock` (and ref locks) when it is killed; one left by a dead sync is removed. */
async function removeStaleGitLocks(gitDir: string): Promise<void> {
  for (const name of ['index.lock', 'HEAD.lock', 'ORIG_HEAD.lock']) {
    const file = join(gitDir, name);
    // A git the killed sync started may still be finishing: give it a moment to let go.
    for (let wait = 0; wait < 20 && (await stat(file).then(() => true, () => false)); wait++) await new Promise((done) => setTimeout(done, 100));
    await rm(file, { force: true });
  }
}

async function hashAt(root: string, commit: string, path: string): Promise<string | null> {
  const result = await syncGit(root, ['rev-parse', '--verify', '--quiet', `${commit}:${path}`]);
  return result.code === 0 ? result.stdout.trim() : null;
}

async function hashOnDisk(root: string, path: string): Promise<string | null> {
  const exists = await stat(join(root, path)).then(() => true, () => false);
  if (!exists) return null;
  const result = await syncGit(root, ['hash-object', '--', path]);
  return result.code === 0 ? result.stdout.trim() : null;
}
