// Opening the notebook for one command: no watcher, closed (cache written) when the command ends.
// The notebook code is imported when a command runs, so `--help` does not load it.
import type { Notebook } from '../core/notebook/notebook';
import type { GlobalOptions } from './cli-error';

/**
 * Runs `work` on the notebook named by the global options. The folder must exist unless `create`
 * is set; a folder that is not a notebook yet is set up.
 */
export async function withNotebook<T>(globals: GlobalOptions, options: { create?: boolean }, work: (notebook: Notebook) => Promise<T>): Promise<T> {
  const { Notebook } = await import('../core/notebook/notebook');
  const notebook = await Notebook.open(globals.notebook, {
    create: options.create,
    watch: false,
    log: (message) => console.error(`fieldnotes: ${message}`),
  });
  try {
    return await work(notebook);
  } finally {
    await notebook.close();
  }
}
