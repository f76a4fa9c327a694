// `fieldnotes mcp`: the engine on one notebook and the MCP server over stdin/stdout until the client
// hangs up. Only protocol goes to stdout; everything else (logs, console output) goes to stderr.
import { ApiError } from '../../shared/contract/errors';
import type { Engine } from '../core/api';
import { defaultNotebookDir, settingsFile, userDataDir } from '../core/app-paths';
import { appendConsulted } from '../core/tasks/consulted-notes';
import { waitForSearch } from './mcp-context';
import { notebookCall, type NotebookCall } from './notebook-call';

export interface StdioServerOptions {
  notebook: string;
  version: string;
  /**
   * Serving one task of Fieldnotes: the ids of served notes are appended to this file (the task's
   * record of what its agent consulted); the notebook is not watched and the settings not written.
   */
  forTask?: string;
}

export async function serveStdio(options: StdioServerOptions): Promise<void> {
  const log = (message: string) => process.stderr.write(`fieldnotes mcp: ${message}\n`);
  // Anything printed by accident would corrupt the protocol stream.
  console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args);
  const [{ StdioServerTransport }, { createNotebookServer }] = await Promise.all([
    import('@modelcontextprotocol/sdk/server/stdio.js'),
    import('./mcp-server'),
  ]);
  // The handshake and the tool list do not wait for the notebook: agents start their first turn
  // with the tools they have listed by then. Calls wait for the engine.
  const engine: Promise<Engine> = import('../core/api').then(({ createApi }) =>
    createApi({
      app: { name: 'Fieldnotes', version: options.version },
      transport: 'http',
      notebook: options.notebook,
      defaultNotebook: defaultNotebookDir(),
      ...(options.forTask ? {} : { settingsFile: settingsFile() }),
      userDataDir: userDataDir(),
      watch: !options.forTask,
      search: 'on-demand',
      log,
    }),
  ).catch((error: unknown) => {
    log(`cannot open the notebook ${options.notebook}: ${(error as Error).message}`);
    throw error instanceof ApiError ? error : new ApiError('NOTEBOOK_UNAVAILABLE', `Cannot open the notebook ${options.notebook}: ${(error as Error).message}`);
  });
  engine.catch(() => undefined);
  const call: NotebookCall = async (method, input) => notebookCall((await engine).handlers, log)(method, input);
  const server = createNotebookServer(
    {
      call,
      log,
      served: (ids) => {
        if (!options.forTask || ids.length === 0) return;
        try {
          appendConsulted(options.forTask, ids);
        } catch (error) {
          log(`could not record consulted notes: ${(error as Error).message}`);
        }
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
  await server.close().catch(() => undefined);
  await engine.then((opened) => opened.close(), () => undefined);
}
