// "Let agents consult the notebook": a task's own `fieldnotes mcp` server, registered with its
// agent for that run only. The server appends the ids of the notes it served to a file in the
// run's own folder; the task reads them at the end (the note's `consulted`) and removes the folder.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { NotebookServer } from '../agents/agent-adapter';
import { readConsulted } from './consulted-notes';

/** The read-only tools of `fieldnotes mcp`, the ones a task's agent may call. */
export const NOTEBOOK_TOOLS = ['search_notes', 'read_note', 'build_context', 'recent_notes'] as const;

/** How to run the `fieldnotes` command line (`node …/fieldnotes.mjs`), with what it needs in its environment. */
export interface FieldnotesCommand {
  command: string;
  args: string[];
  env?: Record<string, string>;
}

export interface NotebookConsult {
  server: NotebookServer;
  /** The notes served so far, each once. */
  consulted(): Promise<string[]>;
  /** Removes the run's folder. */
  dispose(): Promise<void>;
}

export async function prepareConsult(fieldnotes: FieldnotesCommand, options: { notebookRoot: string; userDataDir: string }): Promise<NotebookConsult> {
  // In the app's own folder, not the system's temp folder: Gemini CLI refuses a settings file below
  // a folder others can write to (/tmp), and the run's files are nobody else's business.
  const runs = join(options.userDataDir, 'runs');
  await mkdir(runs, { recursive: true, mode: 0o700 });
  const runDir = await mkdtemp(join(runs, 'run-'));
  const consultedFile = join(runDir, 'consulted.txt');
  return {
    server: {
      name: 'fieldnotes',
      command: fieldnotes.command,
      args: [...fieldnotes.args, '--notebook', options.notebookRoot, 'mcp', '--for-task', consultedFile],
      env: { ...fieldnotes.env, FIELDNOTES_HOME: options.userDataDir },
      tools: NOTEBOOK_TOOLS,
      runDir,
    },
    consulted: () => readConsulted(consultedFile),
    dispose: () => rm(runDir, { recursive: true, force: true }),
  };
}
