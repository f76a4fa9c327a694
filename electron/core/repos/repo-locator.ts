// Finding a note's codebase on this machine when the note was written on another one (a teammate's,
// through a shared notebook) and its recorded `repo.path` is not here: by its remote, first in the
// user's mappings (Settings ▸ Sharing: remote → folder), then among the codebases this machine knows
// (recent repos, captured folders), matched by their own remote.
import { stat } from 'node:fs/promises';
import type { Note } from '../../../shared/model/note';
import type { SettingsStore } from '../settings';
import { git } from './git';

export class RepoLocator {
  constructor(private readonly settings: Pick<SettingsStore, 'get'>) {}

  /** The notes, each with `repo.path` set to this machine's copy of its codebase where one is found. */
  async localize(notes: readonly Note[]): Promise<Note[]> {
    const lookups = new Map<string, Promise<string | null>>();
    const known = new Lazy(() => this.knownRemotes());
    return Promise.all(
      notes.map(async (note) => {
        const repo = note.frontmatter?.repo;
        if (!repo || (repo.path && (await isFolder(repo.path))) || !repo.remote) return note;
        const key = remoteKey(repo.remote);
        if (!lookups.has(key)) lookups.set(key, this.find(key, known));
        const found = await lookups.get(key)!;
        return found ? { ...note, frontmatter: { ...note.frontmatter!, repo: { ...repo, path: found } } } : note;
      }),
    );
  }

  private async find(key: string, known: Lazy<Promise<Map<string, string>>>): Promise<string | null> {
    for (const [remote, folder] of Object.entries(this.settings.get().sync.repoMappings)) {
      if (remoteKey(remote) === key && (await isFolder(folder))) return folder;
    }
    return (await known.get()).get(key) ?? null;
  }

  /** The codebases this machine knows, by the key of their origin remote. */
  private async knownRemotes(): Promise<Map<string, string>> {
    const settings = this.settings.get();
    const folders = [...new Set([...settings.recentRepos.map((entry) => entry.path), ...(settings.tasks.captureSessions ?? [])])];
    const byRemote = new Map<string, string>();
    const remotes = await Promise.all(folders.map(async (folder) => ((await isFolder(folder)) ? git(folder, ['remote', 'get-url', 'origin']).catch(() => null) : null)));
    remotes.forEach((result, i) => {
      const url = result?.code === 0 ? result.stdout.trim() : '';
      if (url && !byRemote.has(remoteKey(url))) byRemote.set(remoteKey(url), folders[i]!);
    });
    return byRemote;
  }
}

/**
 * One key for the spellings of a remote: `git@github.com:a/b.git`, `https://github.com/a/b`,
 * `ssh://git@github.com/a/b.git` are all `github.com/a/b`. Case is ignored: the big hosts ignore
 * it in owner and repository names, and two codebases differing only by case are unheard of.
 */
export function remoteKey(url: string): string {
  let text = url.trim().replace(/\/+$/, '').replace(/\.git$/, '');
  const scp = /^(?:[^@/]+@)?([^:/]+):(?!\/)(.+)$/.exec(text);
  if (scp && !/^[a-z]+:\/\//i.test(text)) text = `${scp[1]}/${scp[2]}`;
  else text = text.replace(/^[a-z+]+:\/\//i, '').replace(/^[^@/]+@/, '');
  const [host, ...rest] = text.split('/');
  return [host!.replace(/:\d+$/, ''), ...rest].join('/').toLowerCase();
}

async function isFolder(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}

class Lazy<T> {
  private value: { v: T } | undefined;
  constructor(private readonly make: () => T) {}
  get(): T {
    this.value ??= { v: this.make() };
    return this.value.v;
  }
}
