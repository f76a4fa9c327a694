// Citations checked against real git repositories, through the contract's dispatch gate as the UI
// and the CLI call them: good lines, lines past the end, missing files, a path relative to a
// subfolder, fenced code left alone, a renamed file, a changed cited range, a change elsewhere in
// a cited file, the cache, and a fixed number of git calls per batch.
import { appendFile, chmod, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NoteCitations } from '../../shared/contract/citations';
import type { NewNote, Note } from '../../shared/model/note';
import { createApi, type Engine } from '../../electron/core/api';
import { dispatch } from '../../electron/core/dispatch';
import { gitIn, makeRepo } from '../support/git-repo';
import { removeDir, tempDir } from '../support/temp';

let home: string;
let engine: Engine;

async function call<T = never>(method: string, input: unknown = {}): Promise<T> {
  const result = await dispatch(engine.handlers, method, input, { validateOutput: true });
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value as T;
}

beforeEach(async () => {
  home = await tempDir();
  engine = await createApi({
    app: { name: 'Fieldnotes', version: 'test' },
    transport: 'ipc',
    notebook: join(home, 'Notes'),
    defaultNotebook: join(home, 'Default'),
    ports: { openPath: async () => undefined, revealPath: async () => undefined },
    watch: false,
    search: 'on-demand',
    log: () => undefined,
  });
});
afterEach(async () => {
  await engine.close();
  await removeDir(home);
});

const numbered = (count: number, word = 'line') => Array.from({ length: count }, (_, i) => `${word} ${i + 1}`).join('\n') + '\n';

const BODY = [
  'Routing is in `src/router.ts:40-52`, set up at src/router.ts:3.',
  'The helper is `math.ts:2`; its tail src/util/math.ts:20-25 is not there.',
  'A file that never was: `src/nope.ts:4`. The old name: [old](src/old-name.ts#L5-L8).',
  'See README.md too; e.g. config.json names no file of the repo, nor does v1.2.3.',
  '',
  '```ts',
  '// src/router.ts:999 in a code block is not a citation',
  '```',
  '',
].join('\n');

async function citingNote(extra: Partial<NewNote> = {}) {
  const repo = await makeRepo({
    'src/router.ts': numbered(60),
    'src/util/math.ts': numbered(10),
    'src/old-name.ts': numbered(20),
    'README.md': 'read me\n',
  });
  const commit = gitIn(repo, 'rev-parse', 'HEAD').trim();
  const note = await call<Note>('notes.create', { title: 'Routing', repo: { name: 'fixture-repo', path: repo, commit }, body: BODY, ...extra });
  return { repo, commit, note };
}

const commitAll = (repo: string, message: string) => {
  gitIn(repo, 'add', '-A');
  gitIn(repo, 'commit', '-q', '-m', message);
  return gitIn(repo, 'rev-parse', 'HEAD').trim();
};

describe('notes.citations', () => {
  it('checks each citation at the note’s commit: good lines, lines past the end, missing files, a subfolder’s path; fenced code is not cited', async () => {
    const { commit, note } = await citingNote();
    const result = await call<NoteCitations>('notes.citations', { id: note.summary.id });
    const short = commit.slice(0, 7);
    expect(result).toMatchObject({ commit, against: 'note', total: 7, ok: 5, stale: false, changed: [] });
    expect(result.citations.map(({ text, path, lines, ok, why }) => ({ text, path, lines, ok, why }))).toEqual([
      { text: 'src/router.ts:40-52', path: 'src/router.ts', lines: { start: 40, end: 52 }, ok: true, why: undefined },
      { text: 'src/router.ts:3', path: 'src/router.ts', lines: { start: 3, end: 3 }, ok: true, why: undefined },
      { text: 'math.ts:2', path: 'src/util/math.ts', lines: { start: 2, end: 2 }, ok: true, why: undefined },
      { text: 'src/util/math.ts:20-25', path: 'src/util/math.ts', lines: { start: 20, end: 25 }, ok: false, why: `line 20 is past the end (src/util/math.ts has 10 lines at ${short})` },
      { text: 'src/nope.ts:4', path: 'src/nope.ts', lines: { start: 4, end: 4 }, ok: false, why: `no such file at ${short}` },
      { text: 'src/old-name.ts#L5-L8', path: 'src/old-name.ts', lines: { start: 5, end: 8 }, ok: true, why: undefined },
      { text: 'README.md', path: 'README.md', lines: undefined, ok: true, why: undefined },
    ]);
    // The hover shows the cited lines with three around them, as they were at the commit.
    expect(result.citations[0]!.excerpt).toEqual({ start: 37, lines: Array.from({ length: 19 }, (_, i) => `line ${37 + i}`) });
    expect(result.citations[1]!.excerpt).toEqual({ start: 1, lines: ['line 1', 'line 2', 'line 3', 'line 4', 'line 5', 'line 6'] });
  });

  it('says what changed since the commit: a rewritten cited range, a rename, and a change elsewhere in a cited file', async () => {
    const { repo, note } = await citingNote();
    const router = numbered(60).split('\n');
    router[44] = 'line 45, rewritten';
    await writeFile(join(repo, 'src/router.ts'), router.join('\n'));
    const math = numbered(10).split('\n');
    math[8] = 'line 9, rewritten';
    await writeFile(join(repo, 'src/util/math.ts'), math.join('\n'));
    await rename(join(repo, 'src/old-name.ts'), join(repo, 'src/new-name.ts'));
    await rm(join(repo, 'README.md'));
    commitAll(repo, 'move things');

    const result = await call<NoteCitations>('notes.citations', { id: note.summary.id });
    // The citations still check out at the note's own commit; what moved is said beside them.
    expect(result).toMatchObject({ total: 7, ok: 5, stale: true });
    expect(result.changed).toEqual([
      { path: 'src/router.ts', how: 'changed', lines: [{ start: 40, end: 52 }], summary: 'src/router.ts changed; lines 40–52 cited here were rewritten' },
      { path: 'src/util/math.ts', how: 'changed', lines: [], summary: 'src/util/math.ts changed; the line 2 cited here did not' },
      { path: 'src/old-name.ts', how: 'renamed', to: 'src/new-name.ts', lines: [], summary: 'src/old-name.ts was renamed to src/new-name.ts' },
      { path: 'README.md', how: 'deleted', lines: [], summary: 'README.md was deleted' },
    ]);
  });

  it('checks a note without a commit against HEAD, and says so', async () => {
    const { repo } = await citingNote();
    const head = gitIn(repo, 'rev-parse', 'HEAD').trim();
    const note = await call<Note>('notes.create', { title: 'No commit', repo: { name: 'fixture-repo', path: repo }, body: 'See `src/router.ts:61`.\n' });
    expect(await call<NoteCitations>('notes.citations', { id: note.summary.id })).toMatchObject({
      commit: head,
      against: 'head',
      total: 1,
      ok: 0,
      citations: [{ text: 'src/router.ts:61', ok: false, why: `line 61 is past the end (src/router.ts has 60 lines at ${head.slice(0, 7)})` }],
    });
  });

  it('keeps checks in .fieldnotes/cache, and checks again when the cache is gone', async () => {
    const { note } = await citingNote();
    const first = await call<NoteCitations>('notes.citations', { id: note.summary.id });
    const cacheDir = join(home, 'Notes', '.fieldnotes', 'cache', 'citations');
    const [file] = await readdir(cacheDir);
    expect(JSON.parse(await readFile(join(cacheDir, file!), 'utf8')).citations).toEqual(first.citations);
    await writeFile(join(cacheDir, file!), '{ broken');
    expect(await call<NoteCitations>('notes.citations', { id: note.summary.id })).toEqual(first);
    await rm(cacheDir, { recursive: true });
    expect(await call<NoteCitations>('notes.citations', { id: note.summary.id })).toEqual(first);
    expect(await readdir(cacheDir)).toHaveLength(1);
  });

  it('gives no verdict for a note whose repository is not on this machine', async () => {
    const note = await call<Note>('notes.create', { title: 'Elsewhere', repo: { name: 'gone', path: join(home, 'gone'), commit: 'a'.repeat(40) }, body: 'See `src/a.ts:1`.\n' });
    expect(await call<NoteCitations>('notes.citations', { id: note.summary.id })).toMatchObject({ against: 'none', total: 0, stale: false, why: expect.stringMatching(/is not on this machine/) });
  });
});

describe('notes.check', () => {
  it('checks many notes with a fixed number of git calls, not one per note or citation', async () => {
    const { repo, commit } = await citingNote();
    await writeFile(join(repo, 'src/router.ts'), numbered(61));
    commitAll(repo, 'grow the router');
    // A git on PATH that records each call before running the real one.
    const bin = join(home, 'bin');
    const calls = join(home, 'git-calls.log');
    await mkdir(bin);
    const realGit = gitIn(repo, '--exec-path').trim() + '/git';
    await writeFile(join(bin, 'git'), `#!/bin/sh\necho "$*" >> '${calls}'\nexec '${realGit}' "$@"\n`);
    await chmod(join(bin, 'git'), 0o755);
    await appendFile(calls, '');
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const body = Array.from({ length: 10 }, (_, line) => `- \`src/router.ts:${i + line + 1}\``).join('\n') + '\n';
      ids.push((await call<Note>('notes.create', { title: `Note ${i}`, repo: { name: 'fixture-repo', path: repo, commit }, body })).summary.id);
    }
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${path}`;
    let checked: { notes: NoteCitations[] };
    try {
      checked = await call<{ notes: NoteCitations[] }>('notes.check', { ids });
    } finally {
      process.env.PATH = path;
    }
    expect(checked.notes).toHaveLength(30);
    expect(checked.notes.every((result) => result.total === 10 && result.ok === 10 && result.stale)).toBe(true);
    expect(checked.notes[0]!.citations[0]).not.toHaveProperty('excerpt');
    // Resolve the commits, list the commit's files, read the cited ones, diff against HEAD twice.
    const lines = (await readFile(calls, 'utf8')).trim().split('\n');
    expect(lines.map((line) => line.split(' ').find((word) => !word.startsWith('-') && !word.includes('=') && word !== repo))).toEqual(['cat-file', 'ls-tree', 'cat-file', 'diff', 'diff']);
  });
});
