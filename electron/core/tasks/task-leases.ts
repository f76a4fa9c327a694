// Which process runs which task: a small file per running task in `.fieldnotes/running/`. The app,
// `fieldnotes serve` and `fieldnotes ask` may share a notebook; a lease tells one engine's recovery
// that another engine is alive and still running that note, and, when that engine died, which
// agent process it left behind.
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { isUlid } from '../../../shared/model/ulid';
import { writeFileAtomic } from '../fs/atomic-write';
import { LAYOUT } from '../notebook/notebook-layout';

export interface Lease {
  /** The engine's process. */
  pid: number;
  host: string;
  /** The agent's process (its process group leader), once it started. */
  agentPid?: number;
  /** A word of the agent's command line (its executable's name), to recognize it later. */
  agentCommand?: string;
  /** The run's marker (ProcessTree): finds the agent's processes even when its leader is gone. */
  agentMarker?: string;
}

export class TaskLeases {
  private readonly folder: string;

  constructor(notebookRoot: string) {
    this.folder = join(notebookRoot, ...LAYOUT.running.split('/'));
  }

  async hold(id: string, agent?: { pid: number; command: string; marker?: string }): Promise<void> {
    if (!isUlid(id)) return;
    const lease: Lease = {
      pid: process.pid,
      host: hostname(),
      ...(agent ? { agentPid: agent.pid, agentCommand: agent.command, agentMarker: agent.marker } : {}),
    };
    await mkdir(this.folder, { recursive: true });
    await writeFileAtomic(join(this.folder, `${id}.json`), JSON.stringify(lease) + '\n');
  }

  async read(id: string): Promise<Lease | null> {
    if (!isUlid(id)) return null;
    try {
      const value = JSON.parse(await readFile(join(this.folder, `${id}.json`), 'utf8')) as Partial<Lease>;
      return typeof value.pid === 'number' && typeof value.host === 'string' ? (value as Lease) : null;
    } catch {
      return null;
    }
  }

  async release(id: string): Promise<void> {
    if (isUlid(id)) await rm(join(this.folder, `${id}.json`), { force: true });
  }
}

/** True when the lease's engine is another process on this machine that is still alive. */
export function heldByLiveEngine(lease: Lease): boolean {
  if (lease.host !== hostname() || lease.pid === process.pid) return false;
  return alive(lease.pid);
}

/** True when the lease was taken on another machine (a synced notebook): not ours to judge. */
export function heldElsewhere(lease: Lease): boolean {
  return lease.host !== hostname();
}

/**
 * True when the lease's agent process still runs and is still that agent (its command line names
 * the recorded command), not an unrelated process that got the same pid later.
 */
export async function agentStillRunning(lease: Lease): Promise<boolean> {
  if (lease.agentPid === undefined || !lease.agentCommand || lease.host !== hostname() || !alive(lease.agentPid)) return false;
  const args = await new Promise<string>((resolve) => {
    execFile('ps', ['-o', 'args=', '-p', String(lease.agentPid)], { timeout: 5_000 }, (error, stdout) => resolve(error ? '' : stdout));
  });
  return args.includes(lease.agentCommand);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
