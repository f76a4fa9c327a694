// Sharing the open notebook through git, as the app runs it: one git operation at a time (a sync,
// an auto-commit, a setup), auto-commit of Fieldnotes' own changes when the setting is on, a sync
// every N minutes when asked, and `sync.changed` whenever the state may have moved.
import { mkdir, readdir } from 'node:fs/promises';
import { dirname, isAbsolute } from 'node:path';
import type { NotebookInfo } from '../../../shared/contract/app';
import { ApiError } from '../../../shared/contract/errors';
import type { SyncOutcome, SyncStatus } from '../../../shared/contract/sync';
import type { EventBus } from '../../../shared/event-bus';
import type { Note } from '../../../shared/model/note';
import { resolveConflictBody, type ConflictChoice } from '../../../shared/model/note-conflict';
import type { EngineEvents } from '../engine-events';
import type { NotebookSession } from '../notebook/notebook-session';
import type { SettingsStore } from '../settings';
import { commitNoteChanges, type NoteChangeEvent } from './auto-commit';
import { hasCommits, isNotebookRepo, setUpNotebookRepo, writeGitIgnore } from './notebook-repo';
import { syncNotebook } from './notebook-sync';
import { networkProblem, SyncError } from './sync-errors';
import { syncGit } from './sync-git';
import { readSyncStatus } from './sync-status';
import { untrackUnshared } from './untrack-unshared';

export interface SharingDeps {
  session: NotebookSession;
  settings: SettingsStore;
  events: EventBus<EngineEvents>;
  log: (message: string) => void;
  /** Wait before committing a burst of changes (ms; tests shorten it). */
  commitDelayMs?: number;
  /** The length of a minute for "sync every N minutes" (ms; tests shorten it). */
  minuteMs?: number;
}

export class NotebookSharing {
  private queue: Promise<unknown> = Promise.resolve();
  private syncing = false;
  private scheduledRunning = false;
  private commitError: string | null = null;
  private pending: NoteChangeEvent[] = [];
  private commitTimer: NodeJS.Timeout | undefined;
  private syncTimer: NodeJS.Timeout | undefined;
  private readonly unsubscribe: Array<() => void> = [];
  private closed = false;

  constructor(private readonly deps: SharingDeps) {
    this.unsubscribe.push(
      deps.events.on('notes.changed', (batch) => {
        if (batch.source !== 'app' || !this.deps.settings.get().sync.autoCommit) return;
        for (const change of batch.changes) if (change.id) this.pending.push({ kind: change.kind, path: change.path, id: change.id });
        this.scheduleCommit();
      }),
      deps.events.on('tasks.finished', () => this.scheduleCommit()),
      deps.events.on('notebook.changed', () => {
        this.pending = [];
        this.commitError = null;
        this.applySettings();
      }),
    );
    this.applySettings();
  }

  /** The state of the open notebook's repository. */
  async status(): Promise<SyncStatus> {
    const notebook = this.deps.session.require();
    const { autoCommit, syncEveryMin } = this.deps.settings.get().sync;
    const conflicts = notebook.list().filter((note) => note.conflict).length;
    return readSyncStatus(notebook.root, { syncing: this.syncing, conflicts, commitError: this.commitError, autoCommit, syncEveryMin });
  }

  /** Makes the notebook a repository with Fieldnotes' ignore rules, sets its remote, and makes a first commit. */
  async setUp(remote?: string): Promise<SyncStatus> {
    const notebook = this.deps.session.require();
    notebook.requireWritable('set it up for sharing');
    await this.exclusive(async () => {
      const { transcripts, artifacts } = this.deps.settings.get().sync;
      const fresh = !(await isNotebookRepo(notebook.root)) || !(await hasCommits(notebook.root));
      await setUpNotebookRepo(notebook.root, { transcripts, artifacts }, remote);
      if (fresh) {
        await gitChecked(notebook.root, ['add', '-A']);
        const staged = await syncGit(notebook.root, ['diff', '--cached', '--quiet']);
        if (staged.code !== 0 || !(await hasCommits(notebook.root))) await gitChecked(notebook.root, ['commit', '-q', '--allow-empty', '-m', 'Set up the notebook for sharing (Fieldnotes)']);
      }
    });
    return this.announce();
  }

  /** Commits what is waiting (auto-commit), then syncs; the notes that came in show up at once. */
  async run(): Promise<SyncOutcome> {
    const notebook = this.deps.session.require();
    const outcome = await this.exclusive(async () => {
      this.syncing = true;
      this.notify();
      try {
        const committed = await this.commitPending();
        const result = await syncNotebook(notebook.root);
        return { ...result, committed };
      } finally {
        this.syncing = false;
      }
    }).finally(async () => {
      // Notes that came in (or a merge that rewrote one) show up without waiting for the watcher.
      await notebook.rescan().catch((error: unknown) => this.deps.log(`rescan after sync failed: ${String(error)}`));
      this.notify();
    });
    return outcome;
  }

  /**
   * Settles a conflicted note with the user's choice; its `conflict:` key goes. The settled note is
   * committed at once, alone (`sync: keep both for <title>`), auto-commit or not: Fieldnotes' own
   * resolution never leaves the work tree dirty for the next sync, and the user's other edits stay
   * as they are.
   */
  async resolve(id: string, keep: ConflictChoice): Promise<Note> {
    const notebook = this.deps.session.require();
    const saved = await this.exclusive(async () => {
      const note = await notebook.get(id);
      if (!note.frontmatter?.conflict) throw new ApiError('BAD_INPUT', `“${note.summary.title}” has no sync conflict to settle.`);
      const settled = await notebook.update(id, { frontmatter: { conflict: null }, body: resolveConflictBody(note.body, keep) });
      if (await isNotebookRepo(notebook.root)) {
        const paths = [...new Set([note.summary.path, settled.summary.path])];
        await commitOnly(notebook.root, paths, `sync: keep ${keep} for ${settled.summary.title}`);
      }
      return settled;
    });
    this.notify();
    return saved;
  }

  /** Clones a shared notebook into an empty (or new) folder and opens it. */
  async clone(url: string, path: string): Promise<NotebookInfo> {
    if (!isAbsolute(path)) throw new ApiError('BAD_INPUT', `Give the full path of the folder to clone into (${path} is relative).`);
    const entries = await readdir(path).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? [] : Promise.reject(error)));
    if (entries.length > 0) throw new ApiError('BAD_INPUT', `${path} is not empty: choose a new folder to clone the notebook into.`);
    await mkdir(dirname(path), { recursive: true });
    const cloned = await syncGit(dirname(path), ['clone', '--quiet', '--', url, path], { timeoutMs: 30 * 60_000 });
    if (cloned.code !== 0) throw networkProblem(cloned.stderr, url);
    await checkOutSharedBranch(path);
    const { transcripts, artifacts } = this.deps.settings.get().sync;
    await writeGitIgnore(path, { transcripts, artifacts });
    await this.deps.session.open(path, { create: false });
    return this.deps.session.info()!;
  }

  /** Re-reads the settings: the periodic sync's timer, and the ignore rules for transcripts and artifacts. */
  applySettings(): void {
    clearInterval(this.syncTimer);
    this.syncTimer = undefined;
    const { syncEveryMin, transcripts, artifacts } = this.deps.settings.get().sync;
    const notebook = this.deps.session.notebook;
    if (this.closed || !notebook) return;
    if (syncEveryMin > 0) {
      this.syncTimer = setInterval(() => {
        // A sync slower than the interval (a big pull, a slow network) is not queued up behind itself.
        if (this.scheduledRunning) return;
        this.scheduledRunning = true;
        void this.run()
          .catch((error: unknown) => this.deps.log(`scheduled sync: ${error instanceof Error ? error.message : String(error)}`))
          .finally(() => { this.scheduledRunning = false; });
      }, syncEveryMin * (this.deps.minuteMs ?? 60_000));
      this.syncTimer.unref();
    }
    if (notebook.readOnly === null) {
      void this.exclusive(async () => {
        if (!(await isNotebookRepo(notebook.root))) return;
        await writeGitIgnore(notebook.root, { transcripts, artifacts });
        const untracked = await untrackUnshared(notebook.root, { transcripts, artifacts });
        if (untracked) {
          this.deps.log(untracked);
          this.notify();
        }
      }).catch((error: unknown) => this.deps.log(`could not update the notebook's .gitignore: ${String(error)}`));
    }
    this.notify();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.syncTimer);
    clearTimeout(this.commitTimer);
    for (const off of this.unsubscribe) off();
    await this.queue.catch(() => undefined);
  }

  private scheduleCommit(): void {
    if (this.closed || this.pending.length === 0) return;
    clearTimeout(this.commitTimer);
    this.commitTimer = setTimeout(() => {
      void this.exclusive(() => this.commitPending()).then(() => this.notify(), () => undefined);
    }, this.deps.commitDelayMs ?? 500);
  }

  /** Commits the changes waiting, when auto-commit is on; notes a task still writes into wait. */
  private async commitPending(): Promise<string[]> {
    const notebook = this.deps.session.notebook;
    const { autoCommit, transcripts, artifacts } = this.deps.settings.get().sync;
    if (!notebook || !autoCommit || this.pending.length === 0) return [];
    if (!(await isNotebookRepo(notebook.root))) return [];
    const changes = this.pending;
    this.pending = [];
    try {
      const { committed, waiting } = await commitNoteChanges(notebook, changes, { transcripts, artifacts });
      this.pending.push(...waiting);
      this.commitError = null;
      return committed;
    } catch (error) {
      this.pending.push(...changes);
      this.commitError = identityProblem(error instanceof Error ? error.message : String(error));
      this.deps.log(`auto-commit: ${this.commitError}`);
      return [];
    }
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Announces the state in the background (nothing when no notebook is open). */
  private notify(): void {
    // Nobody listening (a one-shot command): reading the state would be work for no one.
    if (this.closed || !this.deps.session.notebook || this.deps.events.listenerCount('sync.changed') === 0) return;
    this.announce().catch((error: unknown) => this.deps.log(`could not read the sync state: ${String(error)}`));
  }

  private async announce(): Promise<SyncStatus> {
    const status = await this.status();
    if (!this.closed) this.deps.events.emit('sync.changed', status);
    return status;
  }
}

/**
 * A remote whose HEAD names a branch it does not have (a bare repository made with another default
 * branch than the one pushed) clones with nothing checked out: take its branch (main first).
 */
async function checkOutSharedBranch(root: string): Promise<void> {
  if (await hasCommits(root)) return;
  const listed = await syncGit(root, ['for-each-ref', '--format=%(refname:lstrip=3)', 'refs/remotes/origin/']);
  const branches = listed.stdout.split('\n').filter((name) => name && name !== 'HEAD');
  const branch = ['main', 'master'].find((name) => branches.includes(name)) ?? branches[0];
  if (branch) await gitChecked(root, ['checkout', '-q', '-B', branch, '--track', `origin/${branch}`]);
}

/** Commits just `paths` (the user's staged and unstaged edits elsewhere stay as they are); nothing when they did not change. */
async function commitOnly(root: string, paths: string[], message: string): Promise<void> {
  await gitChecked(root, ['add', '-A', '--', ...paths]);
  const staged = await syncGit(root, ['diff', '--cached', '--quiet', 'HEAD', '--', ...paths]);
  if (staged.code === 0) return;
  await gitChecked(root, ['commit', '--quiet', '--only', '-m', message, '--', ...paths]);
}

async function gitChecked(root: string, args: string[]): Promise<void> {
  const result = await syncGit(root, args);
  if (result.code !== 0) throw new SyncError('failed', identityProblem(`git ${args[0]} failed: ${(result.stderr || result.stdout).trim().split('\n').slice(-2).join(' ')}`));
}

/** Git without a name and email refuses to commit: say how to tell it. */
function identityProblem(message: string): string {
  if (/Please tell me who you are|empty ident|unable to auto-detect email/i.test(message)) {
    return 'Git does not know who you are, so it cannot commit: run git config --global user.name "Your Name" and git config --global user.email you@example.com.';
  }
  return message;
}
