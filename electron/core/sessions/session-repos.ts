// The git facts an import needs of each session's folder, asked of git once per folder and
// repository for a whole import (a thousand sessions of one codebase cost one `git log`, not a
// thousand), and forgotten when the import ends, so the next one sees new commits.
import { stat } from 'node:fs/promises';
import { git } from '../repos/git';
import { readRepoFacts, type RepoFacts } from '../repos/repo-facts';

interface Commit {
  hash: string;
  /** Committer time, in seconds. */
  time: number;
}

export class SessionRepos {
  private readonly facts = new Map<string, Promise<RepoFacts | null>>();
  private readonly logs = new Map<string, Promise<Commit[]>>();

  /** The folder's git facts; null when the folder no longer exists. */
  factsOf(path: string): Promise<RepoFacts | null> {
    let found = this.facts.get(path);
    if (!found) {
      found = stat(path).then((info) => (info.isDirectory() ? readRepoFacts(path) : null), () => null);
      this.facts.set(path, found);
    }
    return found;
  }

  /** The newest commit of HEAD's history not after `when` (as `git log --before` picks it), if any. */
  async commitAt(root: string, when: string | undefined): Promise<string | undefined> {
    const time = when ? Date.parse(when) / 1000 : NaN;
    if (Number.isNaN(time)) return undefined;
    let log = this.logs.get(root);
    if (!log) {
      log = git(root, ['log', '--format=%H %ct', 'HEAD']).then((result) => (result.code !== 0 ? [] : result.stdout.split('\n').flatMap((line) => {
        const [hash, seconds] = line.split(' ');
        return hash && /^[0-9a-f]{40,64}$/.test(hash) ? [{ hash, time: Number(seconds) }] : [];
      })));
      this.logs.set(root, log);
    }
    return (await log).find((commit) => commit.time <= time)?.hash;
  }
}
