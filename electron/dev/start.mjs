#!/usr/bin/env node
// `npm start`: build, then open the desktop app. Without Electron's binary (an offline install),
// say so in one line and open the browser mode instead: in the default browser, on a port that
// stays the same from run to run while it is free. The bundler's own warnings (chunk sizes) are
// for developers (`npm run build` shows them), not for someone starting the app.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
/** The browser mode's port when --port is not given and it is free. */
const STABLE_PORT = 4517;

function electronBinary() {
  try {
    // The electron package exports the binary's path, and throws when the binary never arrived.
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const builder = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
const build = spawnSync(process.execPath, [builder, 'build', '--logLevel', 'error'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) {
  console.error('fieldnotes: the build failed (see above).');
  process.exit(build.status ?? 1);
}

const electron = electronBinary();
let child;
if (electron) {
  const sandboxArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  child = spawn(electron, [...sandboxArgs, root, ...args], { cwd: root, stdio: 'inherit' });
} else {
  console.log(
    "Electron's binary is not installed (an offline install?), so Fieldnotes opens in the browser instead; get the desktop app with `node node_modules/electron/install.js`.",
  );
  const port = args.some((arg) => arg === '--port' || arg === '-p' || arg.startsWith('--port=')) ? [] : ['--port', String((await isFree(STABLE_PORT)) ? STABLE_PORT : 0)];
  child = spawn(process.execPath, [join(root, 'electron', 'cli', 'fieldnotes.mjs'), 'serve', '--open', ...port, ...args], { cwd: root, stdio: 'inherit' });
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

/** True when nothing listens on `port` of 127.0.0.1. */
function isFree(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
