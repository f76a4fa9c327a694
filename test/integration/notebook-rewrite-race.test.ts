// A real second process (the user's editor) saves a note while Fieldnotes rewrites it — tag edits
// and retitles, editors that rename a new file over the note and editors that write in place. The
// rewrite is compare-and-swap: the editor's save is never overwritten, Fieldnotes' change is made
// again on what the editor saved, and the note always parses.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, expect, it } from 'vitest';
import { Notebook } from '../../electron/core/notebook/notebook';
import { ROOT } from '../support/paths';
import { tempDir } from '../support/temp';

const TRIALS = 40;
let editor: ChildProcessWithoutNullStreams | undefined;

afterAll(() => {
  editor?.kill();
});

it('an editor saving a note while Fieldnotes rewrites it loses nothing, in 40 trials', { timeout: 180_000 }, async () => {
  const root = await tempDir();
  const notebook = await Notebook.open(root, { log: () => undefined });
  editor = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'support', 'external-writer.ts')], { cwd: ROOT });
  const replies = createInterface({ input: editor.stdout })[Symbol.asyncIterator]();
  const next = async () => (await replies.next()).value as string;
  const dir = join(root, 'ky');
  const outcomes = { both: 0, editorLast: 0, raced: 0 };
  const lost: string[] = [];

  for (let trial = 0; trial < TRIALS; trial++) {
    const retitle = trial % 2 === 1;
    const mode = trial % 4 < 2 ? 'rename' : 'in-place';
    const note = await notebook.create({ title: `Trial ${trial}`, repo: { name: 'ky' }, tags: ['start'], body: 'The first body.\n' });
    const id = note.summary.id;
    const opened = await readFile(join(root, note.summary.path), 'utf8');
    const saved = opened + `The user's edit ${trial}.\n`;

    editor.stdin.write(JSON.stringify({ dir, id, content: saved, mode }) + '\n');
    expect(await next()).toBe('armed');
    if (retitle) await notebook.retitle(id, `Trial ${trial} renamed`);
    else await notebook.setTags(id, ['start', `edit-${trial}`]);
    const wrote = JSON.parse(await next()) as { trigger: string; file?: string };
    if (wrote.trigger === 'temp') outcomes.raced += 1;

    const files: string[] = [];
    for (const name of await readdir(dir)) {
      if (!name.startsWith('.') && (await readFile(join(dir, name), 'utf8')).includes(`\nid: ${id}\n`)) files.push(name);
    }
    expect(files, `trial ${trial}: one file with the note's id`).toHaveLength(1);
    const final = await readFile(join(dir, files[0]!), 'utf8');
    // The editor's save is always there; Fieldnotes' change is there unless the editor saved last.
    const what = `trial ${trial} (${mode}, ${retitle ? 'retitle' : 'tags'})`;
    if (!final.includes(`The user's edit ${trial}.`)) {
      lost.push(what);
      continue;
    }
    if (final === saved) outcomes.editorLast += 1;
    else {
      const expected = retitle ? saved.replace(`title: Trial ${trial}\n`, `title: Trial ${trial} renamed\n`) : saved.replace('tags:\n  - start\n', `tags:\n  - start\n  - edit-${trial}\n`);
      expect(final, `${what}: Fieldnotes' change made on the editor's save`).toBe(expected);
      outcomes.both += 1;
    }
    await notebook.rescan();
    const read = await notebook.get(id);
    expect(read.summary.problem, `trial ${trial}: the note parses`).toBeUndefined();
    expect(read.body).toContain(`The user's edit ${trial}.`);
  }
  console.log(`rewrite race: ${outcomes.raced} of ${TRIALS} saves landed while Fieldnotes was rewriting; both edits kept in ${outcomes.both}, the editor saved last in ${outcomes.editorLast}, the editor's save lost in ${lost.length}`);
  expect(lost, "trials where the editor's save was overwritten").toEqual([]);
  await notebook.close();
});
