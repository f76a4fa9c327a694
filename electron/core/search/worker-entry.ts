// Which file starts the search worker. In the electron-vite build it is `search-worker.js`, bundled
// next to the main process code; everywhere else (the CLI, `fieldnotes serve`, vitest) the sources
// run through tsx, and `worker-tsx.mjs` registers tsx inside the worker before loading `worker.ts`.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BUILT_WORKER = 'search-worker.js';
const SOURCE_WORKER = 'worker-tsx.mjs';

/**
 * The worker script for code running from `moduleUrl` (default: this module): the built worker when
 * one sits beside it (or one folder up, for a bundle split into chunks), else the tsx bootstrap.
 */
export function workerEntry(moduleUrl: string = import.meta.url): string {
  const here = dirname(fileURLToPath(moduleUrl));
  for (const candidate of [join(here, BUILT_WORKER), join(here, '..', BUILT_WORKER)]) {
    if (existsSync(candidate)) return candidate;
  }
  return join(here, SOURCE_WORKER);
}
