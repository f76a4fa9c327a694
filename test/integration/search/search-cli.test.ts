// `fieldnotes search` and `fieldnotes reindex` as a user runs them: a real process over a real
// notebook folder.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli-process';
import { fixtureNotebook } from '../../support/paths';
import { copyNotebook, removeDir } from '../../support/temp';

const fieldnotes = (...args: string[]) => runCli(args);

let notebook: string;

beforeAll(async () => {
  notebook = await copyNotebook(fixtureNotebook('basic'));
});

afterAll(async () => {
  await removeDir(notebook);
});

describe('fieldnotes search', () => {
  it('prints each hit with its title, path and snippet', async () => {
    const { code, stdout, stderr } = await fieldnotes('--notebook', notebook, 'search', 'fetch', 'request');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('How does ky turn a call into a fetch request?');
    expect(stdout).toContain('ky/2026-11-28-how-does-request-routing-work.md');
  });

  it('prints the id, path, title, score and snippet of each hit with --json, filtered by --repo', async () => {
    const { code, stdout } = await fieldnotes('--notebook', notebook, 'search', 'hooks', '--repo', 'vite', '--limit', '5', '--json');
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as { total: number; hits: Array<Record<string, unknown>> };
    expect(output.total).toBe(1);
    expect(Object.keys(output.hits[0]!).sort()).toEqual(['highlights', 'id', 'path', 'score', 'snippet', 'title']);
    expect(output.hits[0]).toMatchObject({ path: 'vite/2026-11-20-plugin-hook-order.md', title: 'In what order do Vite plugin hooks run?' });
    expect(output.hits[0]!.score).toBeGreaterThan(0);
  });

  it('takes --repo as the repo folder’s path too, as `ask` does', async () => {
    const byName = JSON.parse((await fieldnotes('--notebook', notebook, '--json', 'search', 'hooks', '--repo', 'ky')).stdout) as { hits: Array<{ path: string }> };
    const byPath = JSON.parse((await fieldnotes('--notebook', notebook, '--json', 'search', 'hooks', '--repo', '/home/me/src/ky')).stdout) as { hits: Array<{ path: string }> };
    expect(byName.hits.map((hit) => hit.path)).toEqual(['ky/2026-11-28-how-does-request-routing-work.md']);
    expect(byPath).toEqual(byName);
  });

  it('explains a syntax mistake on stderr and still searches the rest', async () => {
    const { code, stdout, stderr } = await fieldnotes('--notebook', notebook, 'search', 'title:', 'hooks');
    expect(code).toBe(0);
    expect(stderr).toBe('fieldnotes: title: needs a word right after it, like title:router.\n');
    expect(stdout).toContain('In what order do Vite plugin hooks run?');
  });

  it('refuses a bad option and a missing notebook with a clear message and a non-zero exit', async () => {
    const badLimit = await fieldnotes('--notebook', notebook, 'search', 'x', '--limit', 'lots');
    expect(badLimit.code).toBe(1);
    expect(badLimit.stderr).toMatch(/^fieldnotes: --limit: .*\(a whole number from 1 to 200\)\n$/);
    const badDate = await fieldnotes('--notebook', notebook, 'search', 'x', '--since', 'yesterday');
    expect(badDate.stderr).toMatch(/^fieldnotes: --since: .*\(a date like 2026-11-28\)\n$/);
    const missing = await fieldnotes('--notebook', join(notebook, 'nope'), 'search', 'x');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('There is no notebook folder at');
  });
});

describe('fieldnotes reindex', () => {
  it('rebuilds the index under .fieldnotes/cache/search and says how many notes it holds', async () => {
    const { code, stdout } = await fieldnotes('--notebook', notebook, '--json', 'reindex');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ notes: 5 });
    expect(await readdir(join(notebook, '.fieldnotes', 'cache', 'search'))).toContain('manifest.json');
  });
});
