// repos.recent offers the codebases the notebook's notes are about, when their folders exist here.
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createApi, type Engine } from '../../electron/core/api';
import { dispatch } from '../../electron/core/dispatch';
import { makeRepo } from '../support/git-repo';
import { removeDir, tempDir } from '../support/temp';

let home: string;
let engine: Engine;

beforeEach(async () => {
  home = await tempDir();
  engine = await createApi({
    app: { name: 'Fieldnotes', version: 'test' },
    transport: 'ipc',
    notebook: join(home, 'Notes'),
    defaultNotebook: join(home, 'Default'),
    ports: { openPath: async () => undefined, revealPath: async () => undefined },
    watch: false,
    log: () => undefined,
  });
});
afterEach(async () => {
  await engine.close();
  await removeDir(home);
});

async function call<T>(method: string, input: unknown = {}): Promise<T> {
  const result = await dispatch(engine.handlers, method, input, { validateOutput: true });
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value as T;
}

async function noteAbout(name: string, path: string, title: string): Promise<void> {
  await call('notes.create', { title, repo: { name, path }, body: `About ${name}.\n` });
}

it('lists the notebook’s codebases on disk, most notes first, apart from the recent ones', async () => {
  const router = await makeRepo({ 'a.ts': 'a\n' }, 'router-app');
  const hooks = await makeRepo({ 'b.ts': 'b\n' }, 'hooks-app');
  const recent = await makeRepo({ 'c.ts': 'c\n' }, 'recent-app');
  await noteAbout('router-app', router, 'One');
  await noteAbout('hooks-app', hooks, 'Two');
  await noteAbout('hooks-app', hooks, 'Three');
  await noteAbout('recent-app', recent, 'Four');
  await noteAbout('gone-app', join(home, 'no-such-folder'), 'Five');
  await call('repos.add', { path: recent });

  const { repos, inNotebook } = await call<{ repos: Array<{ path: string }>; inNotebook: Array<{ name: string; path: string; notes: number; branch?: string }> }>('repos.recent');
  expect(repos.map((repo) => repo.path)).toEqual([recent]);
  expect(inNotebook.map(({ name, path, notes, branch }) => ({ name, path, notes, branch }))).toEqual([
    { name: 'hooks-app', path: hooks, notes: 2, branch: 'main' },
    { name: 'router-app', path: router, notes: 1, branch: 'main' },
  ]);
  await Promise.all([router, hooks, recent].map((dir) => removeDir(join(dir, '..'))));
});
