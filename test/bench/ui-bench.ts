// The renderer in real Chromium: how soon the first row of a 10,000-note list is painted after the
// page starts loading, and how soon a 1 MB note shows its first text after it is chosen, with the
// longest main-thread task meanwhile (PerformanceObserver 'longtask'). Two renderers side by side
// in one run, on the same `fieldnotes serve`: this worktree's build ("now") and the build of an
// earlier commit ("before", `--ui-before <ref>`), their runs alternating so both see the same load.
// Each page load gets a fresh browser context (no cache); the static files of either build are
// served to it through Playwright's request routing, the API calls go to the server.
import { execFileSync } from 'node:child_process';
import { existsSync, symlinkSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { LARGE_NOTE_ID, LARGE_NOTE_LAST_WORD, largeNoteText } from '../support/large-note';
import { ROOT } from '../support/paths';
import { startServeProcess, type ServeProcess } from '../support/serve-process';
import { SECURITY_HEADERS } from '../../electron/server/static-files';
import { syntheticNotebookDir } from './bench-notebooks';
import type { BenchContext, BenchRow } from './run';
import { median } from './stats';

/** The renderer before the work on issue 15 (sanitize and highlight a note in one go). */
const DEFAULT_BEFORE = '1dcb4d1';
const BENCH_DIR = process.env.FIELDNOTES_BENCH_DIR ?? join(tmpdir(), 'fieldnotes-bench');
const CHROMIUM = process.env.FIELDNOTES_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

interface Variant {
  name: string;
  dir: string;
}

interface PageFigures {
  /** ms from the navigation start (list) or from choosing the note (note) to the first paint. */
  first: number;
  /** ms until the whole note is in the page (note only). */
  complete?: number;
  /** The longest task meanwhile, and how many took over 50 ms. */
  longest: number;
  longTasks: number;
}

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

/** The built renderer of `ref`, built once in the bench folder (from `git archive`). */
async function buildAt(ref: string, log: (message: string) => void): Promise<string> {
  const commit = run('git', ['rev-parse', '--short=12', `${ref}^{commit}`], ROOT).trim();
  const dir = join(BENCH_DIR, `renderer-${commit}`);
  const out = join(dir, 'out', 'renderer');
  if (existsSync(join(out, 'index.html'))) return out;
  log(`building the renderer of ${commit}…`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  execFileSync('sh', ['-c', `git -C "${ROOT}" archive ${commit} | tar -x -C "${dir}"`]);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  run('npx', ['electron-vite', 'build', '--logLevel', 'warn'], dir);
  return out;
}

function buildHere(log: (message: string) => void): string {
  log('building this worktree’s renderer…');
  run('npx', ['electron-vite', 'build', '--logLevel', 'warn'], ROOT);
  return join(ROOT, 'out', 'renderer');
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.map': 'application/json' };

/** A fresh context whose page and assets come from `variant`'s build. */
async function contextFor(browser: Browser, server: ServeProcess, variant: Variant, onStart = ''): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.route(`${server.origin}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.startsWith('/api/')) return route.fallback();
    const path = extname(url.pathname) === '' ? '/index.html' : url.pathname;
    const file = normalize(join(variant.dir, decodeURIComponent(path)));
    if (!file.startsWith(variant.dir)) return route.fulfill({ status: 404 });
    const body = await readFile(file).catch(() => null);
    if (!body) return route.fulfill({ status: 404 });
    return route.fulfill({ status: 200, body, headers: { ...SECURITY_HEADERS, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' } });
  });
  await context.addInitScript(PAGE_CLOCKS + onStart);
  return context;
}

// In the page before any of its scripts (plain JavaScript: it runs in the browser). Long tasks from
// the start, and `__paintedWhen(selector, text?)`: performance.now() at the first paint where the
// selector matches (a message posted from the next animation frame runs after that frame is drawn).
const PAGE_CLOCKS = `
  globalThis.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) __longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  globalThis.__paintedWhen = (selector, text) => new Promise((resolve) => {
    const matches = () => {
      const element = document.querySelector(selector);
      return element !== null && (text === undefined || (element.textContent || '').includes(text));
    };
    const painted = () => requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(0);
    });
    if (matches()) return painted();
    const observer = new MutationObserver(() => {
      if (!matches()) return;
      observer.disconnect();
      painted();
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  });
`;

async function longTasksBetween(context: BrowserContext, from: number, to: number): Promise<{ longest: number; longTasks: number }> {
  const page = context.pages()[0]!;
  const tasks = (await page.evaluate('__longTasks')) as { start: number; duration: number }[];
  const inside = tasks.filter((task) => task.start + task.duration >= from && task.start <= to);
  return { longest: Math.max(0, ...inside.map((task) => task.duration)), longTasks: inside.filter((task) => task.duration > 50).length };
}

async function firstRow(browser: Browser, server: ServeProcess, variant: Variant): Promise<PageFigures> {
  const context = await contextFor(browser, server, variant, `__paintedWhen('.notes-list [role="option"]').then((t) => { globalThis.__firstRow = t; });`);
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    const first = (await page.waitForFunction(() => (globalThis as unknown as { __firstRow?: number }).__firstRow, undefined, { timeout: 60_000 }).then((handle) => handle.jsonValue())) as number;
    return { first, ...(await longTasksBetween(context, 0, first)) };
  } finally {
    await context.close();
  }
}

async function largeNote(browser: Browser, server: ServeProcess, variant: Variant): Promise<PageFigures> {
  const context = await contextFor(browser, server, variant);
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('.notes-list [role="option"]').first().waitFor();
    const figures = (await page.evaluate(`(async () => {
      const start = performance.now();
      const first = __paintedWhen('.note-view .markdown > *');
      const complete = __paintedWhen('.note-view .markdown > :last-child', ${JSON.stringify(LARGE_NOTE_LAST_WORD)});
      window.location.hash = '#/notes/${LARGE_NOTE_ID}';
      return { start, first: await first, complete: await complete };
    })()`)) as { start: number; first: number; complete: number };
    // Code on screen is highlighted just after the text is painted: two more frames count too.
    const end = (await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))))')) as number;
    return { first: figures.first - figures.start, complete: figures.complete - figures.start, ...(await longTasksBetween(context, figures.start, end)) };
  } finally {
    await context.close();
  }
}

async function measure(
  runs: number,
  variants: Variant[],
  once: (variant: Variant) => Promise<PageFigures>,
): Promise<Map<string, PageFigures[]>> {
  const results = new Map<string, PageFigures[]>(variants.map((variant) => [variant.name, []]));
  // One unmeasured warm-up per variant, then the variants alternate.
  for (const variant of variants) await once(variant);
  for (let i = 0; i < runs; i++) for (const variant of variants) results.get(variant.name)!.push(await once(variant));
  return results;
}

function rows(area: string, what: string, notes: number, results: Map<string, PageFigures[]>): BenchRow[] {
  const out: BenchRow[] = [];
  for (const [name, figures] of results) {
    const longest = Math.max(...figures.map((figure) => figure.longest));
    const longTasks = median(figures.map((figure) => figure.longTasks));
    out.push({ area, case: `${what} (${name})`, notes, ms: median(figures.map((figure) => figure.first)), note: `longest task ${longest.toFixed(0)} ms (worst run), ${longTasks} over 50 ms (median)` });
    if (figures[0]!.complete !== undefined) {
      out.push({ area, case: `whole note in the page (${name})`, notes, ms: median(figures.map((figure) => figure.complete!)) });
    }
  }
  return out;
}

export async function uiBench({ sizes, runs, log }: BenchContext): Promise<BenchRow[]> {
  const before = option('ui-before') ?? DEFAULT_BEFORE;
  const variants: Variant[] = [
    { name: `before, ${before}`, dir: await buildAt(before, log) },
    { name: 'now', dir: buildHere(log) },
  ];
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const out: BenchRow[] = [];
  try {
    const home = join(BENCH_DIR, 'ui-home');
    await mkdir(home, { recursive: true });

    const big = join(BENCH_DIR, 'ui-large-note');
    await rm(big, { recursive: true, force: true });
    await mkdir(join(big, 'big'), { recursive: true });
    await writeFile(join(big, 'big', '2026-03-01-a-very-large-note.md'), largeNoteText());
    const bigServer = await startServeProcess(big, { FIELDNOTES_HOME: home });
    try {
      log('a 1 MB note…');
      out.push(...rows('ui', 'a 1 MB note: first text painted', 1, await measure(runs, variants, (variant) => largeNote(browser, bigServer, variant))));
    } finally {
      await bigServer.stop();
    }

    for (const size of sizes.filter((count) => count >= 10_000)) {
      const { dir } = await syntheticNotebookDir(size);
      const server = await startServeProcess(dir, { FIELDNOTES_HOME: home });
      try {
        log(`the first list row at ${size} notes…`);
        out.push(...rows('ui', 'first list row painted', size, await measure(runs, variants, (variant) => firstRow(browser, server, variant))));
      } finally {
        await server.stop();
      }
    }
  } finally {
    await browser.close();
  }
  return out;
}
