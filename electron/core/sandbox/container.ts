// Docker or Podman: the `run` command line that puts an agent in a container under a SandboxPolicy.
// The image gives the runtime (Node for the agent CLIs); the agent's own install is mounted
// read-only from this machine. The paths keep their names inside, so the agent's tool calls name
// the same files as outside.
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { ContainerEngine } from '../../../shared/contract/settings';
import type { AgentCommand, Env } from '../agents/agent-adapter';
import { isInside, type SandboxPolicy } from './sandbox-policy';

export interface ContainerOptions {
  engine: ContainerEngine;
  /** The image the agent runs in, e.g. `node:20`. */
  image: string;
  /** Who the agent runs as inside, so that what it writes in the scratch checkout is the user's. */
  user: { uid: number; gid: number };
}

/** Folders the image has its own of: a program found there is the image's, never mounted over it. */
const SYSTEM_DIRS = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/etc', '/System', '/Library'];

/** Variables the image sets for itself: the host's would point at folders it does not have. */
const IMAGE_OWN = new Set(['PATH', 'TMPDIR', 'NODE', 'NVM_BIN', 'NVM_DIR', 'NVM_INC']);

/**
 * A read-only root filesystem and a private /tmp; the cwd (and the other readable folders) mounted
 * read-only, the writable folders read-write (in poc the scratch checkout among them), the agent's
 * install read-only. The host's network, as the agent has outside (its model may be on 127.0.0.1).
 * Environment variables are passed by name (`--env NAME`): their values come from the client's
 * environment, never the argv, so no secret shows in the process list.
 */
export function containerArgs(command: AgentCommand, policy: SandboxPolicy, options: ContainerOptions): string[] {
  const program = agentProgram(command);
  const writable = new Set(policy.writable);
  const installs = [...new Set([program.install, ...[...command.args, ...(policy.programs ?? [])].flatMap(installOf)].filter((dir): dir is string => !!dir))]
    .filter((dir) => !policy.readable.some((readable) => isInside(dir, readable)) && !policy.writable.some((each) => isInside(dir, each)));
  const mounts = [
    ...policy.readable.filter((dir) => !writable.has(dir)).map((dir) => `${dir}:${dir}:ro`),
    ...installs.map((dir) => `${dir}:${dir}:ro`),
    ...policy.writable.map((dir) => `${dir}:${dir}:rw`),
    // A file that does not exist yet would be made a folder by the engine: only those there.
    ...policy.writableFiles.filter((file) => existsSync(file)).map((file) => `${file}:${file}:rw`),
  ].flatMap((volume) => ['--volume', volume]);
  const env = Object.keys(command.env)
    .filter((name) => command.env[name] !== undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !IMAGE_OWN.has(name)).sort()
    .flatMap((name) => ['--env', name]);
  // Rootless Podman maps the user to root inside unless told to keep their id.
  const keepId = options.engine === 'podman' && options.user.uid !== 0 ? ['--userns', 'keep-id'] : [];
  return [
    'run', '--rm', '--interactive', '--init', '--read-only', '--tmpfs', '/tmp', '--network', 'host',
    ...keepId, '--user', `${options.user.uid}:${options.user.gid}`, '--workdir', policy.cwd,
    ...mounts, ...env, '--env', 'TMPDIR=/tmp',
    options.image, program.command, ...command.args,
  ];
}

/** The command as the container engine runs it: the client gets the environment the `--env` names read. */
export function inContainer(command: AgentCommand, policy: SandboxPolicy, options: ContainerOptions): AgentCommand {
  return { ...command, command: options.engine, args: containerArgs(command, policy, options) };
}

/**
 * How the agent is started inside: a program of the system's own folders (`node`, `/usr/bin/env`)
 * is the image's, by the name given; one installed elsewhere (`node_modules/.bin/claude`, a global
 * npm install, `~/.local/bin/codex`) runs by its real path, its install mounted.
 */
function agentProgram(command: AgentCommand): { command: string; install?: string } {
  const found = onPath(command.command, command.env);
  if (!found) return { command: command.command };
  const install = installOf(found)[0];
  return install ? { command: realOrSelf(found), install } : { command: command.command };
}

/**
 * The folder to mount for a program or a script a command line names: its package (the nearest
 * folder above its real path with a package.json), else its own folder; nothing for a path that
 * is not there, or lies in the system's folders (the image has its own).
 */
export function installOf(file: string): string[] {
  if (!path.isAbsolute(file) || !existsSync(file)) return [];
  const real = realOrSelf(file);
  for (let dir = path.dirname(real); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return [dir];
  }
  const own = path.dirname(real);
  return SYSTEM_DIRS.some((system) => isInside(own, system)) ? [] : [own];
}

function onPath(command: string, env: Env): string | null {
  if (path.isAbsolute(command)) return command;
  if (command.includes('/')) return null;
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, command))) return path.join(dir, command);
  }
  return null;
}

function realOrSelf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}
