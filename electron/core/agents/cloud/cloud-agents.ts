// The cloud agents Fieldnotes knows, with what each needs here: its credential (from the
// environment, a CLI's sign-in or Settings), its settings (base URL, Codex Cloud's environment),
// and its facts for agents.list: that the question and the code leave the machine, and where to.
import type { AgentInfo } from '../../../../shared/contract/tasks';
import type { TaskSettings } from '../../../../shared/contract/settings';
import { ApiError } from '../../../../shared/contract/errors';
import type { Env } from '../agent-adapter';
import { createRedactor, type Redactor } from '../secret-redactor';
import type { CloudAgent, CloudContext } from './cloud-agent';
import { findCredential } from './credentials';
import { codexCloud } from './codex-cloud';
import { copilot } from './copilot';
import { jules } from './jules';
import type { SecretStore } from './secret-store';

/** The cloud agents, in the order the app lists them (after the local ones). */
export const CLOUD_AGENTS: readonly CloudAgent[] = [codexCloud, jules, copilot];

export class CloudAgents {
  constructor(
    private readonly options: {
      env: () => Env;
      settings: () => TaskSettings;
      store?: SecretStore;
      /** Cloud agents beyond the built-in ones (tests). */
      extra?: readonly CloudAgent[];
    },
  ) {}

  list(): readonly CloudAgent[] {
    return [...CLOUD_AGENTS, ...(this.options.extra ?? [])];
  }

  get(id: string): CloudAgent | undefined {
    return this.list().find((agent) => agent.id === id);
  }

  isCloud(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** Keeps (or with null, forgets) a credential entered in Settings; says whether the agent can be used now. */
  async setCredential(id: string, credential: string | null): Promise<{ agent: string; stored: boolean; available: boolean }> {
    const agent = this.get(id);
    if (!agent) throw new ApiError('BAD_INPUT', `There is no cloud agent “${id}”. Cloud agents: ${this.list().map((a) => a.id).join(', ')}.`);
    if (!agent.credentials?.stored) throw new ApiError('BAD_INPUT', `${agent.label} keeps its own sign-in: ${agent.signIn}`);
    const store = this.options.store;
    if (!store) throw new ApiError('UNAVAILABLE', 'This Fieldnotes keeps no credentials; set the environment variable instead.');
    await store.set(agent.id, credential);
    const context = await this.context(agent);
    return { agent: agent.id, stored: credential !== null, available: context.credential !== undefined };
  }

  /** What a call to the agent's service needs now: the credential (looked up again each time) and the settings. */
  async context(agent: CloudAgent): Promise<CloudContext> {
    const env = this.options.env();
    const cloud = this.options.settings().cloud ?? {};
    const credential = await findCredential(agent, env, this.options.store);
    const baseUrl = agent.baseUrlSetting ? cloud[agent.baseUrlSetting] : undefined;
    const executable = this.options.settings().agentPaths[agent.id];
    return {
      env,
      credential: credential?.value,
      ...(baseUrl ? { baseUrl } : {}),
      ...(cloud.codexEnvironment ? { environment: cloud.codexEnvironment } : {}),
      ...(executable ? { executable } : {}),
    };
  }

  /** Replaces the environment's secrets and the agent's credential wherever they show up. */
  async redactor(agent: CloudAgent): Promise<Redactor> {
    const { credential } = await this.context(agent);
    return createRedactor({ ...this.options.env(), ...(credential ? { FIELDNOTES_CLOUD_CREDENTIAL: credential } : {}) });
  }

  /** The agent, once it is signed in and set up here; otherwise an error saying how to. */
  async require(id: string): Promise<{ agent: CloudAgent; version?: string }> {
    const agent = this.get(id);
    if (!agent) throw new ApiError('BAD_INPUT', `There is no cloud agent “${id}”.`);
    const context = await this.context(agent);
    if (agent.credentials && !context.credential) {
      throw new ApiError('UNAVAILABLE', `${agent.label} is not signed in. ${agent.signIn}`);
    }
    const ready = agent.ready ? await agent.ready(context) : { ok: true as const };
    if (!ready.ok) throw new ApiError('UNAVAILABLE', ready.reason);
    return { agent, ...(ready.version ? { version: ready.version } : {}) };
  }

  /** agents.list's rows for the cloud agents. */
  async info(): Promise<AgentInfo[]> {
    return Promise.all(this.list().map(async (agent): Promise<AgentInfo> => {
      const context = await this.context(agent);
      const ready = agent.credentials && !context.credential
        ? { ok: false as const, reason: `${agent.label} is not signed in.` }
        : agent.ready ? await agent.ready(context).catch((error: unknown) => ({ ok: false as const, reason: String(error) })) : { ok: true as const };
      const where = `Runs at ${agent.service}, on the repository's GitHub branch as pushed; the question and the code leave this machine.`;
      return {
        id: agent.id,
        label: agent.label,
        available: ready.ok,
        ...(ready.ok && 'version' in ready && ready.version ? { version: ready.version } : {}),
        ...(!ready.ok ? { reason: ready.reason } : {}),
        installHint: agent.signIn,
        resume: false,
        modes: { explain: { permissions: where }, poc: { permissions: `${where} It may change code and open a pull request.` } },
        cloud: { service: agent.service, signIn: agent.signIn, ...(agent.credentials?.stored ? { credential: agent.credentials.name } : {}) },
      };
    }));
  }
}
