// The notebook as a git repository: setting it up (git init, the .gitignore and .gitattributes that
// keep derived data out), and the facts a sync needs (branch, upstream, remote).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { git, gitOk } from '../repos/git';
import { SyncError } from './sync-errors';

export interface GitIgnoreChoices {
  /** Commit the agents' transcripts (`.fieldnotes/transcripts/`). */
  transcripts: boolean;
  /** Commit the notes' artifacts (`.fieldnotes/artifacts/`). */
  artifacts: boolean;
}

const BEGIN = '# >>> fieldnotes (written by Fieldnotes; edit the choices in its settings)';
const END = '# <<< fieldnotes';

/** The lines Fieldnotes owns in the notebook's .gitignore. */
export function ignoreBlock(choices: GitIgnoreChoices): string {
  const lines = [
    BEGIN,
    // Each Fieldnotes writes its own (for a notebook that is not shared): nothing for the team.
    '.fieldnotes/.gitignore',
    '.fieldnotes/cache/',
    '.fieldnotes/running/',
    '.fieldnotes/trash/',
    '.*.fieldnotes-tmp',
    ...(choices.transcripts ? [] : ['.fieldnotes/transcripts/']),
    ...(choices.artifacts ? [] : ['.fieldnotes/artifacts/']),
    END,
  ];
  return lines.join('\n') + '\n';
}

/** Writes (or rewrites) Fieldnotes' block in .gitignore; the user's own lines stay as they are. */
export async function writeGitIgnore(root: string, choices: GitIgnoreChoices): Promise<void> {
  const file = join(root, '.gitignore');
  const text = await readFile(file, 'utf8').catch(() => '');
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END, start);
  const block = ignoreBlock(choices);
  let next: string;
  if (start >= 0 && end > start) next = text.slice(0, start) + block + text.slice(end + END.length).replace(/^\r?\n/, '');
  else next = (text === '' || text.endsWith('\n') ? text : `${text}\n`) + block;
  if (next !== text) await writeFile(file, next);
}

/** Notes are text with LF endings, whatever the machine (a CRLF checkout would rewrite every note). */
const ATTRIBUTES = '# Written by Fieldnotes\n*.md text eol=lf\n*.jsonl text eol=lf merge=union\n';

export async function writeGitAttributes(root: string): Promise<void> {
  const file = join(root, '.gitattributes');
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text !== null && text.includes('# Written by Fieldnotes')) return;
  await writeFile(file, (text ?? '') + (text && !text.endsWith('\n') ? '\n' : '') + ATTRIBUTES);
}

/** True when `root` is the top of a git work tree (a notebook inside a bigger repository is not). */
export async function isNotebookRepo(root: string): Promise<boolean> {
  const result = await git(root, ['rev-parse', '--show-toplevel']);
  if (result.code !== 0) return false;
  const { realpath } = await import('node:fs/promises');
  return (await realpath(result.stdout.trim()).catch(() => '')) === (await realpath(root));
}

/** Makes the notebook a repository (when it is not one) with Fieldnotes' ignore and attribute files. */
export async function setUpNotebookRepo(root: string, choices: GitIgnoreChoices, remote?: string): Promise<void> {
  if (!(await isNotebookRepo(root))) await gitOk(root, ['init', '-q']);
  await writeGitIgnore(root, choices);
  await writeGitAttributes(root);
  if (remote) {
    const has = await git(root, ['remote', 'get-url', 'origin']);
    await gitOk(root, has.code === 0 ? ['remote', 'set-url', 'origin', remote] : ['remote', 'add', 'origin', remote]);
  }
}

/** The branch checked out; a clear error on a detached HEAD. */
export async function currentBranch(root: string): Promise<string> {
  const result = await git(root, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  if (result.code !== 0) throw new SyncError('failed', 'The notebook repository is on a detached HEAD: check out a branch (git switch main) to sync.');
  return result.stdout.trim();
}

/** The remote the branch syncs with: its upstream's, else `origin`, else the only one; null when none. */
export async function syncRemote(root: string, branch: string): Promise<string | null> {
  const configured = await git(root, ['config', '--get', `branch.${branch}.remote`]);
  if (configured.code === 0 && configured.stdout.trim()) return configured.stdout.trim();
  const remotes = (await gitOk(root, ['remote'])).split('\n').filter(Boolean);
  if (remotes.includes('origin')) return 'origin';
  return remotes.length === 1 ? remotes[0]! : null;
}

/** True when HEAD points at a commit (a fresh `git init` has none yet). */
export async function hasCommits(root: string): Promise<boolean> {
  return (await git(root, ['rev-parse', '--verify', '--quiet', 'HEAD'])).code === 0;
}
