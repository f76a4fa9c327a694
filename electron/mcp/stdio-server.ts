// `fieldnotes mcp`: the engine on one notebook and the MCP server over stdin/stdout until the client
// hangs up. Only protocol goes to stdout; everything else (logs, console output) goes to stderr.
import { ApiError } from '../../shared/contract/errors';
import type { Engine } from '../core/api';
import { defaultNotebookDir, settingsFile, userDataDir } from '../core/app-paths';
import { SettingsStore } from '../core/settings';
import { appendConsulted } from '../core/tasks/consulted-notes';
import type { FieldnotesCommand } from '../core/tasks/notebook-consult';
import type { Task } from '../../shared/model/task';
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
  /** How to run `fieldnotes`, so that research tasks' agents can consult the notebook in turn. */
  fieldnotes?: FieldnotesCommand;
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
      ...(options.fieldnotes ? { fieldnotes: options.fieldnotes } : {}),
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
    // ask_research is the user's to allow (Settings); never offered to one task's agent.
    !options.forTask && (await SettingsStore.peek(settingsFile())).tasks.askResearch ? { waitForTask: (id, ms) => engine.then((opened) => finishedTask(opened, id, ms)) } : undefined,
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

/** The task once it finished, or null after `ms`. */
function finishedTask(engine: Engine, id: string, ms: number): Promise<Task | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => done(null), ms);
    const stop = engine.events.on('tasks.finished', ({ task }) => {
      if (task.id === id) done(task);
    });
    const done = (task: Task | null) => {
      clearTimeout(timer);
      stop();
      resolve(task);
    };
    const over = engine.tasks.list().find((task) => task.id === id && task.status !== 'queued' && task.status !== 'running');
    if (over) done(over);
  });
}
