// What a cloud agent needs of the local codebase: its GitHub repository (from the `origin` remote)
// and a branch whose commit is pushed, for the agent works on GitHub's copy, never on this disk.
// Each way this can fall short says plainly what to do.
import type { RepoFacts } from '../../repos/repo-facts';
import { git } from '../../repos/git';
import type { CloudRepo } from './cloud-agent';

/** `owner/name` of a GitHub remote URL (https, ssh or scp-like); undefined for any other host. */
export function parseGitHubRemote(url: string): { owner: string; name: string } | undefined {
  const match = /^(?:https?:\/\/(?:[^@/]+@)?|ssh:\/\/git@|git@)github\.com[:/]([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(url.trim());
  return match ? { owner: match[1]!, name: match[2]! } : undefined;
}

/** The result: the repository and branch, or what stands in the way and how to fix it. */
export type CloudRepoCheck = { ok: true; repo: CloudRepo; note?: string } | { ok: false; error: string };

/**
 * The GitHub repository and pushed branch of a codebase. Looks only at what this clone knows of
 * its remote (the remote-tracking branch), so it needs no network: a push or a fetch updates it.
 */
export async function cloudRepoOf(facts: RepoFacts | null, agent: string): Promise<CloudRepoCheck> {
  if (!facts) return { ok: false, error: `${agent} works on a GitHub repository: choose the codebase (a clone of it) to ask about.` };
  if (!facts.isGit || !facts.commit) {
    return { ok: false, error: `${agent} works on a GitHub repository, and ${facts.path} is ${facts.isGit ? 'a git repository without a commit' : 'not a git repository'}. Push it to GitHub first.` };
  }
  if (!facts.remote) {
    return { ok: false, error: `${agent} works on a GitHub repository, and ${facts.path} has no \`origin\` remote. Create the repository on GitHub, then \`git remote add origin https://github.com/OWNER/NAME.git\` and \`git push -u origin HEAD\`.` };
  }
  const github = parseGitHubRemote(facts.remote);
  if (!github) return { ok: false, error: `${agent} works on a GitHub repository, and the \`origin\` remote of ${facts.path} is ${facts.remote}, not github.com. Push the code to a GitHub repository and make it \`origin\`.` };
  if (!facts.branch) {
    return { ok: false, error: `${agent} starts from a branch, and ${facts.path} is on a detached HEAD. Check out a branch and push it (\`git switch -c my-branch && git push -u origin HEAD\`).` };
  }
  const dir = facts.root ?? facts.path;
  const tracking = `refs/remotes/origin/${facts.branch}`;
  const known = await git(dir, ['rev-parse', '--verify', '--quiet', `${tracking}^{commit}`]);
  if (known.code !== 0) {
    return { ok: false, error: `${agent} sees only what is on GitHub, and the branch ${facts.branch} is not pushed to ${github.owner}/${github.name}. Push it first: \`git push -u origin ${facts.branch}\`.` };
  }
  const pushed = await git(dir, ['merge-base', '--is-ancestor', facts.commit, tracking]);
  if (pushed.code !== 0) {
    const ahead = await git(dir, ['rev-list', '--count', `${tracking}..${facts.commit}`]);
    const count = ahead.code === 0 ? Number(ahead.stdout.trim()) : NaN;
    const what = Number.isFinite(count) && count > 0 ? `${count} local ${count === 1 ? 'commit is' : 'commits are'}` : 'the local commit is';
    return { ok: false, error: `${agent} sees only what is on GitHub, and ${what} not pushed to ${github.owner}/${github.name} (branch ${facts.branch}). Push first: \`git push origin ${facts.branch}\`.` };
  }
  const repo: CloudRepo = { ...github, branch: facts.branch, commit: facts.commit };
  return facts.dirty
    ? { ok: true, repo, note: `Uncommitted changes in ${facts.path} stay on this machine: ${agent} sees the branch ${facts.branch} as pushed.` }
    : { ok: true, repo };
}
