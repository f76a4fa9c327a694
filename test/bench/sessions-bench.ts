// Importing the agents' sessions: 1,000 Claude Code sessions in the shape Claude Code 2.1.332 writes
// (prompts, Read tool calls with their results, answers, bookkeeping lines), a mix of sizes up to
// one of 100 MB, imported through the contract's gate (sessions per second, peak memory), then
// imported again with nothing new, against the floor: listing the session folders (readdir + stat).
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApi } from '../../electron/core/api';
import { dispatch } from '../../electron/core/dispatch';
import { echoFor, writeClaudeSession } from '../support/synthetic-sessions';
import type { BenchContext, BenchRow } from './run';
import { collectGarbage, median } from './stats';

/** `--sessions N --big-mb M` make a quicker run. */
function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const SESSIONS = option('sessions', 1000);
const BIG_MB = option('big-mb', 100);

export async function sessionsBench(context: BenchContext): Promise<BenchRow[]> {
  const home = join(tmpdir(), `fieldnotes-bench-sessions-${process.pid}`);
  await rm(home, { recursive: true, force: true });
  const repo = join(home, 'repo');
  await mkdir(join(repo, 'src'), { recursive: true });
  for (let i = 0; i < 20; i++) await writeFile(join(repo, 'src', `file-${i}.ts`), `export const value${i} = ${i};\n`.repeat(40));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
  git('init', '-q');
  git('add', '.');
  git('-c', 'user.name=Bench', '-c', 'user.email=bench@example.invalid', 'commit', '-qm', 'bench');
  const config = join(home, 'claude');
  const folder = join(config, 'projects', '-bench-repo');
  await mkdir(folder, { recursive: true });
  context.log(`writing ${SESSIONS} session files…`);
  let bytes = 0;
  for (let i = 0; i < SESSIONS; i++) bytes += await writeSession(join(folder, `${sessionId(i)}.jsonl`), i, repo);
  context.log(`wrote ${(bytes / 1024 / 1024).toFixed(0)} MB`);

  const notebook = join(home, 'Notebook');
  const engine = await createApi({
    app: { name: 'Fieldnotes', version: 'bench' }, transport: 'http', notebook, defaultNotebook: notebook,
    userDataDir: home, watch: false, search: 'on-demand', log: () => undefined,
    agentEnv: { HOME: home, CLAUDE_CONFIG_DIR: config, CODEX_HOME: join(home, 'no-codex'), GEMINI_CLI_HOME: join(home, 'no-gemini'), PATH: process.env.PATH },
  });
  const importAll = async () => {
    const result = await dispatch(engine.handlers, 'sessions.import', { all: true });
    if (!result.ok) throw new Error(result.error.message);
    return (result.value as { results: Array<{ status: string }> }).results;
  };
  try {
    collectGarbage();
    const peak = { rss: 0, heap: 0 };
    const sampler = setInterval(() => {
      const memory = process.memoryUsage();
      peak.rss = Math.max(peak.rss, memory.rss);
      peak.heap = Math.max(peak.heap, memory.heapUsed);
    }, 20);
    const start = performance.now();
    const first = await importAll();
    const importMs = performance.now() - start;
    clearInterval(sampler);
    const created = first.filter((result) => result.status === 'created').length;

    const rescans: number[] = [];
    const floors: number[] = [];
    for (let run = 0; run < Math.max(3, context.runs); run++) {
      collectGarbage();
      let t = performance.now();
      const again = await importAll();
      rescans.push(performance.now() - t);
      if (again.some((result) => result.status !== 'unchanged')) throw new Error('a rescan with nothing new changed something');
      collectGarbage();
      t = performance.now();
      for (const name of await readdir(folder)) await stat(join(folder, name));
      floors.push(performance.now() - t);
    }
    const rescan = median(rescans);
    const floor = median(floors);
    return [
      { area: 'sessions', case: `import ${SESSIONS} sessions (${(bytes / 1024 / 1024).toFixed(0)} MB, one of ${BIG_MB} MB)`, notes: created, ms: importMs,
        note: `${(created / (importMs / 1000)).toFixed(0)} sessions/s; peak RSS ${(peak.rss / 1024 / 1024).toFixed(0)} MB, heap ${(peak.heap / 1024 / 1024).toFixed(0)} MB` },
      { area: 'sessions', case: 'import again, nothing new', notes: SESSIONS, ms: rescan, note: `${(rescan / floor).toFixed(1)}× the floor` },
      { area: 'sessions', case: 'floor: readdir + stat of the session files', notes: SESSIONS, ms: floor },
    ];
  } finally {
    await engine.close();
    await rm(home, { recursive: true, force: true });
  }
}

function sessionId(i: number): string {
  return `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
}

/** Writes one session: most are small (2–12 turns), every 50th is ~1 MB, the last is BIG_MB. */
function writeSession(file: string, i: number, repo: string): Promise<number> {
  const big = i === SESSIONS - 1;
  const turns = big ? 1000 : i % 50 === 0 ? 60 : 2 + (i % 11);
  return writeClaudeSession(file, { id: sessionId(i), repo, turns, echo: big ? echoFor(BIG_MB, turns) : 1200, start: Date.UTC(2026, 10, 1) + i * 3_600_000 });
}
