// The agents.*, repos.*, tasks.*, scratch.* and settings.* methods of the contract.
import { stat } from 'node:fs/promises';
import { ApiError } from '../../../shared/contract/errors';
import type { ApiHandlers, MethodName } from '../../../shared/contract';
import type { TaskSettings } from '../../../shared/contract/settings';
import { isUlid } from '../../../shared/model/ulid';
import type { InstalledAgents } from '../agents/installed-agents';
import type { NativePorts } from '../ports/native-ports';
import type { Notebook } from '../notebook/notebook';
import { notebookRepos } from '../repos/notebook-repos';
import { repoInfo, type RepoRegistry } from '../repos/repo-registry';
import type { MachineSandbox } from '../sandbox/run-sandbox';
import type { SettingsStore } from '../settings';
import { discardScratchCheckout, listScratchCheckouts } from './scratch-checkout';
import type { TaskEngine } from './task-engine';
import { scratchDirOf } from './task-workspace';

type Namespace = 'agents' | 'repos' | 'tasks' | 'scratch' | 'settings';
type HandlersIn<NS extends string> = Pick<ApiHandlers, Extract<MethodName, `${NS}.${string}`>>;

export interface TasksApiDeps {
  engine: TaskEngine;
  agents: InstalledAgents;
  repos: RepoRegistry;
  settings: SettingsStore;
  scratchRoot: string;
  /** Shows a scratch checkout in the file manager. */
  ports: Pick<NativePorts, 'openPath'>;
  /** The sandboxes this machine has, beside the settings that choose among them. */
  machineSandbox: MachineSandbox;
  /** The open notebook, whose notes name codebases; null when none is open. */
  notebook: () => Notebook | null;
  log: (message: string) => void;
  /** Told after the settings changed, for the parts that follow them outside the tasks (session capture). */
  onSettingsChanged?: () => Promise<void> | undefined;
}

export function tasksHandlers({ engine, agents, repos, settings, scratchRoot, ports, machineSandbox, notebook, log, onSettingsChanged }: TasksApiDeps): HandlersIn<Namespace> {
  const checkoutDir = (name: string): string => {
    if (!/^[\w.-]{1,80}$/.test(name) || name.startsWith('.')) {
      throw new ApiError('BAD_INPUT', `“${name}” is not the name of a scratch checkout; scratch.list gives their names.`);
    }
    return scratchDirOf(scratchRoot, name);
  };
  return {
    'agents.list': async ({ refresh }) => ({ agents: await agents.list(refresh) }),
    'agents.setCredential': async ({ agent, credential }) => {
      if (!agents.cloud) throw new ApiError('UNAVAILABLE', 'There are no cloud agents here.');
      return agents.cloud.setCredential(agent, credential);
    },

    'repos.recent': async () => {
      const recent = await repos.recent();
      const open = notebook();
      const named = open ? await notebookRepos(open, log) : [];
      return { repos: recent, inNotebook: await repos.inNotebook(named, new Set(recent.map((repo) => repo.path))) };
    },
    'repos.add': async ({ path }) => repoInfo(await repos.add(path)),
    'repos.chooseFolder': () => repos.chooseFolder(),

    'tasks.ask': async (input) => ({ tasks: await engine.ask(input) }),
    'tasks.list': async () => ({ tasks: engine.list() }),
    'tasks.get': ({ id, maxEvents, maxTextChars }) => engine.get(id, maxEvents, maxTextChars),
    'tasks.cancel': ({ id }) => engine.cancel(id),
    'tasks.retry': ({ id, agent }) => engine.retry(id, agent),
    'tasks.followUp': ({ noteId, question, agent }) => engine.followUp(noteId, question, agent),
    'tasks.refresh': ({ noteId, agent }) => engine.refresh(noteId, agent),
    'tasks.planFollowUp': ({ noteId, agent }) => engine.planFollowUp(noteId, agent),

    'scratch.list': async () => ({
      checkouts: (await listScratchCheckouts(scratchRoot)).map((checkout) => ({
        ...checkout,
        ...(isUlid(checkout.name) ? { taskId: checkout.name } : {}),
      })),
    }),
    'scratch.discard': async ({ name }) => {
      const dir = checkoutDir(name);
      if (engine.isUsing(dir)) throw new ApiError('CONFLICT', 'A task is working in that checkout. Cancel the task first, or wait for it to end.');
      const existed = (await stat(dir).catch(() => null))?.isDirectory() === true;
      await discardScratchCheckout(scratchRoot, name);
      return { discarded: existed };
    },
    'scratch.reveal': async ({ name }) => {
      const dir = checkoutDir(name);
      if (!(await stat(dir).catch(() => null))?.isDirectory()) throw new ApiError('NOT_FOUND', `There is no scratch checkout ${name} any more.`);
      await ports.openPath(dir);
      return { path: dir };
    },

    'settings.get': async () => ({ tasks: settings.get().tasks, editor: settings.get().editor, sync: settings.get().sync, sandboxes: await machineSandbox.offers() }),
    'settings.update': async ({ tasks, editor, sync }) => {
      checkAgentIds(tasks, agents);
      if (editor) await settings.setEditor(editor);
      let saved = await settings.updateTasks(tasks);
      if (sync) saved = await settings.updateSync(sync);
      engine.applySettings();
      await onSettingsChanged?.();
      return { tasks: saved.tasks, editor: saved.editor, sync: saved.sync, sandboxes: await machineSandbox.offers() };
    },
  };
}

/** Agent ids in settings must be agents the registry knows; an executable path, one with a command. */
function checkAgentIds(tasks: Partial<TaskSettings>, agents: InstalledAgents): void {
  const adapters = agents.registry().list();
  const cloud = agents.cloud?.list() ?? [];
  const known = [...adapters.map((adapter) => adapter.id), ...cloud.map((agent) => agent.id)];
  const unknown = tasks.defaultAgents?.find((id) => !known.includes(id));
  if (unknown !== undefined) throw new ApiError('BAD_INPUT', `There is no agent “${unknown}”. Known agents: ${known.join(', ')}.`);
  const withCommand = [...adapters.filter((adapter) => adapter.command !== undefined).map((adapter) => adapter.id),
    ...cloud.filter((agent) => agent.command !== undefined).map((agent) => agent.id)];
  const stray = Object.keys(tasks.agentPaths ?? {}).find((id) => !withCommand.includes(id));
  if (stray !== undefined) {
    throw new ApiError('BAD_INPUT', `“${stray}” is not an agent whose executable can be set. Agents with an executable: ${withCommand.join(', ')}.`);
  }
}
