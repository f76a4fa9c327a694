// The sandbox of each task's run: the machine's (looked for once), the person's settings, and the
// policy of that run, turned into the `confine` step before spawn or a refusal in words.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ContainerEngine, ContainerSetting, MachineSandboxes, TaskSettings } from '../../../shared/contract/settings';
import type { AgentCommand, AgentMode, Env } from '../agents/agent-adapter';
import { probeContainerEngine, type EngineProbe } from './container-engine';
import { confine, describeSandbox, findSandbox, type SandboxChoice, type SandboxKind, type SandboxSetting } from './sandbox';
import { planPolicy, type PolicyInput } from './sandbox-policy';

/** What the settings say of the sandbox: `auto` when `setting` is absent, the OS sandbox when `container` is. */
export interface SandboxSettings {
  setting: SandboxSetting;
  container?: ContainerSetting | null;
}

/** The sandbox settings of the task settings. */
export function sandboxSettingsOf(tasks: Pick<TaskSettings, 'sandbox' | 'container'>): SandboxSettings {
  return { setting: tasks.sandbox ?? 'auto', container: tasks.container ?? null };
}

/** A run's policy input (sandbox-policy.ts) and the person's settings. */
export interface RunSandboxInput extends PolicyInput, SandboxSettings {}

export type RunSandbox =
  | { ok: true; kind: SandboxKind; words: string; confine?: (command: AgentCommand) => AgentCommand }
  | { ok: false; error: string };

export interface MachineSandboxOptions {
  /** The platform the OS sandbox is looked for on (this one's; tests simulate one without a sandbox). */
  platform?: NodeJS.Platform;
}

const FIX_REQUIRE = 'To run agents here anyway, set “Sandbox” to Auto or Off in Settings (the run then relies on the agent’s own flags), '
  + 'or run agents in Docker or Podman there if one is installed.';

export class MachineSandbox {
  private found: Promise<SandboxChoice> | undefined;
  private readonly engines = new Map<ContainerEngine, Promise<EngineProbe>>();

  constructor(private readonly env: () => Env, private readonly options: MachineSandboxOptions = {}) {}

  /** The OS sandbox this machine offers, tried once (bubblewrap is run to see that it works). */
  choice(): Promise<SandboxChoice> {
    this.found ??= findSandbox(this.env(), this.options.platform);
    return this.found;
  }

  /** Whether a container engine runs here; asked again after `refresh`, or when it did not run before. */
  engine(engine: ContainerEngine): Promise<EngineProbe> {
    const cached = this.engines.get(engine);
    if (cached) return cached;
    const probe = probeContainerEngine(engine, this.env());
    this.engines.set(engine, probe);
    // An engine that did not run may be started later: it is asked again next time.
    void probe.then((result) => {
      if (!result.available && this.engines.get(engine) === probe) this.engines.delete(engine);
    });
    return probe;
  }

  /** Looks for the engines again (one was installed or started). */
  refresh(): void {
    this.engines.clear();
  }

  /** Every sandbox this machine has, for the choice in Settings. */
  async offers(): Promise<MachineSandboxes> {
    const [os, docker, podman] = await Promise.all([this.choice(), this.engine('docker'), this.engine('podman')]);
    const offer = ({ available, reason }: EngineProbe) => ({ available, ...(reason ? { reason } : {}) });
    return {
      os: { kind: os.kind === 'bwrap' || os.kind === 'sandbox-exec' ? os.kind : 'none', available: os.kind !== 'none', ...(os.reason ? { reason: os.reason } : {}) },
      docker: offer(docker),
      podman: offer(podman),
    };
  }

  /** What a run in `mode` will be held to, in words, before it is asked (the composer's summary). */
  async describe(mode: AgentMode, settings: SandboxSettings): Promise<string> {
    const planned = await this.plan(mode, settings);
    return planned.ok ? planned.words : planned.error;
  }

  async forRun(input: RunSandboxInput): Promise<RunSandbox> {
    const planned = await this.plan(input.mode, input);
    if (!planned.ok || planned.kind === 'none') return planned;
    const choice = planned.choice;
    let policy = await planPolicy(input);
    // Seatbelt has no private /tmp: the run gets a fresh TMPDIR of its own, the only temp folder it may write.
    if (choice.kind === 'sandbox-exec') policy = { ...policy, tmpDir: await mkdtemp(path.join(tmpdir(), 'fieldnotes-run-')) };
    return { ok: true, kind: planned.kind, words: planned.words, confine: (command) => confine(command, policy, choice) };
  }

  private async plan(mode: AgentMode, { setting, container }: SandboxSettings): Promise<(RunSandbox & { ok: false }) | { ok: true; kind: SandboxKind; words: string; choice: SandboxChoice }> {
    if (setting === 'off') {
      return { ok: true, kind: 'none', choice: { kind: 'none' }, words: 'No OS sandbox: it is turned off in Settings, so the run relies on the agent’s own flags.' };
    }
    if (container) {
      const probe = await this.engine(container.engine);
      // The person chose a container: without one the run does not quietly fall back to less.
      if (!probe.available) return { ok: false, error: `Settings run agents in a container, and ${probe.reason ?? `${container.engine} cannot run here.`}` };
      const choice: SandboxChoice = { kind: container.engine, image: container.image, ...(probe.executable ? { executable: probe.executable } : {}) };
      return { ok: true, kind: choice.kind, choice, words: describeSandbox(choice, mode) };
    }
    const choice = await this.choice();
    if (choice.kind === 'none' && setting === 'require') {
      return { ok: false, error: `Settings require a sandbox, and this machine has none: ${choice.reason ?? 'no sandbox was found.'} ${FIX_REQUIRE}` };
    }
    return { ok: true, kind: choice.kind, choice, words: describeSandbox(choice, mode) };
  }
}
