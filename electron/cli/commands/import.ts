// `fieldnotes import <dir>`: copy a folder of Markdown files into the notebook as notes.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { CliError, type GlobalOptions } from '../cli-error';
import { withApi } from '../engine-command';

export function registerImport(program: Command, globals: () => Promise<GlobalOptions>): void {
  program
    .command('import')
    .description('Copy a folder of Markdown files into the notebook as notes, keeping their frontmatter')
    .argument('<dir>', 'the folder to import (hidden folders are left out)')
    .option('--repo <name>', 'the repo folder for notes that name none (default: the folder’s name)')
    .action(async (dir: string, commandOptions: { repo?: string }) => {
      const options = await globals();
      const report = await withApi(options, { notebook: 'create' }, (api) => api.notes.import({ folder: resolve(dir), repo: commandOptions.repo }));
      const failed = report.notImported.filter((entry) => entry.kind === 'failed');
      if (options.json) {
        console.log(JSON.stringify(report, null, 2));
      } else {
        const already = report.notImported.filter((entry) => entry.kind === 'already').length;
        const before = already === 0 ? '' : ` ${already} ${already === 1 ? 'file was' : 'files were'} imported before and left as they are.`;
        console.log(`Imported ${report.imported.length} ${report.imported.length === 1 ? 'note' : 'notes'} into ${options.notebook}.${before}`);
        for (const entry of report.imported) console.log(`  ${entry.from} → ${entry.path}`);
        for (const entry of report.notImported) {
          if (entry.kind === 'already') continue;
          console.error(`${entry.kind === 'failed' ? 'fieldnotes: not imported' : 'fieldnotes: left out'}: ${entry.from}: ${entry.reason}`);
        }
      }
      if (failed.length > 0) throw new CliError(`${failed.length} ${failed.length === 1 ? 'file' : 'files'} could not be imported (see above).`);
    });
}
