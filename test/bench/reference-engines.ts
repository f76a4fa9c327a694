// The reference engines the search benchmark compares against: SQLite FTS5 (better-sqlite3) and
// FlexSearch. They are not dependencies of the app: they live in the bench's own sub-package,
// test/bench/refs, installed on demand the first time the bench runs (`npm install --prefix
// test/bench/refs`). better-sqlite3's prebuilt binary may not be reachable, so it may build from
// source with node-gyp, against this Node's own headers (never downloaded). When the install fails,
// the bench says so in one line and measures without them.
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const REFS_DIR = join(import.meta.dirname, 'refs');

/** The better-sqlite3 module (typed as the bench uses it: a database with prepared statements). */
export type Sqlite = new (file: string, options?: { readonly?: boolean }) => SqliteDatabase;
export interface SqliteDatabase {
  exec(sql: string): void;
  prepare(sql: string): { run(...values: unknown[]): unknown; all(...values: unknown[]): unknown[]; get(...values: unknown[]): unknown };
  transaction<T extends (...args: never[]) => unknown>(work: T): T;
  pragma(sql: string): unknown;
  close(): void;
}

export interface ReferenceEngines {
  sqlite: Sqlite | null;
  /** Where FlexSearch's package is (its worker imports it from there), or null. */
  flexsearchDir: string | null;
  /** One line per engine that could not be had, saying why. */
  missing: string[];
}

/** Loads the reference engines, installing the sub-package first when it is not installed yet. */
export function referenceEngines(log: (line: string) => void): ReferenceEngines {
  const missing: string[] = [];
  const require = createRequire(join(REFS_DIR, 'package.json'));
  const installed = (name: string): boolean => existsSync(join(REFS_DIR, 'node_modules', name, 'package.json'));
  if (!installed('better-sqlite3') || !installed('flexsearch')) install(log, missing);

  let sqlite: Sqlite | null = null;
  try {
    const loaded = require('better-sqlite3') as Sqlite;
    // The native module loads lazily: open a database to be sure it works on this Node.
    new loaded(':memory:').close();
    sqlite = loaded;
  } catch (error) {
    missing.push(`SQLite FTS5 skipped: better-sqlite3 could not be loaded (${firstLine(error)})`);
  }
  let flexsearchDir: string | null = null;
  try {
    // Its package.json is not exported: its main script is in dist/.
    flexsearchDir = dirname(dirname(realpathSync(require.resolve('flexsearch'))));
  } catch (error) {
    missing.push(`FlexSearch skipped: it could not be found (${firstLine(error)})`);
  }
  return { sqlite, flexsearchDir, missing };
}

function install(log: (line: string) => void, missing: string[]): void {
  log('installing the reference engines (npm install --prefix test/bench/refs; better-sqlite3 may build from source)…');
  // node-gyp builds against the headers of the Node that runs, instead of downloading them.
  const nodeDir = join(dirname(realpathSync(process.execPath)), '..');
  const env = { ...process.env, ...(existsSync(join(nodeDir, 'include', 'node', 'node.h')) ? { npm_config_nodedir: nodeDir } : {}) };
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['install', '--prefix', REFS_DIR, '--no-audit', '--no-fund', '--loglevel', 'error'], { env, stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) missing.push(`npm install --prefix test/bench/refs failed (${(result.stderr ?? '').trim().split('\n').at(-1) ?? result.error?.message ?? 'no output'})`);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
