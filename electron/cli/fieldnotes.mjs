#!/usr/bin/env node
// The `fieldnotes` command. It runs the bundled command line (out/main/cli.js, made by `npm run
// build`) when that is current with every source it is built from (see built-cli.mjs), and
// otherwise the TypeScript sources through tsx: a fresh checkout needs no build step, a built one
// starts fast, and an edit is never hidden behind an older build. FIELDNOTES_CLI_FROM_SOURCE=1
// runs the sources regardless.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { currentBuild } from './built-cli.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function loadCommandLine() {
  const built = currentBuild(root);
  if (built) {
    try {
      return await import(pathToFileURL(built).href);
    } catch (error) {
      // A build in progress empties out/main before writing it again, so for a moment cli.js may
      // be there without its chunks. The sources are always there; any other failure (a missing
      // dependency, an error in the code) is real and would fail the same way from the sources.
      const missingPart = error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.url).startsWith(pathToFileURL(join(root, 'out')).href);
      if (!missingPart) throw error;
    }
  }
  (await sourceRunner()).register();
  return import('./main.ts');
}

/** tsx, which runs the sources; a devDependency, so an install with --omit=dev has only the build. */
async function sourceRunner() {
  try {
    return await import('tsx/esm/api');
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes("'tsx'")) throw error;
    console.error(
      'fieldnotes: out/main/cli.js is missing or older than the sources, and running the sources needs tsx, a devDependency that is not installed.\n' +
        '  Run `npm install` (with dev dependencies), then `npm run build` for the fast start.',
    );
    process.exit(1);
  }
}

const { main } = await loadCommandLine();
process.exitCode = await main(process.argv.slice(2));
