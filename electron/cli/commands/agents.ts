// `fieldnotes agents`: which agent CLIs this machine has, their versions, and how to get the others;
// then the cloud agents, and how to sign in to them.
import type { Command } from 'commander';
import type { GlobalOptions } from '../cli-error';
import { withApi } from '../engine-command';

export function registerAgents(program: Command, globals: () => Promise<GlobalOptions>): void {
  program
    .command('agents')
    .description('List the agents Fieldnotes can ask, with their versions (and how to install the missing ones)')
    .option('--refresh', 'look for them again instead of using what was found before', false)
    .action(async (options: { refresh: boolean }) => {
      const globalOptions = await globals();
      const { agents } = await withApi(globalOptions, { notebook: 'none', agents: true }, (api) => api.agents.list({ refresh: options.refresh }));
      if (globalOptions.json) {
        console.log(JSON.stringify(agents, null, 2));
        return;
      }
      const idWidth = Math.max(...agents.map((agent) => agent.id.length));
      const labelWidth = Math.max(...agents.map((agent) => agent.label.length));
      for (const agent of agents) {
        const state = agent.available
          ? `${agent.version ?? 'installed'}  ${agent.path ?? ''}`.trimEnd()
          : `not available. ${agent.reason ?? ''}${agent.installHint ? ` ${agent.cloud ? 'Sign in' : 'Install'}: ${agent.installHint}` : ''}`.trim();
        // A cloud agent runs elsewhere: the line says so.
        console.log(`${agent.id.padEnd(idWidth)}  ${agent.label.padEnd(labelWidth)}  ${agent.cloud ? `cloud (${agent.cloud.service}): ` : ''}${state}`);
      }
    });
}
