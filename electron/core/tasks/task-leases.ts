// Which process runs which task: a small file per running task in `.fieldnotes/running/`. The app,
// `fieldnotes serve` and `fieldnotes ask` may share a notebook; a lease tells one engine's recovery
// that another engine is alive and still running that note, and, when that engine died, which
// agent process it left behind. An engine is known by its pid and its start time, so a pid that a
// later process got is not taken for the engine that died.
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { isUlid } from '../../../shared/model/ulid';
import { writeFileAtomic } from '../fs/atomic-write';
import { LAYOUT } from '../notebook/notebook-layout';
import { processExists } from '../process-alive';

export interface Lease {
  /** The engine's process. */
  pid: number;
  /** When the engine's process started, as the system tells (see processStart). */
  started?: string;
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
    const started = await processStart(process.pid);
    const lease: Lease = {
      pid: process.pid,
      ...(started ? { started } : {}),
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

/**
 * True when the lease's engine is another process on this machine that is still alive: its pid
 * runs and, where the lease says when it started, it is the process that started then.
 */
export async function heldByLiveEngine(lease: Lease): Promise<boolean> {
  if (lease.host !== hostname() || lease.pid === process.pid || !processExists(lease.pid)) return false;
  return lease.started === undefined || (await processStart(lease.pid)) === lease.started;
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
  if (lease.agentPid === undefined || !lease.agentCommand || lease.host !== hostname() || !processExists(lease.agentPid)) return false;
  const args = await new Promise<string>((resolve) => {
    execFile('ps', ['-o', 'args=', '-p', String(lease.agentPid)], { timeout: 5_000 }, (error, stdout) => resolve(error ? '' : stdout));
  });
  return args.includes(lease.agentCommand);
}

const starts = new Map<number, Promise<string | undefined>>();

/**
 * When a process started, as a string that stays the same for its whole life: on Linux its start
 * in clock ticks since boot (/proc/<pid>/stat, field 22), elsewhere what `ps -o lstart=` says.
 * Undefined when the process is gone or the system does not tell.
 */
export async function processStart(pid: number): Promise<string | undefined> {
  if (pid === process.pid) {
    if (!starts.has(pid)) starts.set(pid, readStart(pid));
    return starts.get(pid);
  }
  return readStart(pid);
}

async function readStart(pid: number): Promise<string | undefined> {
  if (process.platform === 'linux') {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] || undefined;
  }
  return new Promise((resolve) => {
    execFile('ps', ['-o', 'lstart=', '-p', String(pid)], { timeout: 5_000 }, (error, stdout) => resolve(error ? undefined : stdout.trim() || undefined));
  });
}
