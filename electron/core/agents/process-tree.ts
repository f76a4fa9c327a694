// Everything an agent started: its process group, plus descendants that left the group
// (sandboxes and PTYs start new sessions), so that stopping a run reaches all of them.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** The processes of one run: the group led by `pgid` and the descendants seen so far. */
export class ProcessTree {
  private readonly seen = new Set<number>();

  constructor(readonly pgid: number) {}

  /** Records the leader's current descendants; call while the leader is alive. */
  collect(): void {
    for (const pid of descendantsOf(this.pgid)) this.seen.add(pid);
  }

  signal(signal: NodeJS.Signals): void {
    try {
      process.kill(-this.pgid, signal);
    } catch {
      // ESRCH: the group is gone.
    }
    for (const pid of this.seen) {
      try {
        process.kill(pid, signal);
      } catch {
        this.seen.delete(pid);
      }
    }
  }

  alive(): boolean {
    if (groupAlive(this.pgid)) return true;
    for (const pid of this.seen) {
      if (running(pid)) return true;
      this.seen.delete(pid);
    }
    return false;
  }

  /** SIGTERMs what is left, SIGKILLs it after the grace period, and waits until all is gone. */
  async end(graceMs: number): Promise<void> {
    if (!this.alive()) return;
    this.signal('SIGTERM');
    if (await this.waitGone(graceMs)) return;
    this.signal('SIGKILL');
    await this.waitGone(2_000);
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

/** True while any process of the group exists (kill(-pgid, 0) has not yet failed with ESRCH). */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True while the process exists and is not a zombie waiting to be reaped. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  if (process.platform !== 'linux') return true;
  try {
    return statFields(readFileSync(`/proc/${pid}/stat`, 'utf8'))[0] !== 'Z';
  } catch {
    return false;
  }
}

function descendantsOf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parentLinks()) {
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift() ?? -1) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** [pid, parent pid] of every process: from /proc on Linux, from ps elsewhere. */
function parentLinks(): Array<[number, number]> {
  try {
    if (process.platform === 'linux') {
      const links: Array<[number, number]> = [];
      for (const name of readdirSync('/proc')) {
        if (!/^\d+$/.test(name)) continue;
        try {
          links.push([Number(name), Number(statFields(readFileSync(`/proc/${name}/stat`, 'utf8'))[1])]);
        } catch {
          // The process ended while we looked.
        }
      }
      return links;
    }
    return execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' })
      .trim().split('\n').map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  } catch {
    return [];
  }
}

/** The fields of /proc/<pid>/stat after the command name: [state, ppid, pgrp, ...]. */
function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}
