// sync.*: the notebook as a git repository shared by a team: its state (remote, ahead/behind, the
// last sync and its error in words), setting it up, syncing, cloning a shared notebook, and
// settling a note whose body changed on both sides.
import { z } from 'zod';
import { ConflictChoice } from '../model/note-conflict';
import { Note } from '../model/note';
import { NotebookInfo } from './app';
import { method } from './method';

export const SyncStatus = z.object({
  /** True when the notebook folder is the top of a git repository. */
  repo: z.boolean(),
  /** The remote's address (origin's, or the branch's upstream's); null when there is none. */
  remote: z.string().nullable(),
  branch: z.string().nullable(),
  /** Commits here the remote does not have, and commits there not here, as of the last fetch. */
  ahead: z.number().int().nonnegative(),
  behind: z.number().int().nonnegative(),
  /** When this machine last synced the notebook (ISO time), null when never. */
  lastSync: z.string().nullable(),
  /** The last sync's error in words, null when it went well. */
  lastError: z.string().nullable(),
  /** Why Fieldnotes could not commit its last change (auto-commit), null when it could. */
  commitError: z.string().nullable(),
  /** True while a sync runs. */
  syncing: z.boolean(),
  /** Notes whose bodies changed on both sides, waiting for "keep mine / theirs / both". */
  conflicts: z.number().int().nonnegative(),
  /** Files changed in the notebook that git does not have yet. */
  uncommitted: z.number().int().nonnegative(),
  /** The auto-commit and periodic sync settings in force. */
  autoCommit: z.boolean(),
  syncEveryMin: z.number().int().nonnegative(),
  /** What the transcripts and artifacts take on disk (bytes): what sharing them would add. */
  sizes: z.object({ transcripts: z.number().nonnegative(), artifacts: z.number().nonnegative() }),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const SyncOutcome = z.object({
  /** Commits that came in from the remote, and commits sent to it. */
  pulled: z.number().int().nonnegative(),
  pushed: z.number().int().nonnegative(),
  /** Notes changed on both sides whose bodies are both kept, by path. */
  conflicted: z.array(z.string()),
  /** Notes deleted on one side and edited on the other: kept. */
  keptDeleted: z.array(z.string()),
  /** True when a sync stopped earlier (killed) was put right first. */
  recovered: z.boolean(),
  /** Notes Fieldnotes committed before syncing (auto-commit). */
  committed: z.array(z.string()),
});
export type SyncOutcome = z.infer<typeof SyncOutcome>;

const RemoteUrl = z.string().trim().min(1).max(4096).refine((url) => !url.startsWith('-'), 'Give a remote address like git@github.com:team/notes.git (not an option).');

export const syncMethods = {
  'sync.status': method({
    description: 'The notebook as a git repository: remote, branch, ahead/behind, the last sync and its error, the settings in force.',
    input: z.object({}).default({}),
    output: SyncStatus,
  }),
  'sync.setup': method({
    description: 'Make the notebook a git repository (with the .gitignore that keeps derived data out) and set its remote.',
    input: z.object({ remote: RemoteUrl.optional() }).default({}),
    output: SyncStatus,
  }),
  'sync.run': method({
    description: 'Sync the notebook: fetch, merge (both sides of a clash kept), push. Errors come back in words.',
    input: z.object({}).default({}),
    output: z.object({ outcome: SyncOutcome, status: SyncStatus }),
  }),
  'sync.resolve': method({
    description: 'Settle a note whose body changed on both sides: keep mine, keep theirs, or keep both.',
    input: z.object({ id: z.string().min(1).max(200), keep: ConflictChoice }),
    output: Note,
  }),
  'sync.clone': method({
    description: 'Clone a shared notebook into a folder and open it as the notebook.',
    input: z.object({
      url: RemoteUrl,
      /** Absolute path of the folder to clone into (it must not exist, or be empty). */
      path: z.string().min(1).max(4096),
    }),
    output: NotebookInfo,
  }),
};

export const syncEvents = {
  /** The notebook's sync state changed (a sync started or ended, a commit, a setting). */
  'sync.changed': SyncStatus,
};
