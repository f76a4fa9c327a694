// Everything an agent started: its process group, descendants that left the group (sandboxes and
// PTYs start new sessions), and — on Linux — any process that still carries the run's marker in its
// environment, even after its parent died and it was re-parented to init. Stopping a run first
// freezes all of it (SIGSTOP), so nothing can fork or slip away while it is being found, then
// signals it and lets it run again to handle the signal.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { processExists, processGroupExists } from '../process-alive';

/** The environment variable whose value marks every process of one agent run. */
export const RUN_MARKER_VAR = 'FIELDNOTES_AGENT_RUN';

interface ProcessInfo {
  pid: number;
  ppid: number;
  pgrp: number;
}

/** The processes of one run: the group led by `pgid`, its descendants, and marked processes. */
export class ProcessTree {
  private readonly seen = new Set<number>();

  /**
   * @param pgid the run's process group (its leader's pid); null when only the marker is known
   * @param marker the value of RUN_MARKER_VAR the run was started with, when it was
   */
  constructor(
    readonly pgid: number | null,
    private readonly marker?: string,
  ) {
    if (pgid !== null && (!Number.isInteger(pgid) || pgid <= 1)) throw new Error(`Not a process group of an agent: ${pgid}`);
  }

  /** Records every process that belongs to the run right now. */
  collect(): void {
    const table = processTable();
    const roots = new Set<number>(this.seen);
    if (this.pgid !== null) {
      roots.add(this.pgid);
      for (const info of table) if (info.pgrp === this.pgid) roots.add(info.pid);
    }
    for (const pid of descendantsOf(table, roots)) this.seen.add(pid);
    if (this.marker) for (const pid of markedProcesses(table, this.marker)) this.seen.add(pid);
    // Never ourselves, nor init, whatever a marker or a table says.
    this.seen.delete(process.pid);
    this.seen.delete(1);
  }

  signal(signal: NodeJS.Signals): void {
    if (this.pgid !== null) {
      try {
        process.kill(-this.pgid, signal);
      } catch {
        // ESRCH: the group is gone.
      }
    }
    for (const pid of this.seen) {
      try {
        process.kill(pid, signal);
      } catch {
        this.seen.delete(pid);
      }
    }
  }

  /** Asks every process of the run to stop: frozen and found first, then SIGTERM, then let run. */
  terminate(): void {
    this.freeze();
    this.signal('SIGTERM');
    this.signal('SIGCONT');
  }

  /** Kills every process of the run at once (SIGKILL reaches frozen processes too). */
  kill(): void {
    this.freeze();
    this.signal('SIGKILL');
  }

  alive(): boolean {
    if (this.pgid !== null && processGroupExists(this.pgid)) return true;
    for (const pid of this.seen) {
      if (running(pid)) return true;
      this.seen.delete(pid);
    }
    return false;
  }

  /** SIGTERMs what is left, SIGKILLs it after the grace period, and waits until all is gone. */
  async end(graceMs: number): Promise<void> {
    this.collect();
    if (!this.alive()) return;
    this.terminate();
    if (await this.waitGone(graceMs)) return;
    this.kill();
    await this.waitGone(2_000);
  }

  /** Stops the run's processes where they are, until the set of them stops growing. */
  private freeze(): void {
    for (let round = 0; round < 5; round++) {
      const before = this.seen.size;
      this.signal('SIGSTOP');
      this.collect();
      if (round > 0 && this.seen.size === before) return;
    }
    this.signal('SIGSTOP');
  }

  private async waitGone(ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (this.alive()) {
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return true;
  }
}

/** True while the process exists and is not a zombie waiting to be reaped. */
function running(pid: number): boolean {
  if (!processExists(pid)) return false;
  if (process.platform !== 'linux') return true;
  try {
    return statFields(readFileSync(`/proc/${pid}/stat`, 'utf8'))[0] !== 'Z';
  } catch {
    return false;
  }
}

function descendantsOf(table: readonly ProcessInfo[], roots: ReadonlySet<number>): number[] {
  const children = new Map<number, number[]>();
  for (const { pid, ppid } of table) {
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  const found: number[] = [];
  const visited = new Set<number>(roots);
  const queue = [...roots];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      if (visited.has(child)) continue;
      visited.add(child);
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** Processes whose environment carries the run's marker (Linux; readable for our own user). */
function markedProcesses(table: readonly ProcessInfo[], marker: string): number[] {
  if (process.platform !== 'linux') return [];
  const needle = Buffer.from(`${RUN_MARKER_VAR}=${marker}\0`);
  const found: number[] = [];
  for (const { pid } of table) {
    try {
      const environ = readFileSync(`/proc/${pid}/environ`);
      if (environ.includes(needle)) found.push(pid);
    } catch {
      // Another user's process, or one that ended while we looked.
    }
  }
  return found;
}

/** pid, parent pid and process group of every process: from /proc on Linux, from ps elsewhere. */
function processTable(): ProcessInfo[] {
  try {
    if (process.platform === 'linux') {
      const table: ProcessInfo[] = [];
      for (const name of readdirSync('/proc')) {
        if (!/^\d+$/.test(name)) continue;
        try {
          const fields = statFields(readFileSync(`/proc/${name}/stat`, 'utf8'));
          table.push({ pid: Number(name), ppid: Number(fields[1]), pgrp: Number(fields[2]) });
        } catch {
          // The process ended while we looked.
        }
      }
      return table;
    }
    return execFileSync('ps', ['-A', '-o', 'pid=,ppid=,pgid='], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((line) => {
        const [pid, ppid, pgrp] = line.trim().split(/\s+/).map(Number);
        return { pid: pid!, ppid: ppid!, pgrp: pgrp! };
      });
  } catch {
    return [];
  }
}

/** The fields of /proc/<pid>/stat after the command name: [state, ppid, pgrp, ...]. */
function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}
