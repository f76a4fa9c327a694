// `fieldnotes reindex`: rebuild the search index from the note files.
import type { Command } from 'commander';
import type { GlobalOptions } from '../cli-error';
import { withApi } from '../engine-command';
import { requireNotebookFolder, waitForIndex } from '../search-session';

export function registerReindex(program: Command, globals: () => Promise<GlobalOptions>): void {
  program
    .command('reindex')
    .description('Rebuild the search index from the note files (it lives in .fieldnotes/cache/search)')
    .action(async () => {
      const options = await globals();
      const started = performance.now();
      await requireNotebookFolder(options.notebook);
      const status = await withApi(options, { notebook: 'existing' }, (api) => waitForIndex(api, { rebuild: true }));
      const seconds = (performance.now() - started) / 1000;
      const indexBytes = status.indexBytes ?? 0;
      if (options.json) console.log(JSON.stringify({ notes: status.notes, seconds: Math.round(seconds * 100) / 100, indexBytes }));
      else console.log(`Indexed ${status.notes.toLocaleString('en')} notes in ${seconds.toFixed(1)} s (index: ${(indexBytes / 1e6).toFixed(1)} MB).`);
    });
}
