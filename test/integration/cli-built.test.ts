// The `fieldnotes` command runs the electron-vite bundle (out/main/cli.js) when it is current: that
// bundle must behave as the sources do, finding its search worker, tokenizer and package files from
// out/main. `npm test` builds only after vitest, and building here would cost seconds, so this
// checks whichever code the launcher picks now: the bundle after `npm run build`, else the sources
// (against themselves, on a fresh clone).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-process';
import { ROOT, fixtureNotebook } from '../support/paths';
import { copyNotebook, tempDir } from '../support/temp';

const { currentBuild } = (await import(pathToFileURL(join(ROOT, 'electron', 'cli', 'built-cli.mjs')).href)) as {
  currentBuild(root: string, env?: Record<string, string | undefined>): string | null;
};
// The suite runs the CLI from its sources (vitest.config.ts); here the launcher chooses for itself.
const launcherChooses = { FIELDNOTES_CLI_FROM_SOURCE: '' };
const picked = currentBuild(ROOT, launcherChooses) ? 'the build (out/main/cli.js)' : 'the sources (nothing current is built)';

let notebook: string;
let home: string;
const fromSource = { FIELDNOTES_CLI_FROM_SOURCE: '1' };

// Both folders go when the file ends (test/support/vitest-setup.ts).
beforeAll(async () => {
  notebook = await copyNotebook(fixtureNotebook('basic'));
  home = await tempDir();
});

describe(`fieldnotes run from ${picked}`, () => {
  it('prints the same help as the sources', async () => {
    for (const args of [['--help'], ['context', '--help'], ['--version']]) {
      const [launched, source] = await Promise.all([runCli(args, { env: launcherChooses }), runCli(args, { env: fromSource })]);
      expect(launched).toEqual(source);
      expect(launched.code).toBe(0);
    }
  });

  it('searches a notebook and bundles the matches as the sources do', async () => {
    const env = { FIELDNOTES_HOME: home, ...launcherChooses };
    const outputs = [];
    // One after the other: both use the notebook's index cache (the first run writes it).
    for (const args of [['--json', 'search', 'hooks'], ['context', '--query', 'hooks']]) {
      const launched = await runCli(['--notebook', notebook, ...args], { env, cwd: home });
      const source = await runCli(['--notebook', notebook, ...args], { env: { ...env, ...fromSource }, cwd: home });
      expect(launched).toEqual(source);
      expect(launched.code).toBe(0);
      outputs.push(launched.stdout);
    }
    const { hits } = JSON.parse(outputs[0]!) as { hits: Array<{ path: string }> };
    expect(hits.map((hit) => hit.path)).toEqual(['vite/2026-11-20-plugin-hook-order.md', 'ky/2026-11-28-how-does-request-routing-work.md']);
  });
});
