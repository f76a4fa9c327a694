// Which code the `fieldnotes` command runs (the build in out/main when it is current, else the
// sources), and how that code finds the package it belongs to from wherever it was loaded.
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { findPackageRoot } from '../../electron/cli/project';
import { ROOT } from '../support/paths';
import { tempDir } from '../support/temp';

// built-cli.mjs is plain JavaScript (the launcher runs it before TypeScript can be loaded), so it
// is imported by URL and given its type here.
const { currentBuild } = (await import(pathToFileURL(join(ROOT, 'electron', 'cli', 'built-cli.mjs')).href)) as {
  currentBuild(root: string, env?: Record<string, string | undefined>): string | null;
};

const HOUR = 3600;
const now = Math.floor(Date.now() / 1000);
const SOURCES_AT = now - 2 * HOUR;
const BUILT_AT = now - HOUR;
const FILES = [
  'package.json',
  'electron.vite.config.ts',
  'electron/cli/main.ts',
  'electron/cli/fieldnotes.mjs',
  'electron/core/search/worker.ts',
  'electron/README.md',
  'shared/model/note.ts',
  'test/unit/x.test.ts',
];

let root: string;
let built: string;

async function touch(path: string, seconds: number): Promise<void> {
  await utimes(join(root, path), seconds, seconds);
}

/** A package whose sources (files and folders) were last changed two hours ago, built one hour ago. */
beforeEach(async () => {
  root = await tempDir('fieldnotes-launch-');
  for (const file of [...FILES, 'out/main/cli.js']) {
    await mkdir(join(root, dirname(file)), { recursive: true });
    await writeFile(join(root, file), '');
  }
  const dirs = new Set(FILES.flatMap((file) => file.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
  for (const path of [...FILES, ...dirs]) await touch(path, SOURCES_AT);
  await touch('out/main/cli.js', BUILT_AT);
  built = join(root, 'out', 'main', 'cli.js');
});

describe('the fieldnotes launcher', () => {
  it('runs the build when it is newer than every source', () => {
    expect(currentBuild(root, {})).toBe(built);
  });

  it('runs the sources when nothing is built', async () => {
    await rm(join(root, 'out'), { recursive: true });
    expect(currentBuild(root, {})).toBeNull();
  });

  it('runs the sources when FIELDNOTES_CLI_FROM_SOURCE=1, built or not', () => {
    expect(currentBuild(root, { FIELDNOTES_CLI_FROM_SOURCE: '1' })).toBeNull();
    expect(currentBuild(root, { FIELDNOTES_CLI_FROM_SOURCE: '0' })).toBe(built);
  });

  it.each(['electron/cli/main.ts', 'electron/core/search/worker.ts', 'shared/model/note.ts', 'electron/cli/fieldnotes.mjs', 'package.json', 'electron.vite.config.ts'])(
    'runs the sources once %s changed after the build',
    async (file) => {
      await touch(file, now);
      expect(currentBuild(root, {})).toBeNull();
    },
  );

  it('runs the sources once a source file was deleted after the build (its folder changed)', async () => {
    await rm(join(root, 'electron', 'core', 'search', 'worker.ts'));
    expect(currentBuild(root, {})).toBeNull();
  });

  it('ignores files that are not built into it: tests, Markdown', async () => {
    await touch('test/unit/x.test.ts', now);
    await touch('electron/README.md', now);
    expect(currentBuild(root, {})).toBe(built);
  });

  it('counts a build written in the same instant as the last edit as current (npm tarballs give every file one time)', async () => {
    await touch('out/main/cli.js', SOURCES_AT);
    expect(currentBuild(root, {})).toBe(built);
  });
});

describe('the fieldnotes command without dev dependencies', () => {
  it('says in two lines that the sources need tsx, without a stack trace, when nothing is built', async () => {
    const pkg = await tempDir('fieldnotes-omit-dev-');
    await mkdir(join(pkg, 'electron', 'cli'), { recursive: true });
    for (const file of ['fieldnotes.mjs', 'built-cli.mjs']) await copyFile(join(ROOT, 'electron', 'cli', file), join(pkg, 'electron', 'cli', file));
    const run = spawnSync(process.execPath, [join(pkg, 'electron', 'cli', 'fieldnotes.mjs'), '--help'], { encoding: 'utf8', env: { ...process.env, FIELDNOTES_CLI_FROM_SOURCE: '' } });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^fieldnotes: out\/main\/cli\.js is missing or older than the sources, and running the sources needs tsx.*\n.*npm install.*\n$/);
  });
});

describe('the package root', () => {
  it('is found from the sources, the bundle and its chunks alike', () => {
    for (const from of [join(ROOT, 'electron', 'cli'), join(ROOT, 'out', 'main'), join(ROOT, 'out', 'main', 'chunks')]) {
      expect(findPackageRoot(from).root).toBe(ROOT);
    }
  });

  it('is the nearest package.json named fieldnotes, not the nearest package.json', async () => {
    const pkg = await tempDir('fieldnotes-package-');
    await writeFile(join(pkg, 'package.json'), JSON.stringify({ name: 'fieldnotes', version: '1.2.3' }));
    await mkdir(join(pkg, 'node_modules', 'other', 'dist'), { recursive: true });
    await writeFile(join(pkg, 'node_modules', 'other', 'package.json'), JSON.stringify({ name: 'other', version: '9.9.9' }));
    expect(findPackageRoot(join(pkg, 'node_modules', 'other', 'dist'))).toEqual({ root: pkg, version: '1.2.3' });
  });

  it('is an error outside any Fieldnotes package', async () => {
    const elsewhere = await tempDir('fieldnotes-nowhere-');
    expect(() => findPackageRoot(elsewhere)).toThrow(/package\.json was not found/);
  });
});
