// `fieldnotes list` and `fieldnotes show`: reading notes from the terminal.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { NoteSummary } from '../../../shared/model/note';
import { CliError, type GlobalOptions } from '../cli-error';
import { notebookRoot, withApi } from '../engine-command';

/** Problems that leave nothing readable to print. */
const UNPRINTABLE = new Set(['BINARY', 'TOO_LARGE', 'UNREADABLE']);

export function registerNotes(program: Command, globals: () => Promise<GlobalOptions>): void {
  program
    .command('list')
    .description('List the notes in the notebook, newest first')
    .action(async () => {
      const options = await globals();
      await withApi(options, { notebook: 'existing' }, async (api) => {
        const { notes } = await api.notes.list();
        if (options.json) console.log(JSON.stringify(notes, null, 2));
        else if (notes.length === 0) console.log(`No notes in ${await notebookRoot(api)} yet.`);
        else console.log(table(notes));
      });
    });

  program
    .command('show')
    .description('Print a note, by id or by file path')
    .argument('<note>', 'the note’s id, or its path (in the notebook, or from here)')
    .action(async (ref: string) => {
      const options = await globals();
      await withApi(options, { notebook: 'existing' }, async (api) => {
        const note = await api.notes.find({ ref, cwd: process.cwd() });
        const problem = note.summary.problem;
        if (options.json) {
          console.log(JSON.stringify(note, null, 2));
          return;
        }
        if (problem && UNPRINTABLE.has(problem.code)) throw new CliError(`${note.summary.path}: ${problem.message}`);
        if (problem) console.error(`fieldnotes: ${note.summary.path}: ${problem.message}`);
        process.stdout.write(await readFile(join(await notebookRoot(api), ...note.summary.path.split('/')), 'utf8'));
      });
    });
}

/** Notes as aligned columns: date, status, repo, agent, title (with tags and problems), id. */
function table(notes: NoteSummary[]): string {
  const rows = notes.map((note) => [
    note.created.slice(0, 10),
    note.problem ? 'problem' : note.status,
    note.repo ?? (note.imported ? '(imported)' : ''),
    note.agent ?? '',
    [note.title, ...note.tags.map((tag) => `#${tag}`), ...(note.problem ? [`— ${note.problem.message}`] : [])].join(' '),
    note.id,
  ]);
  const header = ['DATE', 'STATUS', 'REPO', 'AGENT', 'TITLE', 'ID'];
  const widths = header.map((title, column) => Math.min(column === 4 ? 70 : 24, Math.max(title.length, ...rows.map((row) => row[column]!.length))));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : clip(cell, widths[column]!).padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function clip(text: string, width: number): string {
  return text.length > width ? text.slice(0, width - 1) + '…' : text;
}
