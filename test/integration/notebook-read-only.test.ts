// A notebook Fieldnotes may not write in — a read-only mount, a checkout without write access — is
// read and searched (its index goes in the app's data folder, keyed by a hash of its real path),
// and what would write says "This notebook is read-only" plainly. Real processes, real mounts.
import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, chown, mkdir, writeFile } from 'node:fs/promises';
import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../support/paths';
import { runFieldnotes } from '../support/fieldnotes-cli';
import { noteText, writeNoteFile } from '../support/notes';
import { tempDir } from '../support/temp';

const run = promisify(execFile);
const ID = '01JE0000000000000000000R01';

/** A notebook as a checkout leaves it: notes and a transcript, but no cache (it is gitignored). */
async function checkout(folder: string): Promise<void> {
  await writeNoteFile(folder, 'ky/retries.md', noteText({ id: ID, title: 'How ky retries' }, 'ky retries with exponential backoff.\n'));
  await mkdir(join(folder, '.fieldnotes', 'transcripts'), { recursive: true });
  await writeFile(join(folder, '.fieldnotes', 'transcripts', `${ID}.jsonl`), '{"type":"text","text":"hello"}\n');
}

function indexDir(home: string, notebook: string): string {
  return join(home, 'notebook-cache', createHash('sha256').update(realpathSync(notebook)).digest('hex').slice(0, 16), 'search');
}

/** Mounts `source` read-only at `target` (a bind mount), or says why it cannot here. */
function mountReadOnly(source: string, target: string): string | null {
  if (process.platform !== 'linux') return 'read-only bind mounts are a Linux feature';
  const bind = spawnSync('mount', ['--bind', source, target], { encoding: 'utf8' });
  if (bind.status !== 0) return `mount --bind is not permitted here (${(bind.stderr || bind.error?.message || '').trim()})`;
  const ro = spawnSync('mount', ['-o', 'remount,ro,bind', target], { encoding: 'utf8' });
  if (ro.status !== 0) {
    spawnSync('umount', [target]);
    return `remounting read-only is not permitted here (${ro.stderr.trim()})`;
  }
  return null;
}

let base: string;
let notebook: string;
let home: string;
let notMounted: string | null = 'not tried yet';

beforeAll(async () => {
  base = await tempDir();
  home = join(base, 'home');
  await mkdir(home);
  const source = join(base, 'source');
  await checkout(source);
  notebook = join(base, 'mounted');
  await mkdir(notebook);
  notMounted = mountReadOnly(source, notebook);
  await writeFile(join(home, 'settings.json'), JSON.stringify({ tasks: { customCommand: { label: 'cat', argv: ['cat'] } } }));
  if (notMounted) console.warn(`skipping the read-only mount tests: ${notMounted}`);
});

afterAll(() => {
  if (!notMounted) spawnSync('umount', [notebook]);
});

describe('a notebook on a read-only mount (skipped, saying why, where mounting is not permitted)', () => {
  it('lists and shows its notes', async (context) => {
    if (notMounted) return context.skip(notMounted);
    const list = await runFieldnotes(['--notebook', notebook, '--json', 'list'], home);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ id: ID, title: 'How ky retries' })]);
    const show = await runFieldnotes(['--notebook', notebook, 'show', ID], home);
    expect(show.stdout).toContain('exponential backoff');
  });

  it('is searched and reindexed, with the index kept in the app’s data folder', async (context) => {
    if (notMounted) return context.skip(notMounted);
    const search = await runFieldnotes(['--notebook', notebook, '--json', 'search', 'backoff'], home);
    expect(search.stderr).toBe('');
    expect(JSON.parse(search.stdout)).toMatchObject({ total: 1, hits: [{ id: ID }] });
    const reindex = await runFieldnotes(['--notebook', notebook, 'reindex'], home);
    expect(reindex).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Indexed 1 notes/) });
    expect(existsSync(join(indexDir(home, notebook), 'manifest.json'))).toBe(true);
    expect(existsSync(join(notebook, '.fieldnotes', 'cache'))).toBe(false);
  });

  it('says plainly that it is read-only when asked to add a note, without a stack trace', async (context) => {
    if (notMounted) return context.skip(notMounted);
    const ask = await runFieldnotes(['--notebook', notebook, 'ask', 'How does ky retry?', '--repo', join(base, 'source'), '--agent', 'custom'], home);
    expect(ask.code).toBe(1);
    expect(ask.stderr).toBe('fieldnotes: This notebook is read-only (its file system is mounted read-only): Fieldnotes can show and search its notes, but cannot add notes to it.\n');
    const source = join(base, 'import-me');
    await writeNoteFile(source, 'idea.md', '# An idea\n');
    const imported = await runFieldnotes(['--notebook', notebook, 'import', source], home);
    expect(imported.stderr).toContain('This notebook is read-only (its file system is mounted read-only)');
  });
});

// Without root, permissions alone make a notebook read-only; as root they do not, so the CLI runs
// as the unprivileged user nobody (uid 65534) there.
const asRoot = process.getuid?.() === 0;
describe('a notebook the user may not write in', () => {
  it('is listed and searched, and says it is read-only when asked to import', async () => {
    const folder = join(base, 'checkout');
    await checkout(folder);
    const user = join(base, 'user-home');
    await mkdir(user);
    await chmod(base, 0o755);
    if (asRoot) await chown(user, 65534, 65534);
    await chmod(join(folder, '.fieldnotes'), 0o555);
    await chmod(join(folder, 'ky'), 0o555);
    await chmod(folder, 0o555);
    const fieldnotes = async (...args: string[]) =>
      run(process.execPath, [CLI, '--notebook', folder, ...args], {
        env: { ...process.env, HOME: user, FIELDNOTES_HOME: user, NO_COLOR: '1' },
        cwd: user,
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      }).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
      );
    try {
      const list = await fieldnotes('--json', 'list');
      expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ id: ID })]);
      const search = await fieldnotes('--json', 'search', 'backoff');
      expect(JSON.parse(search.stdout)).toMatchObject({ total: 1, hits: [{ id: ID }] });
      expect(existsSync(join(indexDir(user, folder), 'manifest.json'))).toBe(true);
      const idea = join(user, 'idea');
      await writeNoteFile(idea, 'idea.md', '# An idea\n');
      if (asRoot) await chown(join(idea, 'idea.md'), 65534, 65534);
      const imported = await fieldnotes('import', idea);
      expect(imported.stderr).toContain('This notebook is read-only (you are not allowed to write in it)');
    } finally {
      for (const path of [folder, join(folder, 'ky'), join(folder, '.fieldnotes')]) await chmod(path, 0o755);
    }
  });
});
