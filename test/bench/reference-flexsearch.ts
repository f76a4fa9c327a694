// FlexSearch (a Document index in a worker thread) over the same notes: the reference for term and
// field queries, the kinds it answers the way we do (a word in any field, or in one field).
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import type { QueryKind } from './search-queries';
import { CORPUS_FIELDS, type CorpusNote } from './reference-corpus';
import { REFS_DIR } from './reference-engines';

export interface FlexSearchMeasurement {
  buildMs: number;
  query: Partial<Record<QueryKind, number[]>>;
}

const PAGE = 30;
const BATCH = 500;

export async function measureFlexSearch(flexsearchDir: string, notes: CorpusNote[], queries: Record<QueryKind, string[]>, rounds: number): Promise<FlexSearchMeasurement> {
  const worker = new Worker(join(REFS_DIR, 'flexsearch-worker.mjs'), { workerData: { flexsearchDir, fields: CORPUS_FIELDS }, execArgv: [] });
  let nextId = 0;
  const waiting = new Map<number, (reply: unknown) => void>();
  const ready = new Promise<void>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('message', (message: { id?: number; ready?: boolean }) => {
      if (message.ready) resolve();
      else if (message.id !== undefined) waiting.get(message.id)?.(message);
    });
  });
  const call = <T>(message: object): Promise<T> =>
    new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, (reply) => {
        waiting.delete(id);
        resolve(reply as T);
      });
      worker.postMessage({ ...message, id });
    });
  try {
    await ready;
    const started = performance.now();
    for (let at = 0; at < notes.length; at += BATCH) await call({ type: 'add', notes: notes.slice(at, at + BATCH) });
    const buildMs = performance.now() - started;
    const query: FlexSearchMeasurement['query'] = {};
    for (const kind of ['term', 'field'] as const) {
      const asked = queries[kind].map((text) => (kind === 'field' ? { field: text.split(':')[0], text: text.split(':')[1] } : { text }));
      let found = 0;
      for (const one of asked) found += (await call<{ hits: number }>({ type: 'query', limit: PAGE, ...one })).hits; // warm-up
      if (found === 0) throw new Error(`FlexSearch found nothing for the ${kind} queries: the reference is not searching what we search`);
      const times: number[] = [];
      for (let round = 0; round < rounds; round++) {
        for (const one of asked) {
          const before = performance.now();
          await call({ type: 'query', limit: PAGE, ...one });
          times.push(performance.now() - before);
        }
      }
      query[kind] = times;
    }
    return { buildMs, query };
  } finally {
    await worker.terminate();
  }
}
