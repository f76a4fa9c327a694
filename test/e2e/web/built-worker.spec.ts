// The desktop app runs the search worker electron-vite bundled (out/main/search-worker.js), not
// the TypeScript sources: that bundle must start, build an index with its helper threads, and answer.
import { test, expect } from '@playwright/test';
import { join } from 'node:path';
import { SearchInput } from '../../../shared/contract/search';
import { SearchService } from '../../../electron/core/search/service';
import { workerEntry } from '../../../electron/core/search/worker-entry';
import { writeSyntheticNotebook } from '../../bench/synthetic-notebook';
import { ROOT } from '../../support/paths';
import { removeDir, tempDir } from '../../support/temp';

test('the bundled search worker indexes a notebook and answers', async () => {
  // 450 notes written and indexed on two cores, beside another test: 15 s here, 28 s seen on CI.
  test.setTimeout(90_000);
  const entry = workerEntry(new URL(`file://${join(ROOT, 'out', 'main', 'index.js')}`).href);
  expect(entry).toBe(join(ROOT, 'out', 'main', 'search-worker.js'));
  const notebook = await tempDir('fieldnotes-built-');
  // Enough notes for a bulk build, which runs in helper threads started from the same bundle.
  await writeSyntheticNotebook(notebook, 450, 3);
  const service = SearchService.start({ root: notebook, cacheDir: join(notebook, '.fieldnotes', 'cache', 'search'), entry });
  try {
    const status = await service.whenIdle();
    expect(status).toMatchObject({ state: 'ready', notes: 450 });
    const results = await service.query(SearchInput.parse({ query: 'request' }));
    expect(results.total).toBeGreaterThan(100);
    expect(results.hits[0]!.snippet!.highlights.length).toBeGreaterThan(0);
  } finally {
    await service.close();
    await removeDir(notebook);
  }
});
