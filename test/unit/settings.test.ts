// App settings on disk: written atomically, keys of other versions kept, a broken file set aside.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentsDir, startNotebookDir } from '../../electron/core/app-paths';
import { SettingsStore } from '../../electron/core/settings';
import { removeDir, tempDir } from '../support/temp';

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(() => removeDir(dir));

describe('the settings file', () => {
  it('remembers notebooks, most recent first, and keeps keys it does not know', async () => {
    const file = join(dir, 'settings.json');
    await writeFile(file, JSON.stringify({ agents: { concurrency: 3 }, recentNotebooks: [] }));
    const store = await SettingsStore.load(file);
    await store.rememberNotebook('/notes/a');
    await store.rememberNotebook('/notes/b');
    await store.rememberNotebook('/notes/a');
    const saved = JSON.parse(await readFile(file, 'utf8'));
    expect(saved).toMatchObject({ agents: { concurrency: 3 }, notebook: '/notes/a', recentNotebooks: [{ path: '/notes/a' }, { path: '/notes/b' }] });
    expect((await readdir(dir)).sort()).toEqual(['settings.json']);
  });

  it('keeps what another Fieldnotes process wrote since this one read it (the app and the CLI at once)', async () => {
    const file = join(dir, 'settings.json');
    const app = await SettingsStore.load(file);
    const cli = await SettingsStore.load(file);
    await cli.rememberRepo('/src/ky');
    await app.updateTasks({ concurrency: 5 });
    await cli.rememberNotebook('/notes/a');
    const after = await SettingsStore.peek(file);
    expect(after.recentRepos.map((repo) => repo.path)).toEqual(['/src/ky']);
    expect(after.tasks.concurrency).toBe(5);
    expect(after.notebook).toBe('/notes/a');
    // Each process sees the other's changes once it has written.
    expect(app.get().recentRepos.map((repo) => repo.path)).toEqual(['/src/ky']);
  });

  it('is set aside as .bad when it is broken, and defaults are used', async () => {
    const file = join(dir, 'settings.json');
    await writeFile(file, '{ "recentNotebooks": [ ');
    const logged: string[] = [];
    const store = await SettingsStore.load(file, (message) => logged.push(message));
    expect(store.get().recentNotebooks).toEqual([]);
    expect(await readFile(`${file}.bad`, 'utf8')).toBe('{ "recentNotebooks": [ ');
    expect(logged.join('\n')).toMatch(/kept as .*settings\.json\.bad/);
  });
});

describe('task settings', () => {
  it('default to 3 at once, 5 min idle, 30 min wall, Claude Code; a bad value falls back alone', async () => {
    const file = join(dir, 'settings.json');
    expect((await SettingsStore.load(file)).get().tasks).toEqual({
      concurrency: 3, idleTimeoutSec: 300, wallTimeoutSec: 1800, agentPaths: {}, customCommand: null, defaultAgents: ['claude-code'], consultNotebook: true, askResearch: false,
    });
    await writeFile(file, JSON.stringify({ tasks: { concurrency: 0, idleTimeoutSec: 60, agentPaths: { codex: '/opt/codex' } }, recentNotebooks: [] }));
    const store = await SettingsStore.load(file);
    expect(store.get().tasks).toMatchObject({ concurrency: 3, idleTimeoutSec: 60, agentPaths: { codex: '/opt/codex' } });
    await store.updateTasks({ concurrency: 5 });
    await store.rememberRepo('/src/ky');
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ tasks: { concurrency: 5, idleTimeoutSec: 60 }, recentRepos: [{ path: '/src/ky' }] });
    await expect(store.updateTasks({ concurrency: 99 })).rejects.toThrow();
  });
});

describe('the editor setting', () => {
  it('is the system opener by default; an editor this version cannot read falls back to it, the rest kept', async () => {
    const file = join(dir, 'settings.json');
    expect((await SettingsStore.load(file)).get().editor).toEqual({ kind: 'system' });
    await writeFile(file, JSON.stringify({ editor: { kind: 'custom', argv: ['subl'] }, tasks: { concurrency: 5 } }));
    const store = await SettingsStore.load(file);
    expect(store.get().editor).toEqual({ kind: 'system' });
    expect(store.get().tasks.concurrency).toBe(5);
    await store.setEditor({ kind: 'custom', argv: ['subl', '{file}:{line}'] });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ editor: { kind: 'custom', argv: ['subl', '{file}:{line}'] }, tasks: { concurrency: 5 } });
    await expect(store.setEditor({ kind: 'custom', argv: ['subl'] })).rejects.toThrow(/Put \{file\} where the file goes/);
    await expect(store.setEditor({ kind: 'emacs' } as never)).rejects.toThrow();
  });
});

describe('the notebook to open', () => {
  it('is --notebook, else $FIELDNOTES_NOTEBOOK, else the remembered one while it exists, else the default', async () => {
    const env = { HOME: dir };
    expect(startNotebookDir({ flag: '/flag', env: { FIELDNOTES_NOTEBOOK: '/env' }, remembered: dir })).toBe('/flag');
    expect(startNotebookDir({ env: { FIELDNOTES_NOTEBOOK: '/env' }, remembered: dir })).toBe('/env');
    expect(startNotebookDir({ env, remembered: dir })).toBe(dir);
    expect(startNotebookDir({ env, remembered: join(dir, 'gone') })).toMatch(/Fieldnotes$/);
  });

  it.skipIf(process.platform !== 'linux')('defaults to the XDG documents folder on Linux', async () => {
    await mkdir(join(dir, 'config'));
    await writeFile(join(dir, 'config', 'user-dirs.dirs'), 'XDG_DESKTOP_DIR="$HOME/Schreibtisch"\nXDG_DOCUMENTS_DIR="/data/Dokumente"\n');
    expect(documentsDir({ XDG_CONFIG_HOME: join(dir, 'config') }, 'linux')).toBe('/data/Dokumente');
    expect(documentsDir({ XDG_CONFIG_HOME: join(dir, 'nothing') }, 'linux')).toMatch(/Documents$/);
  });
});
