// `fieldnotes ask "<question>"`: put a question to one or more agents, follow their progress on
// stderr, print the new notes' paths on stdout. Ctrl-C cancels the tasks (their notes say so).
import { join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { Task } from '../../../shared/model/task';
import { createAgentRegistry } from '../../core/agents/registry';
import { CLOUD_AGENTS } from '../../core/agents/cloud/cloud-agents';
import type { InProcessApi } from '../../core/api-client';
import { CliError, type GlobalOptions } from '../cli-error';
import { notebookRoot, withApi } from '../engine-command';
import { progressPrinter } from '../task-progress';

interface AskOptions {
  repo?: string;
  agent: string[];
  mode: 'explain' | 'poc';
  context: string[];
  timeout?: string;
  idleTimeout?: string;
}

/** The agents' ids as the registries list them: `claude-code, codex, gemini, custom`, then the cloud agents. */
const agentIds = (): string => [...createAgentRegistry().list(), ...CLOUD_AGENTS].map((agent) => agent.id).join(', ');

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
      const results = await withApi(globalOptions, { notebook: 'create', agents: true }, (api) => ask(api, question, options, globalOptions));
      if (results.interrupted) throw new CliError('cancelled.', 130);
      const unfinished = results.tasks.filter((task) => task.status !== 'done');
      if (unfinished.length > 0) {
        throw new CliError(`${unfinished.length} of ${results.tasks.length} ${results.tasks.length === 1 ? 'task' : 'tasks'} did not finish: ${unfinished.map((task) => `${task.agent} ${task.status}`).join(', ')}.`);
      }
    });
}

async function ask(api: InProcessApi, question: string, options: AskOptions, globals: GlobalOptions): Promise<{ tasks: Task[]; interrupted: boolean }> {
  const root = await notebookRoot(api);
  const context = await Promise.all(options.context.map(async (ref) => (await api.notes.find({ ref, cwd: process.cwd() })).summary.id));
  const printer = progressPrinter((line) => process.stderr.write(`${line}\n`));
  const finished = new Map<string, Task>();
  let ids: string[] = [];
  let wake: () => void = () => undefined;
  const offs = [
    api.on('tasks.changed', ({ tasks }) => tasks.forEach((task) => ids.includes(task.id) && printer.changed(task))),
    api.on('tasks.output', (batch) => ids.includes(batch.id) && printer.output(batch)),
    api.on('tasks.finished', ({ task }) => {
      finished.set(task.id, task);
      wake();
    }),
  ];
  let interrupted = false;
  const onSignal = (): void => {
    if (interrupted) process.exit(130);
    interrupted = true;
    process.stderr.write('Cancelling (Ctrl-C again to quit at once)…\n');
    for (const id of ids) void api.tasks.cancel({ id }).catch(() => undefined);
  };
  process.on('SIGINT', onSignal);
  try {
    const { tasks } = await api.tasks.ask({
      question,
      ...(options.repo ? { repoPath: resolve(options.repo) } : {}),
      mode: options.mode,
      ...(options.agent.length > 0 ? { agents: options.agent } : {}),
      context,
      ...(options.timeout ? { wallTimeoutSec: seconds(options.timeout, '--timeout') } : {}),
      ...(options.idleTimeout ? { idleTimeoutSec: seconds(options.idleTimeout, '--idle-timeout') } : {}),
    });
    ids = tasks.map((task) => task.id);
    tasks.forEach((task) => printer.changed(task));
    while (!ids.every((id) => finished.has(id))) await new Promise<void>((resolve) => (wake = resolve));
  } finally {
    process.off('SIGINT', onSignal);
    offs.forEach((off) => off());
  }

  const results = ids.map((id) => finished.get(id)!);
  const file = (task: Task) => (task.notePath ? join(root, ...task.notePath.split('/')) : undefined);
  for (const task of results) printer.finished(task, file(task));
  if (globals.json) console.log(JSON.stringify({ notebook: root, tasks: results.map((task) => ({ ...task, file: file(task) })) }, null, 2));
  else for (const task of results) if (file(task)) console.log(file(task));
  return { tasks: results, interrupted };
}

function seconds(value: string, flag: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new CliError(`${flag} takes a whole number of seconds, not ${value}`);
  return number;
}
