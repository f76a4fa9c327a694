// `fieldnotes mcp`: the engine on one notebook and the MCP server over stdin/stdout until the client
// hangs up. Only protocol goes to stdout; everything else (logs, console output) goes to stderr.
import { ApiError } from '../../shared/contract/errors';
import type { Engine } from '../core/api';
import { defaultNotebookDir, settingsFile, userDataDir } from '../core/app-paths';
import { appendConsulted } from '../core/tasks/consulted-notes';
import { waitForSearch } from './mcp-context';
import { notebookCall } from './notebook-call';

export interface StdioServerOptions {
  notebook: string;
  version: string;
  /** Watch the notebook for notes written after the start (a long-lived server does; one task's does not). */
  watch: boolean;
  /** A file to append the ids of served notes to (a task run's record of what its agent consulted). */
  consultedFile?: string;
}

export async function serveStdio(options: StdioServerOptions): Promise<void> {
  const log = (message: string) => process.stderr.write(`fieldnotes mcp: ${message}\n`);
  // Anything printed by accident would corrupt the protocol stream.
  console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args);
  const [{ createApi }, { StdioServerTransport }, { createNotebookServer }] = await Promise.all([
    import('../core/api'),
    import('@modelcontextprotocol/sdk/server/stdio.js'),
    import('./mcp-server'),
  ]);
  const engine: Engine = await createApi({
    app: { name: 'Fieldnotes', version: options.version },
    transport: 'http',
    notebook: options.notebook,
    defaultNotebook: defaultNotebookDir(),
    settingsFile: settingsFile(),
    userDataDir: userDataDir(),
    watch: options.watch,
    search: 'on-demand',
    log,
  }).catch((error: unknown) => {
    throw error instanceof ApiError ? error : new ApiError('NOTEBOOK_UNAVAILABLE', `Cannot open the notebook ${options.notebook}: ${(error as Error).message}`);
  });
  const call = notebookCall(engine.handlers, log);
  let consulted: Promise<unknown> = Promise.resolve();
  const server = createNotebookServer(
    {
      call,
      log,
      served: (ids) => {
        if (!options.consultedFile || ids.length === 0) return;
        const file = options.consultedFile;
        consulted = consulted.then(() => appendConsulted(file, ids)).catch((error: unknown) => log(`could not record consulted notes: ${(error as Error).message}`));
      },
      searchReady: () => waitForSearch(call),
    },
    options.version,
  );
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
  });
  await server.connect(new StdioServerTransport());
  log(`serving ${options.notebook}`);
  await closed;
  await consulted;
  await server.close().catch(() => undefined);
  await engine.close();
}
