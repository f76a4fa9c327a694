// Which agents this machine has: the adapters (with the custom command from the settings), each
// one's detection (executable, version, or why it is missing) and whether its sandbox runs here,
// remembered until asked to look again.
import type { AgentInfo } from '../../../shared/contract/tasks';
import { ApiError } from '../../../shared/contract/errors';
import type { TaskSettings } from '../../../shared/contract/settings';
import type { AgentAdapter, Detection, Env } from './agent-adapter';
import { CUSTOM_AGENT_ID } from './custom-command';
import { createAgentRegistry, type AgentRegistry } from './registry';
import { sandboxSettingsOf, type MachineSandbox } from '../sandbox/run-sandbox';
import type { CloudAgents } from './cloud/cloud-agents';

export interface InstalledAgent {
  adapter: AgentAdapter;
  detection: Detection;
  /** Whether the agent's OS sandbox runs on this machine (false when it has none). */
  sandboxed: boolean;
}

export class InstalledAgents {
  private readonly detections = new Map<string, { key: string; detection: Promise<Detection> }>();
  private readonly sandboxes = new Map<string, { key: string; available: Promise<boolean> }>();

  constructor(
    private readonly options: {
      /** The environment agents run in (PATH decides what is installed). */
      env: () => Env;
      settings: () => TaskSettings;
      /** Settles once `env` is complete (the desktop app reads the login shell's PATH); agents are looked for after. */
      envReady?: Promise<unknown>;
      /** Agents beyond the built-in ones (tests register throwaway adapters). */
      extra?: readonly AgentAdapter[];
      /** The OS sandbox every agent runs in: its words join each mode's permissions. */
      machineSandbox?: MachineSandbox;
      /** The cloud agents, listed after the local ones. */
      cloud?: CloudAgents;
    },
  ) {}

  /** The cloud agents, when the engine has them. */
  get cloud(): CloudAgents | undefined {
    return this.options.cloud;
  }

  /** The adapters as the settings configure them now. */
  registry(): AgentRegistry {
    const custom = this.options.settings().customCommand;
    return createAgentRegistry({
      custom: custom ? { id: CUSTOM_AGENT_ID, ...(custom.label ? { label: custom.label } : {}), argv: custom.argv } : null,
      ...(this.options.extra ? { extra: this.options.extra } : {}),
    });
  }

  /** Every known agent with its facts and detection; `refresh` looks again instead of using what it found before. */
  async list(refresh = false): Promise<AgentInfo[]> {
    await this.options.envReady;
    const setting = sandboxSettingsOf(this.options.settings());
    const machine = this.options.machineSandbox;
    if (refresh) machine?.refresh();
    const [explain, poc] = machine ? await Promise.all([machine.describe('explain', setting), machine.describe('poc', setting)]) : [];
    const [local, cloud] = await Promise.all([
      Promise.all(this.registry().list().map(async (adapter) => {
        const [detection, sandboxed] = await Promise.all([this.detect(adapter, refresh), this.sandboxed(adapter, refresh)]);
        const info = agentInfo(adapter, detection, sandboxed);
        if (explain !== undefined) info.modes.explain.osSandbox = explain;
        if (poc !== undefined) info.modes.poc.osSandbox = poc;
        return info;
      })),
      this.options.cloud?.info() ?? [],
    ]);
    return [...local, ...cloud];
  }

  /**
   * The adapter and detection of an agent a task is about to use. An agent not found before is
   * looked for again (it may have been installed since). Errors say how to install or configure it.
   */
  async require(id: string): Promise<InstalledAgent> {
    await this.options.envReady;
    const adapter = this.registry().get(id);
    if (!adapter) {
      const known = this.registry().list().map((a) => a.id).join(', ');
      throw new ApiError('BAD_INPUT', `There is no agent “${id}”. Known agents: ${known}.`);
    }
    let detection = await this.detect(adapter, false);
    if (!detection.available) detection = await this.detect(adapter, true);
    if (!detection.available) {
      const reason = detection.reason ?? `${adapter.label} is not available.`;
      const hint = detection.installHint ?? adapter.installHint;
      // A CLI is installed or pointed at; a command line is set up in Settings, as its hint says.
      const fix = adapter.command === undefined ? hint : `Install it with \`${hint}\`, or set its executable in Settings.`;
      throw new ApiError('UNAVAILABLE', `${reason} ${fix}`.trim());
    }
    return { adapter, detection, sandboxed: await this.sandboxed(adapter, false) };
  }

  private detect(adapter: AgentAdapter, refresh: boolean): Promise<Detection> {
    const settings = this.options.settings();
    const env = this.options.env();
    const path = adapter.command === undefined ? undefined : settings.agentPaths[adapter.id];
    // A different PATH, executable path or command line is a different agent to look for.
    const key = JSON.stringify([path, env.PATH, adapter.id === CUSTOM_AGENT_ID ? settings.customCommand?.argv : undefined]);
    const cached = this.detections.get(adapter.id);
    if (!refresh && cached?.key === key) return cached.detection;
    const detection = adapter.detect({ ...(path ? { path } : {}), env }).catch(
      (error: unknown): Detection => ({ available: false, reason: `Could not look for ${adapter.label}: ${String(error)}` }),
    );
    this.detections.set(adapter.id, { key, detection });
    return detection;
  }

  private sandboxed(adapter: AgentAdapter, refresh: boolean): Promise<boolean> {
    const sandbox = adapter.capabilities.sandbox;
    if (!sandbox) return Promise.resolve(false);
    const env = this.options.env();
    const key = env.PATH ?? '';
    const cached = this.sandboxes.get(adapter.id);
    if (!refresh && cached?.key === key) return cached.available;
    const available = sandbox.available(env).catch(() => false);
    this.sandboxes.set(adapter.id, { key, available });
    return available;
  }
}

function agentInfo(adapter: AgentAdapter, detection: Detection, sandboxed: boolean): AgentInfo {
  const { capabilities } = adapter;
  return {
    id: adapter.id,
    label: adapter.label,
    available: detection.available,
    ...(detection.version ? { version: detection.version } : {}),
    ...(detection.path ? { path: detection.path } : {}),
    ...(detection.reason ? { reason: detection.reason } : {}),
    installHint: detection.installHint ?? adapter.installHint,
    ...(adapter.command ? { command: adapter.command } : {}),
    resume: capabilities.resume,
    modes: {
      explain: { permissions: capabilities.modes.explain.summary },
      poc: { permissions: capabilities.modes.poc.summary },
    },
    ...(capabilities.sandbox ? { sandbox: { needs: capabilities.sandbox.needs, available: sandboxed } } : {}),
    ...(adapter.reach ? { reach: { ...adapter.reach } } : {}),
    ...(adapter.mcpRegistration && adapter.command
      ? { mcpAdd: [adapter.command, ...adapter.mcpRegistration.add({ name: 'fieldnotes', command: 'fieldnotes', args: ['mcp'] }, adapter.mcpRegistration.scopes[0]!)].join(' ') }
      : {}),
  };
}
