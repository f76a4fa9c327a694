// `fieldnotes sessions list|import`: the sessions Claude Code, Codex and Gemini CLI wrote on this
// machine (found where the agents write them: CLAUDE_CONFIG_DIR, CODEX_HOME, GEMINI_CLI_HOME, HOME),
// and bringing them into the notebook as notes.
import { Option, type Command } from 'commander';
import { CliError, type GlobalOptions } from '../cli-error';
import { withApi } from '../engine-command';

interface FilterOptions {
  agent?: 'claude-code' | 'codex' | 'gemini';
  repo?: string;
  since?: string;
}

function withFilters(command: Command): Command {
  return command
    .addOption(new Option('--agent <agent>', 'only this agent’s sessions').choices(['claude-code', 'codex', 'gemini']))
    .option('--repo <name|dir>', 'only sessions of this codebase (its folder name, or a folder)')
    .option('--since <date>', 'only sessions changed since this date (YYYY-MM-DD or an ISO time)');
}

function filters(options: FilterOptions): FilterOptions {
  return {
    ...(options.agent ? { agent: options.agent } : {}),
    ...(options.repo ? { repo: options.repo } : {}),
    ...(options.since ? { since: options.since } : {}),
  };
}

export function registerSessions(program: Command, globals: () => Promise<GlobalOptions>): void {
  const sessions = program.command('sessions').description('The agents’ own sessions on this machine (Claude Code, Codex, Gemini CLI)');

  withFilters(sessions.command('list').description('List the sessions, newest first, and whether each is in the notebook'))
    .action(async (options: FilterOptions) => {
      const global = await globals();
      const listed = await withApi(global, { notebook: 'create' }, (api) => api.sessions.list(filters(options)));
      if (global.json) {
        console.log(JSON.stringify(listed, null, 2));
        return;
      }
      if (listed.sessions.length === 0) console.log('No sessions found.');
      for (const session of listed.sessions) {
        const state = !session.imported ? 'not imported' : session.imported.current ? `imported: ${session.imported.path}` : `imported, has grown: ${session.imported.path}`;
        const turns = `${session.turns} ${session.turns === 1 ? 'turn' : 'turns'}`;
        console.log(`${session.id}  ${session.agent}  ${session.repo ?? '(no project)'}  ${session.ended ?? session.started ?? ''}  ${turns}  ${state}`);
        console.log(`    ${session.firstPrompt}`);
        for (const problem of session.problems) console.log(`    ! ${problem}`);
      }
      for (const file of listed.unreadable) console.error(`fieldnotes: ${file.file}: ${file.message}`);
    });

  withFilters(sessions.command('import').description('Import sessions as notes; sessions seen before update their notes')
    .argument('[ids...]', 'session ids (or a unique start of one)')
    .option('--all', 'import every session that matches the filters', false))
    .action(async (ids: string[], options: FilterOptions & { all: boolean }) => {
      const global = await globals();
      if (ids.length === 0 && !options.all) throw new CliError('Name the sessions to import, or give --all.', 2);
      const imported = await withApi(global, { notebook: 'create' }, (api) => api.sessions.import({ ...filters(options), ids, all: options.all }));
      if (global.json) {
        console.log(JSON.stringify(imported, null, 2));
      } else {
        for (const result of imported.results) {
          const where = result.path ?? '';
          console.log(`${result.status.padEnd(9)}  ${where || result.session}${result.message ? `  (${result.message})` : ''}`);
          for (const problem of result.problems) console.log(`    ! ${problem}`);
        }
        for (const file of imported.unreadable) console.error(`fieldnotes: ${file.file}: ${file.message}`);
      }
      const failed = imported.results.filter((result) => result.status === 'failed');
      if (failed.length > 0) throw new CliError(`${failed.length} ${failed.length === 1 ? 'session' : 'sessions'} could not be imported (see above).`);
    });
}
