// Changes made outside Fieldnotes (an editor, `git pull`) reach the change feed in batches; the
// app's own writes are reported once, as its own, and never come back as outside changes.
import { execFile } from 'node:child_process';
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Notebook, type NoteChangeBatch } from '../../electron/core/notebook/notebook';
import { eventually, noteText, writeNoteFile } from '../support/notes';
import { removeDir, tempDir } from '../support/temp';

let root: string;
let notebook: Notebook;
let batches: NoteChangeBatch[];

beforeEach(async () => {
  root = await tempDir();
  await writeNoteFile(root, 'ky/existing.md', noteText({ id: '01JE0000000000000000000020', title: 'Existing' }));
  notebook = await Notebook.open(root, { watch: true, log: () => undefined });
  batches = [];
  notebook.onChange((batch) => batches.push(batch));
  await notebook.whenWatching();
});
afterEach(async () => {
  await notebook.close();
  await removeDir(root);
});

const disk = () => batches.filter((batch) => batch.source === 'disk');
const seen = (kind: 'added' | 'changed' | 'removed', path: string) =>
  disk().some((batch) => batch[kind].some((change) => change.path === path));

describe('outside changes', () => {
  it('arrive for files added, changed, renamed and deleted', async () => {
    await writeNoteFile(root, 'ky/new.md', noteText({ id: '01JE0000000000000000000021', title: 'From an editor' }));
    await eventually(() => seen('added', 'ky/new.md'));
    expect(notebook.list().map((note) => note.title)).toContain('From an editor');

    await writeFile(join(root, 'ky', 'new.md'), noteText({ id: '01JE0000000000000000000021', title: 'Edited in the editor' }));
    await eventually(() => seen('changed', 'ky/new.md'));
    expect(notebook.list().map((note) => note.title)).toContain('Edited in the editor');

    await rename(join(root, 'ky', 'new.md'), join(root, 'ky', 'renamed.md'));
    await eventually(() => seen('removed', 'ky/new.md') && seen('added', 'ky/renamed.md'));
    expect((await notebook.get('01JE0000000000000000000021')).summary.path).toBe('ky/renamed.md');

    await rm(join(root, 'ky', 'renamed.md'));
    await eventually(() => seen('removed', 'ky/renamed.md'));
    await expect(notebook.get('01JE0000000000000000000021')).rejects.toMatchObject({ code: 'NOTE_NOT_FOUND' });
  });

  it('are all seen when notes keep landing in a folder that has just appeared', async () => {
    // chokidar lists a new folder and only then watches it: a note written between the two was
    // never reported. Another process fills new folders, a note a millisecond, while this one is
    // kept busy (as indexing a big notebook does), which widens that gap.
    const busy = setInterval(() => {
      const until = performance.now() + 20;
      while (performance.now() < until);
    }, 25);
    const writer = `
      const { mkdirSync, writeFileSync } = require('node:fs');
      const [root, text] = process.argv.slice(1);
      const written = [];
      for (let folder = 0; folder < 5; folder++) {
        mkdirSync(root + '/pulled-' + folder);
        for (const until = Date.now() + 150; Date.now() < until; ) {
          const path = 'pulled-' + folder + '/late-' + written.length + '.md';
          writeFileSync(root + '/' + path, text.replace('TITLE', 'Late ' + written.length));
          written.push(path);
          const pause = Date.now() + 1;
          while (Date.now() < pause);
        }
      }
      process.stdout.write(JSON.stringify(written));`;
    let paths: string[];
    try {
      const { stdout } = await promisify(execFile)(process.execPath, ['-e', writer, root, noteText({ title: 'TITLE' })]);
      paths = JSON.parse(stdout) as string[];
    } finally {
      clearInterval(busy);
    }
    const missed = () => paths.filter((path) => !seen('added', path));
    // Every note is reported within about a second; five is generous on a loaded machine.
    for (const until = Date.now() + 5_000; missed().length > 0 && Date.now() < until; ) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(missed()).toEqual([]);
    expect(notebook.list().filter((note) => note.title.startsWith('Late '))).toHaveLength(paths.length);
  });

  it('follow a folder renamed or deleted as a whole', async () => {
    await writeNoteFile(root, 'ky/second.md', noteText({ id: '01JE0000000000000000000022', title: 'Second' }));
    await eventually(() => seen('added', 'ky/second.md'));
    await rename(join(root, 'ky'), join(root, 'ky-old'));
    await eventually(() => ['existing', 'second'].every((name) => seen('removed', `ky/${name}.md`) && seen('added', `ky-old/${name}.md`)));
    expect((await notebook.get('01JE0000000000000000000022')).summary.path).toBe('ky-old/second.md');
    await rm(join(root, 'ky-old'), { recursive: true });
    await eventually(() => seen('removed', 'ky-old/second.md') && seen('removed', 'ky-old/existing.md'));
    expect(notebook.list()).toEqual([]);
  });

  it('come in a few batches when a thousand files arrive at once (a checkout)', async () => {
    const paths = Array.from({ length: 1000 }, (_, i) => `bulk/${String(i).padStart(4, '0')}.md`);
    for (let start = 0; start < paths.length; start += 100) {
      await Promise.all(paths.slice(start, start + 100).map((path, k) => writeNoteFile(root, path, noteText({ title: `Bulk ${start + k}` }))));
    }
    await eventually(() => new Set(disk().flatMap((batch) => batch.added.map((change) => change.path))).size === 1000);
    expect(disk().length).toBeGreaterThan(0);
    expect(disk().length).toBeLessThanOrEqual(10);
    expect(notebook.list()).toHaveLength(1001);
  });
});

describe("Fieldnotes' own writes", () => {
  it('are reported once, as the app’s, and not echoed back by the watcher', async () => {
    const created = await notebook.create({ title: 'Made by the app', repo: { name: 'ky' } });
    await notebook.setTags('01JE0000000000000000000020', ['mine']);
    await notebook.retitle(created.summary.id, 'Renamed by the app');
    // A later outside change is a marker: batches are delivered in order, so an echo of the
    // writes above would have arrived by the time the marker does.
    await writeNoteFile(root, 'ky/marker.md', noteText({ title: 'Marker' }));
    await eventually(() => seen('added', 'ky/marker.md'));
    const outside = disk().flatMap((batch) => [...batch.added, ...batch.changed, ...batch.removed].map((change) => change.path));
    expect(outside).toEqual(['ky/marker.md']);
    expect(batches.filter((batch) => batch.source === 'app')).toHaveLength(3);
  });
});
