// The engine's event loop while an agent streams 10 MB through a task: how long callbacks wait
// (perf_hooks.monitorEventLoopDelay) compared with the same engine idle for as long, measured
// alternately in the same run. The agent is a fake custom command printing 100-character lines as
// fast as the pipe takes them; the events go out as a transport would send them (JSON).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createApi, type Engine } from '../../electron/core/api';
import type { Task } from '../../shared/model/task';
import { FIXTURES } from '../support/paths';
import type { BenchContext, BenchRow } from './run';
import { collectGarbage, median } from './stats';

const MEGABYTES = 10;

interface Sample {
  p50: number;
  p99: number;
  max: number;
}

export async function tasksBench(context: BenchContext): Promise<BenchRow[]> {
  const home = join(tmpdir(), `fieldnotes-bench-tasks-${process.pid}`);
  await rm(home, { recursive: true, force: true });
  await mkdir(join(home, 'repo'), { recursive: true });
  await writeFile(join(home, 'settings.json'), JSON.stringify({
    tasks: { customCommand: { label: 'Flood', argv: [process.execPath, join(FIXTURES, 'fake-agents', 'task-agent.mjs')] } },
  }));
  const engine = await createApi({
    app: { name: 'Fieldnotes', version: 'bench' },
    transport: 'http',
    notebook: join(home, 'Notebook'),
    defaultNotebook: join(home, 'Notebook'),
    settingsFile: join(home, 'settings.json'),
    userDataDir: home,
    log: () => undefined,
  });
  // What a transport does with every event: serialize it.
  const sent = { bytes: 0, outputs: 0, dropped: 0, changed: 0 };
  engine.events.on('tasks.output', (batch) => {
    sent.bytes += JSON.stringify(batch).length;
    sent.outputs += 1;
    sent.dropped += batch.dropped;
  });
  engine.events.on('tasks.changed', (payload) => {
    sent.bytes += JSON.stringify(payload).length;
    sent.changed += 1;
  });

  const idle: Sample[] = [];
  const busy: Sample[] = [];
  const durations: number[] = [];
  const runs = Math.max(1, Math.min(context.runs, 5));
  try {
    await flood(engine, join(home, 'repo')); // warm-up, unmeasured
    for (let run = 0; run < runs; run++) {
      Object.assign(sent, { bytes: 0, outputs: 0, dropped: 0, changed: 0 });
      collectGarbage();
      const { sample, ms } = await measure(() => flood(engine, join(home, 'repo')));
      busy.push(sample);
      durations.push(ms);
      collectGarbage();
      idle.push((await measure(() => new Promise((resolve) => setTimeout(resolve, ms)))).sample);
      context.log(`tasks: run ${run + 1}/${runs}: ${ms.toFixed(0)} ms, loop delay p99 ${sample.p99.toFixed(1)} ms busy vs ${idle.at(-1)!.p99.toFixed(1)} ms idle`);
    }
  } finally {
    await engine.close();
    await rm(home, { recursive: true, force: true });
  }
  const pick = (samples: Sample[], key: keyof Sample) => median(samples.map((sample) => sample[key]));
  const traffic = `${sent.outputs} tasks.output + ${sent.changed} tasks.changed, ${(sent.bytes / 1024).toFixed(0)} KB sent, ${sent.dropped.toLocaleString('en-US')} events not sent live`;
  return [
    { area: 'tasks', case: 'event-loop delay p99, idle', notes: 1, ms: pick(idle, 'p99'), note: `p50 ${pick(idle, 'p50').toFixed(1)}, max ${pick(idle, 'max').toFixed(1)}` },
    { area: 'tasks', case: `event-loop delay p99, ${MEGABYTES} MB streaming`, notes: 1, ms: pick(busy, 'p99'), note: `p50 ${pick(busy, 'p50').toFixed(1)}, max ${pick(busy, 'max').toFixed(1)}` },
    { area: 'tasks', case: `${MEGABYTES} MB task, ask → finished`, notes: 1, ms: median(durations), note: traffic },
  ];
}

async function flood(engine: Engine, repo: string): Promise<void> {
  const finished = new Promise<void>((resolve) => {
    const off = engine.events.on('tasks.finished', ({ task }: { task: Task }) => {
      if (task.status !== 'done') throw new Error(`the flood task ${task.status}: ${task.error}`);
      off();
      resolve();
    });
  });
  await engine.handlers['tasks.ask']({ question: `Flood [flood ${MEGABYTES}]`, repoPath: repo, mode: 'explain', agents: ['custom'], context: [] });
  await finished;
}

async function measure(work: () => Promise<unknown>): Promise<{ sample: Sample; ms: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  const start = performance.now();
  histogram.enable();
  await work();
  histogram.disable();
  const ms = performance.now() - start;
  const toMs = (ns: number) => ns / 1e6;
  return { sample: { p50: toMs(histogram.percentile(50)), p99: toMs(histogram.percentile(99)), max: toMs(histogram.max) }, ms };
}
