#!/usr/bin/env node
// npm's postinstall for Fieldnotes: fetch Electron's binary the usual way, but only warn when that
// fails (an offline install), because the browser mode and the whole test suite work without it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);

function installerPath() {
  try {
    return require.resolve('electron/install.js');
  } catch {
    return null;
  }
}

const installer = installerPath();
const skip = process.env.ELECTRON_SKIP_BINARY_DOWNLOAD;
if (installer && existsSync(installer) && !(skip && skip !== '0' && skip !== 'false')) {
  const result = spawnSync(process.execPath, [installer], {
    cwd: dirname(installer),
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
    timeout: 15 * 60 * 1000,
  });
  if (result.status !== 0) {
    const reason = (result.stderr ?? '').split('\n').find((line) => line.trim()) ?? result.error?.message ?? 'unknown error';
    console.warn(
      `fieldnotes: Electron's binary could not be downloaded (${reason.trim()}).\n` +
        '  Everything else is installed: `npm start` opens Fieldnotes in your browser instead, and `npm test` runs.\n' +
        '  To get the desktop app later, run: node node_modules/electron/install.js',
    );
  }
}
