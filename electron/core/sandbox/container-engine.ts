// Whether Docker or Podman can run containers on this machine: installed, and its engine answering
// (Docker's daemon running, Podman's storage usable). Asked for real, with the reason in words.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { ContainerEngine, SandboxOffer } from '../../../shared/contract/settings';
import type { Env } from '../agents/agent-adapter';
import { findOnPath } from '../agents/detect';

const run = promisify(execFile);

const INSTALL: Record<ContainerEngine, string> = {
  docker: 'Install Docker (https://docs.docker.com/engine/install/) and start it',
  podman: 'Install Podman (https://podman.io/docs/installation)',
};

export interface EngineProbe extends SandboxOffer {
  /** The engine's executable, when it is installed. */
  executable?: string;
}

export async function probeContainerEngine(engine: ContainerEngine, env: Env): Promise<EngineProbe> {
  const executable = await findOnPath(engine, env);
  if (!executable) return { available: false, reason: `${label(engine)} is not installed. ${INSTALL[engine]}, or choose the OS sandbox in Settings.` };
  try {
    // `info` asks the engine itself: Docker's client alone answers `version` without a daemon.
    await run(executable, ['info', '--format', '{{json .}}'], { timeout: 15_000, env: env as NodeJS.ProcessEnv });
    return { available: true, executable };
  } catch (error) {
    const detail = ((error as { stderr?: string }).stderr?.trim() || (error as Error).message).split('\n').filter(Boolean).pop();
    const fix = engine === 'docker' ? 'Start Docker (its daemon),' : 'Check that `podman info` works,';
    return { available: false, executable, reason: `${label(engine)} is installed but cannot run containers here (${detail}). ${fix} or choose the OS sandbox in Settings.` };
  }
}

function label(engine: ContainerEngine): string {
  return engine === 'docker' ? 'Docker' : 'Podman';
}
