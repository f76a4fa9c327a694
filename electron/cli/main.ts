// The `fieldnotes` program: global options, the commands, and how errors reach the terminal.
import { resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { ApiError } from '../../shared/contract/errors';
import { settingsFile, startNotebookDir } from '../core/app-paths';
import { CliError, type GlobalOptions } from './cli-error';
import { registerContext } from './commands/context';
import { registerAgents } from './commands/agents';
import { registerAsk } from './commands/ask';
import { registerCheck } from './commands/check';
import { registerImport } from './commands/import';
import { registerMcp } from './commands/mcp';
import { registerNotes } from './commands/notes';
import { registerRefresh } from './commands/refresh';
import { registerReindex } from './commands/reindex';
import { registerSearch } from './commands/search';
import { registerServe } from './commands/serve';
import { registerSessions } from './commands/sessions';
import { registerSync } from './commands/sync';
import { VERSION } from './project';

export async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('fieldnotes')
    .description('A notebook for research done by coding agents.')
    .version(VERSION, '-v, --version')
    .option('--notebook <dir>', 'notebook folder (default: $FIELDNOTES_NOTEBOOK, else the one the app opened last, else ~/Documents/Fieldnotes)')
    .option('--json', 'print machine-readable JSON', false)
    .showHelpAfterError('(run fieldnotes --help for usage)')
    .exitOverride();

  // Commands call this when they run; the settings code (and zod) loads then, not for `--help`.
  const globals = async (): Promise<GlobalOptions> => {
    const options = program.opts<{ notebook?: string; json: boolean }>();
    const { SettingsStore } = await import('../core/settings');
    const remembered = options.notebook ? undefined : (await SettingsStore.peek(settingsFile())).notebook;
    return { notebook: resolve(startNotebookDir({ flag: options.notebook, remembered })), json: options.json };
  };
  registerAsk(program, globals);
  registerRefresh(program, globals);
  registerAgents(program, globals);
  registerNotes(program, globals);
  registerContext(program, globals);
  registerImport(program, globals);
  registerSearch(program, globals);
  registerReindex(program, globals);
  registerCheck(program, globals);
  registerServe(program, globals);
  registerSessions(program, globals);
  registerMcp(program, globals);
  registerSync(program, globals);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof CliError || error instanceof ApiError) {
      console.error(`fieldnotes: ${error.message}`);
      return error instanceof CliError ? error.exitCode : 1;
    }
    console.error('fieldnotes: unexpected error:', error);
    return 1;
  }
}
