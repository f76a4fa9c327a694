// A note written on a teammate's machine names a repo folder that is not here: staleness and
// citations find the codebase by its remote, through the user's mapping or a codebase this machine
// knows (a recent repo), and say how to map it when neither has it.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi, type Engine } from '../../../electron/core/api';
import { inProcessClient, type InProcessApi } from '../../../electron/core/api-client';
import { remoteKey } from '../../../electron/core/repos/repo-locator';
import { gitIn, makeRepo } from '../../support/git-repo';
import { tempDir } from '../../support/temp';

const engines: Engine[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.close()));
});

/** A codebase whose router.ts changed after the commit a teammate's note describes. */
async function scene(): Promise<{ api: InProcessApi; repo: string; id: string }> {
  const repo = await makeRepo({ 'src/router.ts': 'export const route = 1;\n' }, 'ky');
  gitIn(repo, 'remote', 'add', 'origin', 'git@github.com:Team/ky.git');
  const commit = gitIn(repo, 'rev-parse', 'HEAD').trim();
  const blob = gitIn(repo, 'rev-parse', 'HEAD:src/router.ts').trim();
  await writeFile(join(repo, 'src/router.ts'), 'export const route = 2;\n');
  gitIn(repo, 'commit', '-qam', 'change the router');
  const notebook = await tempDir('fieldnotes-shared-');
  const id = '01JDZ8Q6X7M3N4P5R6S7T8V9W0';
  await writeFile(
    join(notebook, 'routing.md'),
    [
      '---',
      `id: ${id}`,
      'title: Routing',
      'created: 2026-12-01T10:00:00.000Z',
      `repo: { name: ky, path: /home/teammate/src/ky, remote: "https://github.com/team/ky.git", commit: ${commit} }`,
      `sources: [ { path: src/router.ts, blob: ${blob} } ]`,
      '---',
      'The router is in `src/router.ts:1`.',
      '',
    ].join('\n'),
  );
  const engine = await createApi({ app: { name: 'Fieldnotes', version: '0.0.0' }, transport: 'http', notebook, defaultNotebook: notebook, watch: false, search: 'on-demand' });
  engines.push(engine);
  return { api: inProcessClient(engine, { validateOutput: true }), repo, id };
}

describe('a note from another machine', () => {
  it('spells one remote many ways', () => {
    const key = 'github.com/team/ky';
    for (const url of ['git@github.com:team/ky.git', 'https://github.com/team/ky', 'ssh://git@github.com/team/ky.git', 'https://GitHub.com/team/ky.git/']) expect(remoteKey(url)).toBe(key);
    expect(remoteKey('git@github.com:team/ky.git')).not.toBe(remoteKey('git@github.com:team/ky-fork.git'));
  });

  it('finds its codebase once the user maps the remote to a folder here', async () => {
    const { api, repo, id } = await scene();
    expect((await api.notes.staleness({ id })).stale).toBe(false);
    const before = await api.notes.citations({ id });
    expect(before.against).toBe('none');
    expect(before.why).toMatch(/not on this machine.*Settings ▸ Sharing/);

    await api.settings.update({ sync: { repoMappings: { 'git@github.com:team/ky.git': repo } } });
    const staleness = await api.notes.staleness({ id });
    expect(staleness).toMatchObject({ stale: true, changed: ['src/router.ts'] });
    const after = await api.notes.citations({ id });
    expect(after.against).toBe('note');
    expect(after.stale).toBe(true);
  });

  it('finds its codebase among the recent repos by their remote, case and spelling aside', async () => {
    const { api, repo, id } = await scene();
    await api.repos.add({ path: repo });
    expect(await api.notes.staleness({ id })).toMatchObject({ stale: true, changed: ['src/router.ts'] });
  });
});
