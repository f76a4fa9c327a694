// The search engine for one command: opens the notebook's index in a worker, brings it up to date
// with the folder (showing "Indexing N of M" on a terminal), and closes it afterwards. The search
// code is imported when a command searches, so `--help` does not load it.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SearchStatus } from '../../shared/contract/search';
import { userDataDir } from '../core/app-paths';
import type { SearchService } from '../core/search/service';
import { CliError } from './cli-error';

export interface SearchSession {
  service: SearchService;
  close(): Promise<void>;
}

/** Starts search on `notebook` and waits until the index holds every note in it. */
export async function openSearchSession(notebook: string, options: { rebuild?: boolean } = {}): Promise<SearchSession> {
  const info = await stat(notebook).catch(() => null);
  if (!info?.isDirectory()) {
    throw new CliError(`There is no notebook folder at ${notebook}. Pass --notebook DIR or set FIELDNOTES_NOTEBOOK.`);
  }
  const [{ prepareNotebookFolder }, { SearchService }] = await Promise.all([import('../core/notebook/notebook-layout'), import('../core/search/service')]);
  // The engine decides where the index lives (in the app's data folder for a read-only notebook).
  const folder = await prepareNotebookFolder(notebook, { dataDir: userDataDir() });
  const progress = progressLine();
  const service = SearchService.start({
    root: folder.root,
    cacheDir: join(folder.cacheDir, 'search'),
    rebuild: options.rebuild,
    onStatus: progress.show,
  });
  try {
    const status = await service.whenIdle();
    if (status.state === 'failed') throw new CliError(`Search failed: ${status.error ?? 'unknown error'}. Run \`fieldnotes reindex\` to rebuild the index.`);
  } catch (error) {
    await service.close();
    throw error;
  } finally {
    progress.done();
  }
  return { service, close: () => service.close() };
}

/** "Indexing 1,200 of 10,000 notes…" on one terminal line, only when stderr is a terminal. */
function progressLine() {
  const tty = process.stderr.isTTY === true;
  let shown = false;
  return {
    show(status: SearchStatus): void {
      if (!tty || status.state !== 'indexing' || !status.progress || status.progress.total === 0) return;
      const { done, total } = status.progress;
      process.stderr.write(`\rIndexing ${done.toLocaleString('en')} of ${total.toLocaleString('en')} notes…`);
      shown = true;
    },
    done(): void {
      if (shown) process.stderr.write('\r\x1b[K');
    },
  };
}
