// Which OS sandbox an agent runs in on this machine, and the wrapping of its command in it: the
// one place the engine asks. The sandbox knows no agent: what an agent needs comes from its adapter.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { SandboxKind } from '../../../shared/model/task';
import type { AgentCommand, Env } from '../agents/agent-adapter';
import { findOnPath } from '../agents/detect';
import { bwrapArgs, bwrapTmpDir, probeBwrap } from './bwrap';
import { inContainer } from './container';
import { sandboxExecArgs } from './sandbox-exec';
import type { SandboxPolicy } from './sandbox-policy';

export type { SandboxKind };

/** How the person wants agents confined: `auto` uses the OS sandbox where there is one. */
export type SandboxSetting = 'auto' | 'require' | 'off';

export interface SandboxChoice {
  kind: SandboxKind;
  /** The executable that makes the sandbox (bwrap's path); absent for `none`. */
  executable?: string;
  /** Why there is none, in words, when kind is `none`. */
  reason?: string;
  /** The image a container run starts from (docker and podman). */
  image?: string;
}

/** The sandbox this machine offers: bwrap on Linux when it really runs, sandbox-exec on macOS, none elsewhere. */
export async function findSandbox(env: Env, platform: NodeJS.Platform = process.platform): Promise<SandboxChoice> {
  if (platform === 'linux') {
    const bwrap = await findOnPath('bwrap', env);
    if (!bwrap) return { kind: 'none', reason: 'bubblewrap (bwrap) is not installed; install it to sandbox agents.' };
    const probe = await probeBwrap(bwrap);
    return probe.ok ? { kind: 'bwrap', executable: bwrap } : { kind: 'none', reason: probe.reason };
  }
  if (platform === 'darwin' && (await findOnPath('/usr/bin/sandbox-exec', env))) return { kind: 'sandbox-exec', executable: '/usr/bin/sandbox-exec' };
  return { kind: 'none', reason: `Fieldnotes has no sandbox for agents on ${platform}; the run relies on the agent's own flags.` };
}

/** Where a bare command name is found on the run's PATH (the sandbox must keep that folder visible). */
function onPath(command: string, env: Env): string {
  if (path.isAbsolute(command) || command.includes('/')) return command;
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, command))) return path.join(dir, command);
  }
  return command;
}

/** The command as it runs in the sandbox: same cwd and paths, TMPDIR its own. */
export function confine(command: AgentCommand, policy: SandboxPolicy, choice: SandboxChoice): AgentCommand {
  if (choice.kind === 'sandbox-exec' && choice.executable) {
    return { ...command, command: choice.executable, args: [...sandboxExecArgs(policy), command.command, ...command.args],
      ...(policy.tmpDir ? { env: { ...command.env, TMPDIR: policy.tmpDir } } : {}) };
  }
  if ((choice.kind === 'docker' || choice.kind === 'podman') && choice.image) {
    const confined = inContainer(command, policy, { engine: choice.kind, image: choice.image, user: { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 } });
    return { ...confined, command: choice.executable ?? confined.command };
  }
  if (choice.kind !== 'bwrap' || !choice.executable) return command;
  return {
    // The files the agent needs (Gemini's per-run settings) are written outside, before it starts.
    ...command,
    command: choice.executable,
    // The program, the scripts its command line names, and Node itself stay visible under the private /tmp.
    args: [...bwrapArgs(policy, [onPath(command.command, command.env), ...command.args, process.execPath, ...(policy.programs ?? [])]), command.command, ...command.args],
    env: { ...command.env, TMPDIR: bwrapTmpDir(policy) },
  };
}

/** The sandbox in words, for the permission summary and the note. */
export function describeSandbox(choice: SandboxChoice, mode: 'explain' | 'poc'): string {
  if (choice.kind === 'none') return `No OS sandbox: ${choice.reason ?? 'the run relies on the agent’s own flags.'}`;
  const writes = mode === 'poc' ? 'only the scratch checkout and the agent’s own state folders' : 'only the agent’s own state folders';
  if (choice.kind === 'docker' || choice.kind === 'podman') {
    const engine = choice.kind === 'docker' ? 'Docker' : 'Podman';
    return `Container (${engine}, image ${choice.image ?? '?'}): the codebase and your home folder are mounted read-only and the agent’s install read-only; it may write ${writes}, and /tmp is its own. Network: on (the host’s, it needs its model).`;
  }
  return `OS sandbox (${choice.kind}): the whole disk is read-only to the agent; it may write ${writes}, and /tmp is its own. Network: on (it needs its model).`;
}
