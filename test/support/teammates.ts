// Teammates sharing a notebook through git, for sync tests: a bare repository in a temp folder as
// the remote, and one clone per teammate, each with its own name.
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { tempDir } from './temp';

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** An empty bare repository on `main`: the team's remote. */
export async function bareRemote(): Promise<string> {
  const dir = join(await tempDir('fieldnotes-remote-'), 'team.git');
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', dir]);
  return dir;
}

/** A teammate's notebook: a clone of the remote (or a fresh repository when it is empty). */
export async function teammate(remote: string, name: string): Promise<string> {
  const dir = join(await tempDir(`fieldnotes-${name}-`), 'notebook');
  execFileSync('git', ['clone', '-q', remote, dir], { stdio: 'ignore' });
  git(dir, 'config', 'user.name', name);
  git(dir, 'config', 'user.email', `${name}@example.invalid`);
  git(dir, 'checkout', '-q', '-B', 'main');
  return dir;
}

let counter = 0;
/** A valid ULID-looking id, unique within the test run. */
export function noteId(): string {
  counter += 1;
  return `01JDZ8Q6X7M3N4P5R6S7T8${String(counter).padStart(4, '0')}`;
}

export function noteText(fields: { id: string; title: string; status?: string; tags?: string[]; extra?: string }, body: string): string {
  return [
    '---',
    `id: ${fields.id}`,
    `title: ${fields.title}`,
    `status: ${fields.status ?? 'done'}`,
    'created: 2026-12-01T10:00:00.000Z',
    `tags: [${(fields.tags ?? []).join(', ')}]`,
    ...(fields.extra ? [fields.extra] : []),
    '---',
    body,
  ].join('\n');
}

/** Writes a file in the notebook and commits it as that teammate. */
export async function commitFile(dir: string, path: string, text: string, message = `add ${path}`): Promise<void> {
  await mkdir(dirname(join(dir, path)), { recursive: true });
  await writeFile(join(dir, path), text);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
}

/** Every Markdown file of the notebook (outside .fieldnotes and .git), with its text. */
export async function notesOnDisk(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  async function walk(rel: string): Promise<void> {
    for (const entry of await readdir(join(dir, rel), { withFileTypes: true })) {
      if (entry.name === '.git' || entry.name === '.fieldnotes') continue;
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith('.md')) out.set(path, await readFile(join(dir, path), 'utf8'));
    }
  }
  await walk('');
  return out;
}

const MARKERS = /^(<{7}|={7}|>{7})( |$)/m;

/** The three checks after every scenario: nothing lost, no conflict marker, a sane `git status`. */
export async function expectSaneNotebook(dir: string): Promise<Map<string, string>> {
  const notes = await notesOnDisk(dir);
  for (const [path, text] of notes) if (MARKERS.test(text)) throw new Error(`${path} holds a git conflict marker:\n${text}`);
  const status = git(dir, 'status', '--porcelain=v2', '--branch');
  if (/^u /m.test(status)) throw new Error(`unmerged paths left:\n${status}`);
  for (const dirName of ['rebase-merge', 'rebase-apply', 'MERGE_HEAD', 'index.lock']) {
    try {
      git(dir, 'rev-parse', '--git-path', dirName);
    } catch {
      // rev-parse itself failing means git cannot read the repository.
      throw new Error(`git cannot read ${dir}`);
    }
  }
  return notes;
}
