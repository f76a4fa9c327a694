// Docker or Podman: the `run` command line that puts an agent in a container under a SandboxPolicy.
// The image must have the agent installed; the paths keep their names inside, so the agent's
// tool calls name the same files as outside.
import type { AgentCommand } from '../agents/agent-adapter';
import type { SandboxPolicy } from './sandbox-policy';

export interface ContainerOptions {
  engine: 'docker' | 'podman';
  /** The image the agent runs in, e.g. `ghcr.io/acme/agents:1`. */
  image: string;
  /** Who the agent runs as inside, so that what it writes in the scratch checkout is the user's. */
  user: { uid: number; gid: number };
}

/**
 * A read-only root filesystem and a private /tmp; the cwd (and the other readable folders) mounted
 * read-only, the writable folders read-write (in poc the scratch checkout among them). The host's
 * network, as the agent has outside (its model may be on 127.0.0.1). Environment variables are
 * passed by name (`-e NAME`): their values come from the client's environment, never the argv, so
 * no secret shows in the process list.
 */
export function containerArgs(command: AgentCommand, policy: SandboxPolicy, options: ContainerOptions): string[] {
  const writable = new Set(policy.writable);
  const mounts = [
    ...policy.readable.filter((dir) => !writable.has(dir)).map((dir) => `${dir}:${dir}:ro`),
    ...policy.writable.map((dir) => `${dir}:${dir}:rw`),
  ].flatMap((volume) => ['--volume', volume]);
  const env = Object.keys(command.env).filter((name) => command.env[name] !== undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)).sort()
    .flatMap((name) => ['--env', name]);
  return [
    'run', '--rm', '--interactive', '--init', '--read-only', '--tmpfs', '/tmp', '--network', 'host',
    '--user', `${options.user.uid}:${options.user.gid}`, '--workdir', policy.cwd,
    ...mounts, ...env, '--env', 'TMPDIR=/tmp',
    options.image, command.command, ...command.args,
  ];
}

/** The command as the container engine runs it: the client gets the environment the `-e` names read. */
export function inContainer(command: AgentCommand, policy: SandboxPolicy, options: ContainerOptions): AgentCommand {
  return { command: options.engine, args: containerArgs(command, policy, options), cwd: command.cwd, env: command.env, stdin: command.stdin };
}
