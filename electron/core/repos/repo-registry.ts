// The codebases a person asks about: registered by folder (typed, or picked in the system dialog),
// remembered as recent repos in the settings, and read for their git facts each time they are used.
import { stat } from 'node:fs/promises';
import type { RepoInfo } from '../../../shared/contract/tasks';
import { ApiError } from '../../../shared/contract/errors';
import { folderInput } from '../fs/folder-input';
import type { NativePorts } from '../ports/native-ports';
import type { SettingsStore } from '../settings';
import type { NotebookRepo } from './notebook-repos';
import { readRepoFacts, type RepoFacts } from './repo-facts';

export class RepoRegistry {
  constructor(
    private readonly settings: SettingsStore,
    private readonly ports: NativePorts,
    private readonly log: (message: string) => void,
  ) {}

  /**
   * Reads a codebase folder's facts; BAD_INPUT (saying what to do) when the path is relative,
   * missing, not a folder or unreadable. A folder that is not a git repository is fine.
   */
  async facts(path: string): Promise<RepoFacts> {
    const folder = folderInput(path);
    try {
      return await readRepoFacts(folder);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ApiError('BAD_INPUT', `Cannot use ${folder} as a codebase: ${reason} Choose an existing folder.`, { cause: error });
    }
  }

  /** Registers a codebase: reads its facts and puts it first among the recent repos. */
  async add(path: string): Promise<RepoFacts> {
    const facts = await this.facts(path);
    await this.settings.rememberRepo(facts.path).catch((error: unknown) => this.log(`could not save the recent repos: ${String(error)}`));
    return facts;
  }

  /** Recent codebases whose folders still exist, most recent first, with their current facts. */
  async recent(): Promise<RepoInfo[]> {
    const entries = this.settings.get().recentRepos;
    const read = await Promise.all(
      entries.map(async (entry) => {
        if (!(await stat(entry.path).catch(() => null))?.isDirectory()) return null;
        return readRepoFacts(entry.path).then(repoInfo, () => null);
      }),
    );
    return read.filter((repo): repo is RepoInfo => repo !== null);
  }

  /**
   * The notebook's codebases (see notebook-repos.ts) whose folders exist on this disk, with their
   * current facts, leaving out those in `except` (the recent ones, listed already).
   */
  async inNotebook(repos: readonly NotebookRepo[], except: ReadonlySet<string>): Promise<Array<RepoInfo & { notes: number }>> {
    const read = await Promise.all(
      repos
        .filter((repo) => !except.has(repo.path))
        .map(async (repo) => {
          if (!(await stat(repo.path).catch(() => null))?.isDirectory()) return null;
          return readRepoFacts(repo.path).then((facts) => ({ ...repoInfo(facts), notes: repo.notes }), () => null);
        }),
    );
    return read.filter((repo): repo is RepoInfo & { notes: number } => repo !== null && !except.has(repo.path));
  }

  /** Asks for a folder with the system dialog and registers it; null when the person cancels. */
  async chooseFolder(): Promise<RepoInfo | null> {
    if (!this.ports.chooseFolder) {
      throw new ApiError('UNSUPPORTED', 'The folder dialog is only in the desktop app. Type the codebase folder’s full path instead.');
    }
    const folder = await this.ports.chooseFolder('Choose a codebase to ask about', 'Choose Codebase');
    return folder === null ? null : repoInfo(await this.add(folder));
  }
}

/** What the contract shows of a codebase. */
export function repoInfo(facts: RepoFacts): RepoInfo {
  return {
    name: facts.name,
    path: facts.path,
    isGit: facts.isGit,
    ...(facts.commit ? { commit: facts.commit } : {}),
    ...(facts.branch ? { branch: facts.branch } : {}),
    ...(facts.remote ? { remote: facts.remote } : {}),
    ...(facts.dirty === undefined ? {} : { dirty: facts.dirty }),
  };
}
