// Turning transcripts or artifacts off for sharing: the .gitignore stops new ones, and the ones
// already committed leave the repository (git rm --cached) in one commit that says so. The files
// stay on disk; the user's own staged changes stay staged (the commit is built in an index of its own).
import { rm } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { GitIgnoreChoices } from './notebook-repo';
import { hasCommits } from './notebook-repo';
import { syncGit, syncGitOk } from './sync-git';

const FOLDERS = { transcripts: '.fieldnotes/transcripts/', artifacts: '.fieldnotes/artifacts/' } as const;

/** Untracks the folders the choices no longer share; the commit's message, or null when nothing was tracked. */
export async function untrackUnshared(root: string, choices: GitIgnoreChoices): Promise<string | null> {
  if (!(await hasCommits(root))) return null;
  const dropped: Array<{ what: keyof typeof FOLDERS; files: number }> = [];
  for (const what of Object.keys(FOLDERS) as Array<keyof typeof FOLDERS>) {
    if (choices[what]) continue;
    const tracked = (await syncGitOk(root, ['ls-tree', '-r', '-z', '--name-only', 'HEAD', '--', FOLDERS[what]])).split('\0').filter(Boolean);
    if (tracked.length > 0) dropped.push({ what, files: tracked.length });
  }
  if (dropped.length === 0) return null;
  const folders = dropped.map(({ what }) => FOLDERS[what]);
  const described = dropped.map(({ what, files }) => `${what} (${files} file${files === 1 ? '' : 's'})`).join(' and ');
  const message = `sync: stop sharing ${described}; untracked, still on disk`;

  const gitPath = (await syncGitOk(root, ['rev-parse', '--git-path', 'fieldnotes-untrack.index'])).trim();
  const index = isAbsolute(gitPath) ? gitPath : join(root, gitPath);
  const env = { GIT_INDEX_FILE: index };
  try {
    await syncGitOk(root, ['read-tree', 'HEAD'], { env });
    await syncGitOk(root, ['rm', '-r', '--cached', '--quiet', '--', ...folders], { env });
    await syncGitOk(root, ['add', '--', '.gitignore'], { env });
    const tree = (await syncGitOk(root, ['write-tree'], { env })).trim();
    const parent = (await syncGitOk(root, ['rev-parse', 'HEAD'])).trim();
    const commit = (await syncGitOk(root, ['commit-tree', tree, '-p', parent, '-m', message])).trim();
    await syncGitOk(root, ['update-ref', '-m', `commit: ${message}`, 'HEAD', commit, parent]);
  } finally {
    await rm(index, { force: true });
  }
  // The real index follows the commit for these paths only; whatever else the user staged stays.
  await syncGit(root, ['rm', '-r', '--cached', '--quiet', '--ignore-unmatch', '--', ...folders]);
  await syncGit(root, ['add', '--', '.gitignore']);
  return message;
}
