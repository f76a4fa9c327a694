// The sandbox of each task's run: the machine's (looked for once), the person's setting, and the
// policy of that run, turned into the `confine` step before spawn or a refusal in words.
import type { AgentCommand, AgentMode, Env } from '../agents/agent-adapter';
import { confine, describeSandbox, findSandbox, type SandboxChoice, type SandboxKind, type SandboxSetting } from './sandbox';
import { planPolicy, type PolicyInput } from './sandbox-policy';

/** A run's policy input (sandbox-policy.ts) and the person's setting. */
export interface RunSandboxInput extends PolicyInput {
  setting: SandboxSetting;
}

export type RunSandbox =
  | { ok: true; kind: SandboxKind; words: string; confine?: (command: AgentCommand) => AgentCommand }
  | { ok: false; error: string };

export class MachineSandbox {
  private found: Promise<SandboxChoice> | undefined;

  constructor(private readonly env: () => Env) {}

  /** The sandbox this machine offers, tried once (bubblewrap is run to see that it works). */
  choice(): Promise<SandboxChoice> {
    this.found ??= findSandbox(this.env());
    return this.found;
  }

  /** What a run in `mode` will be held to, in words, before it is asked (the composer's summary). */
  async describe(mode: AgentMode, setting: SandboxSetting): Promise<string> {
    const planned = await this.plan(mode, setting);
    return planned.ok ? planned.words : planned.error;
  }

  async forRun(input: RunSandboxInput): Promise<RunSandbox> {
    const planned = await this.plan(input.mode, input.setting);
    if (!planned.ok || planned.kind === 'none') return planned;
    const choice = await this.choice();
    const policy = await planPolicy(input);
    return { ...planned, confine: (command) => confine(command, policy, choice) };
  }

  private async plan(mode: AgentMode, setting: SandboxSetting): Promise<RunSandbox> {
    if (setting === 'off') {
      return { ok: true, kind: 'none', words: 'No OS sandbox: it is turned off in Settings, so the run relies on the agent’s own flags.' };
    }
    const choice = await this.choice();
    if (choice.kind === 'none' && setting === 'require') {
      return { ok: false, error: `Settings require a sandbox, and this machine has none: ${choice.reason ?? 'no sandbox was found.'}` };
    }
    return { ok: true, kind: choice.kind, words: describeSandbox(choice, mode) };
  }
}
