// What the sandbox tests share: the sandbox this machine offers (decided at run time, with the
// reason printed when there is none), a run wrapped in it, and probes of where writes landed.
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import type { AgentAdapter, AgentCommand, AgentMode, Env } from '../../electron/core/agents/agent-adapter';
import { confine, findSandbox, type SandboxChoice } from '../../electron/core/sandbox/sandbox';
import { planPolicy } from '../../electron/core/sandbox/sandbox-policy';

/** The sandbox of this machine; `kind: 'none'` (with its reason) makes the sandbox tests skip. */
export const machineSandbox: SandboxChoice = await findSandbox(process.env);
if (machineSandbox.kind === 'none') console.warn(`Sandbox tests skipped: ${machineSandbox.reason}`);
export const noSandbox = machineSandbox.kind === 'none';

/** The `confine` option of a run of `adapter` in `cwd`, as the task engine builds it. */
export async function sandboxFor(adapter: AgentAdapter, mode: AgentMode, cwd: string, env: Env, repoRoot?: string):
Promise<(command: AgentCommand) => AgentCommand> {
  const policy = await planPolicy({ adapter, mode, cwd, env, ...(repoRoot ? { repoRoot } : {}) });
  return (command) => confine(command, policy, machineSandbox);
}

/** A path in the machine's own /tmp that no test uses otherwise: a write there escaped the sandbox. */
export function hostTmpProbe(): string {
  return `/tmp/fieldnotes-sandbox-probe-${randomUUID()}`;
}

/** The entries of a folder, for "nothing new appeared here". */
export function entries(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}
