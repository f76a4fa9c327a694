import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY_META } from './shared/content-security-policy';

/** Writes the renderer's CSP into the built index.html (the dev server needs inline styles). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'fieldnotes-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY_META}" />`),
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // package.json's `dependencies` stay outside the bundle, loaded from node_modules; the rest is
      // bundled. lunr is a devDependency for that reason: imported from node_modules, Node would
      // first scan its CommonJS source for export names, ~25 ms of every search worker start.
      rolldownOptions: {
        // The search worker is a second entry: workerEntry() finds search-worker.js beside index.js.
        // The command line is a third: electron/cli/fieldnotes.mjs runs cli.js when it is current,
        // rather than the TypeScript sources through tsx (seconds saved on every command).
        input: {
          index: resolve('electron/main/index.ts'),
          'search-worker': resolve('electron/core/search/worker.ts'),
          cli: resolve('electron/cli/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require() anything but a few Electron modules, so the preload
      // is one self-contained CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react(), contentSecurityPolicy()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      sourcemap: true,
      rolldownOptions: {
        input: { index: resolve('renderer/index.html') },
      },
    },
  },
});
