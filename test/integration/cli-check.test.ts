// `fieldnotes check` as a hook or CI runs it: real notes citing a real git repository, real exit codes.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runFieldnotes } from '../support/fieldnotes-cli';
import { gitIn, makeRepo } from '../support/git-repo';
import { noteText, writeNoteFile } from '../support/notes';
import { tempDir } from '../support/temp';

let home: string;
let notebook: string;
let repo: string;
let commit: string;
const GOOD = '01JE0000000000000000000GD1';
const BROKEN = '01JE0000000000000000000BR1';
const MOVED = '01JE0000000000000000000MV1';

const numbered = (count: number) => Array.from({ length: count }, (_, i) => `line ${i + 1}`).join('\n') + '\n';

beforeAll(async () => {
  home = await tempDir();
  notebook = join(home, 'Notes');
  repo = await makeRepo({ 'src/router.ts': numbered(60), 'src/other.ts': numbered(5) }, 'app');
  commit = gitIn(repo, 'rev-parse', 'HEAD').trim();
  const pinned = `repo: { name: app, path: ${JSON.stringify(repo)}, commit: ${commit} }`;
  await writeNoteFile(notebook, 'app/good.md', noteText({ id: GOOD, title: 'Good', extra: pinned }, 'See `src/other.ts:2-3`.\n'));
  await writeNoteFile(notebook, 'app/broken.md', noteText({ id: BROKEN, title: 'Broken', extra: pinned }, 'See `src/other.ts:9` and `src/gone.ts:1`.\n'));
  await writeNoteFile(notebook, 'app/moved.md', noteText({ id: MOVED, title: 'Moved', extra: pinned }, 'Routing: `src/router.ts:40-52`.\n'));
  const router = numbered(60).split('\n');
  router[41] = 'line 42, rewritten';
  await writeFile(join(repo, 'src/router.ts'), router.join('\n'));
  gitIn(repo, 'commit', '-qam', 'rewrite routing');
});

const fieldnotes = (...args: string[]) => runFieldnotes(['--notebook', notebook, ...args], home);

describe('fieldnotes check', () => {
  it('prints the citations that do not check out and what changed, and exits 1', async () => {
    const { code, stdout, stderr } = await fieldnotes('check');
    expect(code).toBe(1);
    expect(stdout).toContain('ok  app/good.md  Good  (1 citation · 1 check out)');
    expect(stdout).toContain(`BROKEN  app/broken.md  Broken\n  2 citations · 0 check out\n  ✗ src/other.ts:9: line 9 is past the end (src/other.ts has 5 lines at ${commit.slice(0, 7)})\n  ✗ src/gone.ts:1: no such file at ${commit.slice(0, 7)}`);
    expect(stdout).toContain('STALE  app/moved.md  Moved\n  1 citation · 1 check out\n  ~ src/router.ts changed; lines 40–52 cited here were rewritten');
    expect(stderr).toBe('fieldnotes: 2 of 3 notes checked have broken citations or are stale.\n');
  });

  it('exits 0 when the notes it was given check out', async () => {
    const { code, stdout } = await fieldnotes('check', GOOD);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe('ok  app/good.md  Good  (1 citation · 1 check out)');
  });

  it('gives per note its citations, staleness and changes with --json', async () => {
    const { code, stdout } = await fieldnotes('--json', 'check', '--repo', repo, BROKEN, MOVED);
    expect(code).toBe(1);
    const notes = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(notes).toEqual([
      {
        id: BROKEN,
        checkedAt: commit,
        against: 'note',
        citations: {
          total: 2,
          ok: 0,
          broken: [
            { text: 'src/other.ts:9', path: 'src/other.ts', line: 9, why: `line 9 is past the end (src/other.ts has 5 lines at ${commit.slice(0, 7)})` },
            { text: 'src/gone.ts:1', path: 'src/gone.ts', line: 1, why: `no such file at ${commit.slice(0, 7)}` },
          ],
        },
        stale: false,
        changed: [],
      },
      {
        id: MOVED,
        checkedAt: commit,
        against: 'note',
        citations: { total: 1, ok: 1, broken: [] },
        stale: true,
        changed: [{ path: 'src/router.ts', how: 'changed', lines: [{ start: 40, end: 52 }], summary: 'src/router.ts changed; lines 40–52 cited here were rewritten' }],
      },
    ]);
  });

  it('says which note it could not find, and checks nothing', async () => {
    const { code, stdout, stderr } = await fieldnotes('check', 'no-such-note');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/not found \(see above\), so nothing was checked/);
  });
});
