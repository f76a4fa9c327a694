// `fieldnotes mcp`: the notebook as an MCP server on stdin/stdout, for coding agents to consult.
// The server and the engine are imported when it runs, so `--help` does not load them.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { GlobalOptions } from '../cli-error';
import { FIELDNOTES_COMMAND, VERSION } from '../project';

interface McpOptions {
  forTask?: string;
}

export function registerMcp(program: Command, globals: () => Promise<GlobalOptions>): void {
  program
    .command('mcp')
    .description('Serve the notebook to coding agents over the Model Context Protocol (stdio): search_notes, read_note, build_context, recent_notes, and ask_research when Settings allow it')
    .option('--for-task <file>', 'serve one Fieldnotes task: append the id of every note served to FILE; no watcher, settings untouched')
    .action(async (options: McpOptions) => {
      const { notebook } = await globals();
      const { serveStdio } = await import('../../mcp/stdio-server');
      await serveStdio({
        notebook,
        version: VERSION,
        fieldnotes: FIELDNOTES_COMMAND,
        ...(options.forTask ? { forTask: resolve(options.forTask) } : {}),
      });
    });
}
