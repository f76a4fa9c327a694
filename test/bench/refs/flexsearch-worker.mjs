// FlexSearch in a worker thread, as the bench's reference for term and field queries: it takes the
// notes in batches, then answers queries; each reply crosses the thread as ours does.
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const { default: FlexSearch } = await import(pathToFileURL(join(workerData.flexsearchDir, 'dist', 'flexsearch.bundle.module.min.mjs')).href);
const fields = workerData.fields;
const index = new FlexSearch.Document({ document: { id: 'id', index: fields, store: ['path', 'title'] } });
let next = 0;

parentPort.on('message', (message) => {
  if (message.type === 'add') {
    for (const note of message.notes) {
      const document = { id: next++, path: note.path, title: note.title };
      note.fields.forEach((text, i) => (document[fields[i]] = text));
      index.add(document);
    }
    parentPort.postMessage({ id: message.id, count: next });
  } else if (message.type === 'query') {
    const options = { limit: message.limit, merge: true, enrich: true, ...(message.field ? { index: message.field } : {}) };
    const hits = index.search(message.text, options).map((hit) => ({ path: hit.doc?.path, title: hit.doc?.title }));
    parentPort.postMessage({ id: message.id, hits: hits.length });
  } else if (message.type === 'stats') {
    parentPort.postMessage({ id: message.id, rss: process.memoryUsage().rss });
  }
});
parentPort.postMessage({ ready: true });
