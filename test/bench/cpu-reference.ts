// A yardstick for latency tails on a shared machine: a child process that answers each request
// after exactly `cpuMs` of CPU time (measured with process.cpuUsage, so a busy machine stretches
// the wall time, not the work). Timed beside the search worker's queries, it says how much of a
// query's p95 is the machine: the same work costs more wall time when other processes hold the cores.
import { spawn, type ChildProcess } from 'node:child_process';

const SCRIPT = `
process.on('message', ({ id, cpuMs }) => {
  const start = process.cpuUsage();
  for (;;) {
    const used = process.cpuUsage(start);
    if (used.user + used.system >= cpuMs * 1000) break;
  }
  process.send({ id });
});
process.send({ id: 0 });
`;

export class CpuReference {
  private nextId = 1;
  private readonly waiting = new Map<number, () => void>();

  private constructor(private readonly child: ChildProcess) {
    child.on('message', ({ id }: { id: number }) => {
      this.waiting.get(id)?.();
      this.waiting.delete(id);
    });
  }

  static async start(): Promise<CpuReference> {
    const child = spawn(process.execPath, ['-e', SCRIPT], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
    const reference = new CpuReference(child);
    await new Promise<void>((resolve) => reference.waiting.set(0, resolve));
    return reference;
  }

  /** Wall time of one request that costs `cpuMs` of CPU in the child, in ms. */
  async time(cpuMs: number): Promise<number> {
    const id = this.nextId++;
    const started = performance.now();
    await new Promise<void>((resolve) => {
      this.waiting.set(id, resolve);
      this.child.send({ id, cpuMs });
    });
    return performance.now() - started;
  }

  stop(): void {
    this.child.kill();
  }
}
