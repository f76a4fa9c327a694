// The segment builders' pool when a helper thread dies: the build it was doing fails with a clear
// error instead of waiting forever, and the builds behind it still get done by a new helper.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SegmentBuildPool } from '../../../electron/core/search/segment-build-pool';
import { workerEntry } from '../../../electron/core/search/worker-entry';
import { writeNote } from '../../support/search-notes';
import { removeDir, tempDir } from '../../support/temp';

let notebook: string;

beforeEach(async () => {
  notebook = await tempDir('fieldnotes-pool-');
  await writeNote(notebook, 'ky/retries.md', { title: 'Why do retries stop?', body: 'Retries stop after a 413.', repo: 'ky' });
});

afterEach(async () => {
  await removeDir(notebook);
});

describe('SegmentBuildPool', () => {
  it('builds a segment in a helper thread', async () => {
    const pool = new SegmentBuildPool(workerEntry(), 1);
    try {
      const built = await pool.build(notebook, ['ky/retries.md', 'ky/gone.md']);
      expect(built.missing).toEqual(['ky/gone.md']);
      expect(built.segment).toBeDefined();
    } finally {
      await pool.close();
    }
  });

  it('fails every build whose helper exits, instead of leaving it waiting', async () => {
    const crashing = join(notebook, 'crashing-helper.mjs');
    await writeFile(crashing, 'process.exit(3);\n');
    const pool = new SegmentBuildPool(crashing, 2);
    try {
      const outcomes = await Promise.allSettled([pool.build(notebook, ['ky/retries.md']), pool.build(notebook, ['ky/retries.md']), pool.build(notebook, ['ky/retries.md'])]);
      for (const outcome of outcomes) {
        expect(outcome).toMatchObject({ status: 'rejected', reason: { message: 'A segment builder thread stopped (exit code 3) before it built its segment.' } });
      }
    } finally {
      await pool.close();
    }
  });

  it('close fails the builds not done yet', async () => {
    const hanging = join(notebook, 'hanging-helper.mjs');
    await writeFile(hanging, "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => undefined);\n");
    const pool = new SegmentBuildPool(hanging, 1);
    const builds = Promise.allSettled([pool.build(notebook, ['ky/retries.md']), pool.build(notebook, ['ky/retries.md'])]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await pool.close();
    for (const outcome of await builds) expect(outcome).toMatchObject({ status: 'rejected', reason: { message: expect.stringMatching(/closed before the segment was built/) } });
  });
});
