// `fieldnotes mcp`: the notebook as an MCP server on stdin/stdout, for coding agents to consult.
// The server and the engine are imported when it runs, so `--help` does not load them.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { CliError, type GlobalOptions } from '../cli-error';
import { FIELDNOTES_COMMAND, VERSION } from '../project';

interface McpOptions {
  forTask?: string;
}

export function registerMcp(program: Command, globals: () => Promise<GlobalOptions>): void {
  const mcp = program
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
  for (const action of ['install', 'uninstall'] as const) {
    mcp
      .command(action)
      .description(action === 'install'
        ? 'Register `fieldnotes mcp` with your own agent, using its own command (claude mcp add, codex mcp add, gemini mcp add)'
        : 'Remove the `fieldnotes` MCP server from your agent again')
      .requiredOption('--agent <agent>', 'claude-code, codex or gemini')
      .option('--scope <scope>', 'user (every folder; the default) or project (this folder; Claude Code and Gemini CLI)')
      .action(async (options: { agent: string; scope?: string }) => {
        const { json } = await globals();
        if (options.scope !== undefined && options.scope !== 'user' && options.scope !== 'project') {
          throw new CliError(`--scope must be user or project, not ${options.scope}`);
        }
        const [{ installServer }, { settingsFile }] = await Promise.all([import('../../mcp/agent-install'), import('../../core/app-paths')]);
        // The notebook is pinned only when --notebook was given; otherwise the server opens the one the app opened last.
        const pinned = program.opts<{ notebook?: string }>().notebook;
        const report = await installServer({
          action,
          agent: options.agent,
          ...(options.scope ? { scope: options.scope } : {}),
          server: { command: FIELDNOTES_COMMAND.command, args: [...FIELDNOTES_COMMAND.args, ...(pinned ? ['--notebook', resolve(pinned)] : []), 'mcp'] },
          settingsFile: settingsFile(),
          env: process.env,
          cwd: process.cwd(),
        });
        if (json) console.log(JSON.stringify(report, null, 2));
        else console.log(`Ran: ${report.ran}${report.output ? `\n${report.output}` : ''}`);
      });
  }
}
