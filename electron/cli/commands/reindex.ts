// `fieldnotes reindex`: rebuild the search index from the note files.
import type { Command } from 'commander';
import type { GlobalOptions } from '../cli-error';
import { openSearchSession } from '../search-session';

export function registerReindex(program: Command, globals: () => Promise<GlobalOptions>): void {
  program
    .command('reindex')
    .description('Rebuild the search index from the note files (it lives in .fieldnotes/cache/search)')
    .action(async () => {
      const { notebook, json } = await globals();
      const started = performance.now();
      const session = await openSearchSession(notebook, { rebuild: true });
      try {
        const status = await session.service.refreshStatus();
        const { cacheBytes } = await session.service.stats();
        const seconds = (performance.now() - started) / 1000;
        if (json) console.log(JSON.stringify({ notes: status.notes, seconds: Math.round(seconds * 100) / 100, indexBytes: cacheBytes }));
        else console.log(`Indexed ${status.notes.toLocaleString('en')} notes in ${seconds.toFixed(1)} s (index: ${(cacheBytes / 1e6).toFixed(1)} MB).`);
      } finally {
        await session.close();
      }
    });
}
