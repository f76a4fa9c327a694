// SQLite FTS5 (through better-sqlite3) over the same notes: the yardstick for a full-text index.
// One table with the search fields as columns (porter stemming, like ours), queried for the app's
// page: the best 30 by bm25 rank, each with a body snippet.
import { spawn } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { QueryKind } from './search-queries';
import { CORPUS_FIELDS, type CorpusNote } from './reference-corpus';
import { REFS_DIR, type Sqlite, type SqliteDatabase } from './reference-engines';
import { median } from './stats';

export interface Fts5Measurement {
  buildMs: number;
  bytes: number;
  /** A new process opening the database to its first query's rows (median of a few starts). */
  firstResultsMs: number;
  /** Per kind the query latencies (ms), or null where FTS5 has no such query (fuzzy). */
  query: Record<QueryKind, number[] | null>;
  newNoteMs: number[];
}

const PAGE = 30;
const STARTS = 5;
const BODY = CORPUS_FIELDS.indexOf('body');

/** The FTS5 query for one of the bench's queries, or null when FTS5 cannot ask it. */
export function fts5Query(kind: QueryKind, text: string): string | null {
  switch (kind) {
    case 'term':
      return `"${text}"`;
    case 'two terms':
      return text.split(' ').map((word) => `"${word}"`).join(' OR ');
    case 'prefix':
      return `"${text.replace(/\*$/, '')}" *`;
    case 'fuzzy':
      return null;
    case 'field': {
      const [field, word] = text.split(':') as [string, string];
      return `${field} : "${word}"`;
    }
  }
}

export async function measureFts5(sqlite: Sqlite, notes: CorpusNote[], dir: string, queries: Record<QueryKind, string[]>, rounds: number): Promise<Fts5Measurement> {
  const file = join(dir, 'fts5.sqlite');
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  const started = performance.now();
  const db = new sqlite(file);
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE VIRTUAL TABLE notes USING fts5(path UNINDEXED, ${CORPUS_FIELDS.join(', ')}, tokenize = 'porter unicode61')`);
  const insert = db.prepare(`INSERT INTO notes (path, ${CORPUS_FIELDS.join(', ')}) VALUES (?, ${CORPUS_FIELDS.map(() => '?').join(', ')})`);
  db.transaction(() => {
    for (const note of notes) insert.run(note.path, ...note.fields);
  })();
  db.exec("INSERT INTO notes(notes) VALUES ('optimize')");
  db.pragma('wal_checkpoint(TRUNCATE)');
  const buildMs = performance.now() - started;
  const bytes = statSync(file).size;

  const page = pageStatement(db);
  const query = {} as Fts5Measurement['query'];
  for (const [kind, texts] of Object.entries(queries) as Array<[QueryKind, string[]]>) {
    const asked = texts.map((text) => fts5Query(kind, text));
    if (asked.some((text) => text === null)) {
      query[kind] = null;
      continue;
    }
    for (const text of asked) page.all(text); // warm-up
    const times: number[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const text of asked) {
        const before = performance.now();
        page.all(text);
        times.push(performance.now() - before);
      }
    }
    query[kind] = times;
  }

  const newNoteMs: number[] = [];
  for (let i = 0; i < 10; i++) {
    const word = `benchprobe${Date.now().toString(36)}${i}`;
    const before = performance.now();
    insert.run(`bench-new/probe-${i}.md`, `Probe ${i}`, '', '', '', `The ${word} appears here.`);
    if (page.all(`"${word}"`).length === 0) throw new Error('FTS5 did not find the note just inserted');
    newNoteMs.push(performance.now() - before);
  }
  db.exec("DELETE FROM notes WHERE path LIKE 'bench-new/%'");
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();

  const starts: number[] = [];
  for (let run = 0; run < STARTS; run++) starts.push(await timeFirstQuery(file, '"request"'));
  return { buildMs, bytes, firstResultsMs: median(starts), query, newNoteMs };
}

function pageStatement(db: SqliteDatabase) {
  return db.prepare(`SELECT path, title, snippet(notes, ${BODY + 1}, '<mark>', '</mark>', '…', 24) AS snippet FROM notes WHERE notes MATCH ? ORDER BY rank LIMIT ${PAGE}`);
}

/** A new Node process opening the database and printing its first page of results: spawn to exit. */
function timeFirstQuery(file: string, match: string): Promise<number> {
  const script = `const D = require('better-sqlite3'); const db = new D(process.argv[1], { readonly: true });
const rows = db.prepare("SELECT path, snippet(notes, ${BODY + 1}, '', '', '…', 24) FROM notes WHERE notes MATCH ? ORDER BY rank LIMIT ${PAGE}").all(process.argv[2]);
if (rows.length === 0) process.exit(1);`;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['-e', script, file, match], { cwd: REFS_DIR, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`the FTS5 first query exited with ${code}`))));
  });
}
