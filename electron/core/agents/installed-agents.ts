// Which agents this machine has: the adapters (with the custom command from the settings), each
// one's detection (executable, version, or why it is missing), remembered until asked to look again.
import type { AgentInfo } from '../../../shared/contract/tasks';
import { ApiError } from '../../../shared/contract/errors';
import type { TaskSettings } from '../../../shared/contract/settings';
import type { AgentAdapter, Detection, Env } from './agent-adapter';
import { createAgentRegistry, type AgentRegistry } from './registry';

/** The custom command agent's id in notes and in the API. */
export const CUSTOM_AGENT_ID = 'custom';

export interface InstalledAgent {
  adapter: AgentAdapter;
  detection: Detection;
}

export class InstalledAgents {
  private readonly detections = new Map<string, { key: string; detection: Promise<Detection> }>();

  constructor(
    private readonly options: {
      /** The environment agents run in (PATH decides what is installed). */
      env: () => Env;
      settings: () => TaskSettings;
      /** Settles once `env` is complete (the desktop app reads the login shell's PATH); agents are looked for after. */
      envReady?: Promise<unknown>;
    },
  ) {}

  /** The adapters as the settings configure them now. */
  registry(): AgentRegistry {
    const custom = this.options.settings().customCommand;
    return createAgentRegistry(custom ? { custom: { id: CUSTOM_AGENT_ID, label: custom.label, argv: custom.argv } } : {});
  }

  /** Every known agent with its detection; `refresh` looks again instead of using what it found before. */
  async list(refresh = false): Promise<AgentInfo[]> {
    await this.options.envReady;
    const adapters = this.registry().list();
    const infos = await Promise.all(adapters.map(async (adapter) => agentInfo(adapter, await this.detect(adapter, refresh))));
    if (!this.options.settings().customCommand) {
      infos.push({
        id: CUSTOM_AGENT_ID,
        label: 'Custom command',
        available: false,
        reason: 'No custom command is configured.',
        installHint: 'Set a command line in Settings (any program that reads the prompt on stdin and writes Markdown).',
      });
    }
    return infos;
  }

  /**
   * The adapter and detection of an agent a task is about to use. An agent not found before is
   * looked for again (it may have been installed since). Errors say how to install or configure it.
   */
  async require(id: string): Promise<InstalledAgent> {
    await this.options.envReady;
    const adapter = this.registry().get(id);
    if (!adapter) {
      if (id === CUSTOM_AGENT_ID) {
        throw new ApiError('UNAVAILABLE', 'No custom command is configured. Set its command line in Settings first.');
      }
      const known = [...this.registry().list().map((a) => a.id)].join(', ');
      throw new ApiError('BAD_INPUT', `There is no agent “${id}”. Known agents: ${known}.`);
    }
    let detection = await this.detect(adapter, false);
    if (!detection.available) detection = await this.detect(adapter, true);
    if (!detection.available) {
      const reason = detection.reason ?? `${adapter.label} is not available.`;
      const fix = adapter.id === CUSTOM_AGENT_ID
        ? (detection.installHint ?? '')
        : `Install it${detection.installHint ? ` with \`${detection.installHint}\`` : ''}, or set its executable in Settings.`;
      throw new ApiError('UNAVAILABLE', `${reason} ${fix}`.trim());
    }
    return { adapter, detection };
  }

  private detect(adapter: AgentAdapter, refresh: boolean): Promise<Detection> {
    const settings = this.options.settings();
    const env = this.options.env();
    const path = adapter.id === CUSTOM_AGENT_ID ? undefined : settings.agentPaths[adapter.id as keyof TaskSettings['agentPaths']];
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
}

function agentInfo(adapter: AgentAdapter, detection: Detection): AgentInfo {
  return {
    id: adapter.id,
    label: adapter.label,
    available: detection.available,
    ...(detection.version ? { version: detection.version } : {}),
    ...(detection.path ? { path: detection.path } : {}),
    ...(detection.reason ? { reason: detection.reason } : {}),
    ...(detection.installHint ? { installHint: detection.installHint } : {}),
  };
}
