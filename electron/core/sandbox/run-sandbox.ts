// The sandbox of each task's run: the machine's (looked for once), the person's setting, and the
// policy of that run, turned into the `confine` step before spawn or a refusal in words.
import type { AgentAdapter, AgentCommand, AgentMode, Env } from '../agents/agent-adapter';
import { confine, describeSandbox, findSandbox, type SandboxChoice, type SandboxKind, type SandboxSetting } from './sandbox';
import { planPolicy } from './sandbox-policy';

export interface RunSandboxInput {
  adapter: AgentAdapter;
  mode: AgentMode;
  cwd: string;
  env: Env;
  repoRoot?: string;
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

  async forRun(input: RunSandboxInput): Promise<RunSandbox> {
    if (input.setting === 'off') {
      return { ok: true, kind: 'none', words: 'No OS sandbox: it is turned off in Settings, so the run relies on the agent’s own flags.' };
    }
    const choice = await this.choice();
    if (choice.kind === 'none') {
      if (input.setting === 'require') {
        return { ok: false, error: `Settings require a sandbox, and this machine has none: ${choice.reason ?? 'no sandbox was found.'}` };
      }
      return { ok: true, kind: 'none', words: describeSandbox(choice, input.mode) };
    }
    const policy = await planPolicy(input);
    return { ok: true, kind: choice.kind, words: describeSandbox(choice, input.mode), confine: (command) => confine(command, policy, choice) };
  }
}
