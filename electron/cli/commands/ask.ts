// `fieldnotes ask "<question>"`: put a question to one or more agents, follow their progress on
// stderr, print the new notes' paths on stdout. Ctrl-C cancels the tasks (their notes say so).
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { Task } from '../../../shared/model/task';
import { knownAgentIds } from '../../core/agents/registry';
import type { InProcessApi } from '../../core/api-client';
import { CliError, type GlobalOptions } from '../cli-error';
import { withApi } from '../engine-command';
import { endOfTasks, followTasks } from '../follow-tasks';

interface AskOptions {
  repo?: string;
  agent: string[];
  mode: 'explain' | 'poc';
  context: string[];
  timeout?: string;
  idleTimeout?: string;
}

/** The agents' ids as the registries list them: `claude-code, codex, gemini, custom`, then the cloud agents. */
const agentIds = (): string => knownAgentIds().join(', ');

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function registerAsk(program: Command, globals: () => Promise<GlobalOptions>): void {
  program
    .command('ask')
    .description('Ask agents a question about a codebase; prints the path of each new note')
    .argument('<question>', 'the question, or the task for poc mode')
    .option('--repo <path>', 'the codebase folder (required in explain mode)')
    .option('--agent <id>', `an agent to ask: ${agentIds()} (repeatable; default from the settings)`, collect, [])
    .addOption(new Option('--mode <mode>', 'explain (read-only) or poc (a scratch checkout it may change)').choices(['explain', 'poc']).default('explain'))
    .option('--context <note>', 'a note to give as context, by id or path (repeatable)', collect, [])
    .option('--timeout <seconds>', 'stop a task that runs longer than this')
    .option('--idle-timeout <seconds>', 'stop a task whose agent is silent this long')
    .action(async (question: string, options: AskOptions) => {
      const globalOptions = await globals();
      endOfTasks(await withApi(globalOptions, { notebook: 'create', agents: true }, (api) => ask(api, question, options, globalOptions)));
    });
}

async function ask(api: InProcessApi, question: string, options: AskOptions, globals: GlobalOptions): Promise<{ tasks: Task[]; interrupted: boolean }> {
  const context = await Promise.all(options.context.map(async (ref) => (await api.notes.find({ ref, cwd: process.cwd() })).summary.id));
  return followTasks(api, globals, async () => (await api.tasks.ask({
    question,
    ...(options.repo ? { repoPath: resolve(options.repo) } : {}),
    mode: options.mode,
    ...(options.agent.length > 0 ? { agents: options.agent } : {}),
    context,
    ...(options.timeout ? { wallTimeoutSec: seconds(options.timeout, '--timeout') } : {}),
    ...(options.idleTimeout ? { idleTimeoutSec: seconds(options.idleTimeout, '--idle-timeout') } : {}),
  })).tasks);
}

function seconds(value: string, flag: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new CliError(`${flag} takes a whole number of seconds, not ${value}`);
  return number;
}
