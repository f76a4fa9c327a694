// Waiting for search before a command queries it: the index is brought up to date with the folder
// (showing "Indexing N of M" on a terminal), so a one-shot search sees every note.
import { stat } from 'node:fs/promises';
import type { SearchStatus } from '../../shared/contract/search';
import type { InProcessApi } from '../core/api-client';
import { CliError } from './cli-error';

/** The notebook folder a search needs; says how to name another when it is missing. */
export async function requireNotebookFolder(notebook: string): Promise<void> {
  const info = await stat(notebook).catch(() => null);
  if (!info?.isDirectory()) {
    throw new CliError(`There is no notebook folder at ${notebook}. Pass --notebook DIR or set FIELDNOTES_NOTEBOOK.`);
  }
}

/**
 * Waits until the index holds every note (`reindex`: rebuilt from the files, and written); its
 * status then. A search waits for no background check (segment checksums) and no write.
 */
export async function waitForIndex(api: InProcessApi, options: { rebuild?: boolean } = {}): Promise<SearchStatus & { indexBytes?: number }> {
  const progress = progressLine();
  const off = api.on('search.progress', progress.show);
  try {
    const status = options.rebuild ? await api.search.reindex({ wait: true }) : await api.search.status({ wait: 'indexed' });
    if (status.state === 'failed') throw new CliError(`Search failed: ${status.error ?? 'unknown error'}. Run \`fieldnotes reindex\` to rebuild the index.`);
    return status;
  } finally {
    off();
    progress.done();
  }
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
