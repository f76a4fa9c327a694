// `fieldnotes serve`: the browser mode. Starts the engine and the loopback server, prints the URL.
// Both are imported when the command runs, so `--help` and a bad --port do not load them.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Command } from 'commander';
import { defaultNotebookDir, settingsFile } from '../../core/app-paths';
import { FIELDNOTES_COMMAND, PACKAGE_ROOT, RENDERER_DIR, VERSION, rendererIsBuilt } from '../project';
import { CliError, type GlobalOptions } from '../cli-error';

interface ServeOptions {
  port: string;
  host: string;
  open?: boolean;
}

export function registerServe(program: Command, globals: () => Promise<GlobalOptions>): void {
  program
    .command('serve')
    .description('Serve the Fieldnotes UI on this machine and print the address to open in a browser')
    .option('-p, --port <port>', 'port to listen on (0 picks a free one)', '0')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--open', 'open the address in the default browser')
    .action(async (options: ServeOptions) => {
      const { notebook, json } = await globals();
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be a port number, not ${options.port}`);
      ensureRenderer(json);

      const [{ createApi }, { startServer }] = await Promise.all([import('../../core/api'), import('../../server/server')]);
      const engine = await createApi({
        app: { name: 'Fieldnotes', version: VERSION },
        transport: 'http',
        notebook,
        defaultNotebook: defaultNotebookDir(),
        settingsFile: settingsFile(),
        log: (message) => console.error(`[fieldnotes] ${message}`),
        warmTokenizer: true,
        fieldnotes: FIELDNOTES_COMMAND,
        captureSessions: true,
      });
      const server = await startServer({
        engine,
        rendererDir: RENDERER_DIR,
        host: options.host,
        port,
        token: process.env.FIELDNOTES_SERVE_TOKEN,
        dispatchOptions: { logError: (method, error) => console.error(`[fieldnotes] ${method} failed:`, error) },
      }).catch(async (error: NodeJS.ErrnoException) => {
        await engine.close();
        throw listenError(error, options.host, port);
      });

      // Signals are handled before the URL is printed: whoever reads the URL may stop us at once.
      const stopRequested = new Promise<void>((done) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          done();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });

      if (json) {
        console.log(JSON.stringify({ url: server.url, origin: server.origin, port: server.port, notebook }));
      } else {
        console.log(`Fieldnotes is serving the notebook ${notebook}`);
        console.log(`Open ${server.url}`);
        console.log('Press Ctrl-C to stop.');
      }
      if (options.open) {
        const { nodePorts } = await import('../../core/ports/node-ports');
        await nodePorts().openPath(server.url).catch((error: Error) => console.error(`[fieldnotes] Could not open a browser (${error.message}); open the address above.`));
      }

      await stopRequested;
      // Stopping takes what closing needs (running tasks are marked interrupted), and never more
      // than STOP_WAIT_MS: work that cannot finish (a stuck disk, a folder that never answers) is
      // left, and so is anything that would keep the process alive once closing is done.
      const closed = Promise.all([server.close(), engine.close()]).then(
        () => 0,
        (error: unknown) => {
          console.error('[fieldnotes] closing failed:', error);
          return 1;
        },
      );
      const late = new Promise<null>((done) => setTimeout(() => done(null), STOP_WAIT_MS).unref());
      const code = await Promise.race([closed, late]);
      // What is cut short is safe to cut: writes are atomic, and the next start marks tasks still
      // "running" as interrupted and brings the index up to date.
      if (code === null) console.error(`[fieldnotes] stopped without waiting for the rest of closing (still busy after ${STOP_WAIT_MS / 1000} s).`);
      process.exit(code ?? 0);
    });
}

/** How long `serve` waits for closing after SIGTERM or Ctrl-C before it exits regardless. */
const STOP_WAIT_MS = 2_000;

/** Says why the server could not listen, in words that say what to do. */
function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  if (error.code === 'EADDRINUSE') {
    return new CliError(`Port ${port} on ${host} is already in use. Choose another with --port, or leave --port out to get a free one.`);
  }
  if (error.code === 'EACCES') return new CliError(`Not allowed to listen on port ${port}. Use a port above 1023, or leave --port out.`);
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') return new CliError(`${host} is not an address of this machine. Leave --host out to use 127.0.0.1.`);
  return error;
}

/** In a checkout the UI may not be built yet: build it once, so `serve` just works. */
function ensureRenderer(quiet: boolean): void {
  if (rendererIsBuilt()) return;
  const builder = join(PACKAGE_ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  if (!quiet) console.error('The UI is not built yet; building it once (electron-vite build)…');
  const result = spawnSync(process.execPath, [builder, 'build', '--logLevel', 'warn'], {
    cwd: PACKAGE_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0 || !rendererIsBuilt()) {
    throw new CliError(`The UI is not built and building it failed. Run \`npm run build\` in ${PACKAGE_ROOT} and try again.`);
  }
}
