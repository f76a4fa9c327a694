// What a person waits for, whole processes from spawn: `fieldnotes serve` until the first search
// answers (and its RSS once the index is ready), `fieldnotes search` and `fieldnotes list` to exit,
// against ripgrep doing the nearest thing on the same folder (`rg` for the word, `rg --files`).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './stats';

export interface ProcessMeasurement {
  /** `serve` spawned → the URL printed, → the notes list answered, → the first search's hits. */
  serve: { urlMs: number; listMs: number; searchMs: number };
  /** The serve process's resident set once search is ready (index loaded, folder reconciled). */
  serveRssBytes: number;
  searchMs: number;
  listMs: number;
  ripgrepMs: number;
  ripgrepFilesMs: number;
}

const RUNS = 5;
const TOKEN = 'bench-token-0123456789abcdef';

export async function measureProcesses(root: string, notebook: string): Promise<ProcessMeasurement> {
  const home = mkdtempSync(join(tmpdir(), 'fieldnotes-bench-home-'));
  const env = { ...process.env, FIELDNOTES_HOME: home, XDG_CONFIG_HOME: home, FIELDNOTES_SERVE_TOKEN: TOKEN, NO_COLOR: '1' };
  const cli = join(root, 'electron', 'cli', 'fieldnotes.mjs');
  try {
    const serves: ProcessMeasurement['serve'][] = [];
    let serveRssBytes = 0;
    for (let run = 0; run < RUNS; run++) {
      const { times, rss } = await timeServe(cli, notebook, env, run === RUNS - 1);
      serves.push(times);
      if (rss) serveRssBytes = rss;
    }
    const searches: number[] = [];
    const lists: number[] = [];
    const greps: number[] = [];
    const files: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      // Alternating, so each pair sees the same load.
      searches.push(await timeExit(process.execPath, [cli, '--notebook', notebook, '--json', 'search', 'request'], env));
      greps.push(await timeExit('rg', ['--files-with-matches', '--ignore-case', '--no-messages', '--glob', '*.md', '-F', '-e', 'request', notebook], env));
      lists.push(await timeExit(process.execPath, [cli, '--notebook', notebook, '--json', 'list'], env));
      files.push(await timeExit('rg', ['--files', '--glob', '*.md', notebook], env));
    }
    return {
      serve: { urlMs: median(serves.map((s) => s.urlMs)), listMs: median(serves.map((s) => s.listMs)), searchMs: median(serves.map((s) => s.searchMs)) },
      serveRssBytes,
      searchMs: median(searches),
      listMs: median(lists),
      ripgrepMs: median(greps),
      ripgrepFilesMs: median(files),
    };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

async function timeServe(cli: string, notebook: string, env: NodeJS.ProcessEnv, withRss: boolean): Promise<{ times: ProcessMeasurement['serve']; rss: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [cli, '--notebook', notebook, '--json', 'serve', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  try {
    const origin = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const line = out.split('\n').find((candidate) => candidate.startsWith('{'));
        if (line) resolve((JSON.parse(line) as { origin: string }).origin);
      });
      void exited.then(() => reject(new Error(`serve exited before printing its address: ${stderr}`)));
    });
    const urlMs = performance.now() - started;
    const call = async (method: string, input: object): Promise<{ ok: boolean; body: Record<string, unknown> }> => {
      const response = await fetch(`${origin}/api/${method}`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(input) });
      const reply = (await response.json()) as { ok: boolean; value?: Record<string, unknown>; error?: unknown };
      return { ok: response.ok && reply.ok, body: reply.value ?? { error: reply.error } };
    };
    // Both asked at once, as the UI does when it opens; each timed to its own answer.
    const list = (async () => {
      const answer = await call('notes.list', {});
      if (!answer.ok || !Array.isArray(answer.body.notes) || answer.body.notes.length === 0) throw new Error(`notes.list failed: ${JSON.stringify(answer.body).slice(0, 200)}`);
      return performance.now() - started;
    })();
    const search = (async () => {
      for (;;) {
        const answer = await call('search.query', { query: 'request', limit: 30, snippets: 10 });
        if (answer.ok && Array.isArray(answer.body.hits) && answer.body.hits.length > 0) return performance.now() - started;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const [listMs, searchMs] = await Promise.all([list, search]);
    let rss = 0;
    if (withRss) {
      await call('search.status', { wait: true });
      rss = Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    }
    return { times: { urlMs, listMs, searchMs }, rss };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

function timeExit(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}
