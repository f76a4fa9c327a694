// `fieldnotes import` is idempotent: killed at random points ten times and then run to the end, it
// leaves exactly one note per file, and a run over a folder already imported copies nothing.
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runFieldnotes } from '../support/fieldnotes-cli';
import { noteText, writeNoteFile } from '../support/notes';
import { CLI } from '../support/paths';
import { tempDir } from '../support/temp';

const PLAIN = 60;
const OWN = 10;
const KILLS = 10;

async function notesIn(folder: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true }).catch(() => [])) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) out.push(...(await notesIn(join(folder, entry.name))));
    else if (entry.name.endsWith('.md')) out.push(join(folder, entry.name));
  }
  return out;
}

/** Runs the import and kills it with SIGKILL once the notebook holds `target` notes (or it ends). */
function importThenKill(args: string[], home: string, notebook: string, target: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, FIELDNOTES_HOME: home, NO_COLOR: '1' }, cwd: home, stdio: 'ignore' });
    const poll = setInterval(() => {
      void notesIn(notebook).then((notes) => {
        if (notes.length >= target && child.exitCode === null) child.kill('SIGKILL');
      });
    }, 5);
    child.once('exit', () => {
      clearInterval(poll);
      resolve();
    });
  });
}

it('killed ten times mid-import and run again, leaves exactly one note per file', { timeout: 300_000 }, async () => {
  const source = await tempDir();
  const home = await tempDir();
  const notebook = join(home, 'Notebook');
  for (let i = 0; i < PLAIN; i++) {
    const frontmatter = i % 3 === 0 ? `---\naliases: [Idea ${i}]\n---\n` : '';
    await writeNoteFile(source, `${i % 4 === 0 ? 'sub/' : ''}file-${i}.md`, `${frontmatter}# File ${i}\n\nText of file ${i}.\n`);
  }
  for (let i = 0; i < OWN; i++) {
    await writeNoteFile(source, `own-${i}.md`, noteText({ id: `01JE00000000000000000001${String(i).padStart(2, '0')}`, title: `Own ${i}` }));
  }
  const args = ['--notebook', notebook, 'import', source, '--repo', 'ideas'];

  let count = 0;
  for (let kill = 0; kill < KILLS; kill++) {
    const target = count + 1 + Math.floor(Math.random() * ((PLAIN + OWN) / KILLS));
    await importThenKill(args, home, notebook, target);
    count = (await notesIn(notebook)).length;
  }
  const last = await runFieldnotes(['--json', ...args], home);
  expect(last.code, last.stderr).toBe(0);
  const report = JSON.parse(last.stdout) as { imported: Array<{ from: string }>; notImported: Array<{ from: string; kind: string }> };

  const notes = await notesIn(notebook);
  const titles = await Promise.all(notes.map(async (path) => /^# (File \d+)$/m.exec(await readFile(path, 'utf8'))?.[1] ?? /^title: "?(Own \d+)"?$/m.exec(await readFile(path, 'utf8'))?.[1]));
  const expected = [...Array.from({ length: PLAIN }, (_, i) => `File ${i}`), ...Array.from({ length: OWN }, (_, i) => `Own ${i}`)];
  expect(titles.sort()).toEqual(expected.sort());
  // Whatever the killed runs finished is reported as already there.
  expect(report.imported.length + report.notImported.filter((entry) => entry.kind === 'already').length).toBe(PLAIN + OWN);

  const again = await runFieldnotes(args, home);
  expect(again.stdout).toMatch(new RegExp(`^Imported 0 notes into .*\\. ${PLAIN + OWN} files were imported before and left as they are\\.\\n$`));
  expect(again.stderr).toBe('');
  expect((await notesIn(notebook)).length).toBe(PLAIN + OWN);
});
