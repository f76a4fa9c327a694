// A rewrite changes only what it means to: after a tag edit or a retitle of a hand-written note
// (comments, flow lists, quoted strings, odd spacing), `git diff` shows just that one line.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { Notebook } from '../../electron/core/notebook/notebook';
import { gitIn } from '../support/git-repo';
import { tempDir } from '../support/temp';

const NOTE = `---
# Written by hand; Fieldnotes must keep this comment.
id: 01JD8K2M4N6P8Q0R2S4T6V8W0Y
title: "Why is the cache keyed by path?"   # quoted on purpose
created: 2026-11-20T09:30:00.000Z
repo: { name: ky, commit: 1234567 }
sources:
  - { path: src/cache.ts, blob: 8e5 }
tags: [caching, design]  # the tags
aliases:
- Cache keys   # not indented, as some editors write lists
x-review:
  # who looked at it
  by:   anna
  on: 2026-11-21
---
Body stays,   with its spacing.\r
`;

/** The lines `git diff` reports as removed (-) and added (+), without the file headers. */
function changedLines(root: string, ...options: string[]): string[] {
  return gitIn(root, 'diff', ...options, '-U0', '-M', 'HEAD', '--', 'ky')
    .split('\n')
    .filter((line) => /^[-+](?![-+]{2} )/.test(line));
}

async function committedNotebook(): Promise<string> {
  const root = await tempDir();
  await mkdir(join(root, 'ky'));
  await writeFile(join(root, 'ky', '2026-11-20-why-is-the-cache-keyed-by-path.md'), NOTE);
  gitIn(root, 'init', '-q', '-b', 'main');
  gitIn(root, 'add', '-A');
  gitIn(root, 'commit', '-q', '-m', 'notes');
  return root;
}

it('a tag edit shows in git diff as the tags line alone', async () => {
  const root = await committedNotebook();
  const notebook = await Notebook.open(root, { log: () => undefined });
  const note = await notebook.setTags('01JD8K2M4N6P8Q0R2S4T6V8W0Y', ['caching', 'design', 'perf']);
  await notebook.close();
  expect(note.summary).toMatchObject({ tags: ['caching', 'design', 'perf'], repo: 'ky', commit: '1234567' });
  expect(changedLines(root)).toEqual(['-tags: [caching, design]  # the tags', '+tags: [caching, design, perf]  # the tags']);
  const text = await readFile(join(root, note.summary.path), 'utf8');
  expect(text).toBe(NOTE.replace('tags: [caching, design]', 'tags: [caching, design, perf]'));
});

it('a retitle shows in git diff as the title line alone, with its quotes and comment', async () => {
  const root = await committedNotebook();
  const notebook = await Notebook.open(root, { log: () => undefined });
  const note = await notebook.retitle('01JD8K2M4N6P8Q0R2S4T6V8W0Y', 'Why is the cache keyed by path and size?');
  await notebook.close();
  expect(note.summary.path).toBe('ky/2026-11-20-why-is-the-cache-keyed-by-path-and-size.md');
  gitIn(root, 'add', '-A', 'ky');
  expect(gitIn(root, 'diff', '--cached', '-M', '--name-status', 'HEAD').trim()).toMatch(/^R\d+\t/);
  expect(changedLines(root, '--cached')).toEqual([
    '-title: "Why is the cache keyed by path?"   # quoted on purpose',
    '+title: "Why is the cache keyed by path and size?"   # quoted on purpose',
  ]);
});

it('adding and removing keys touches only their lines', async () => {
  const root = await committedNotebook();
  const notebook = await Notebook.open(root, { log: () => undefined });
  await notebook.update('01JD8K2M4N6P8Q0R2S4T6V8W0Y', { frontmatter: { sources: null, question: 'Why path, not content?' } });
  await notebook.close();
  expect(changedLines(root)).toEqual(['-sources:', '-  - { path: src/cache.ts, blob: 8e5 }', '+question: Why path, not content?']);
});
