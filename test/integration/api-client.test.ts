// The in-process client the command line (and next an MCP server) uses: the same gate as the IPC
// and HTTP adapters, over a real engine on a real notebook folder. And the rule that keeps it the
// one road: no command of the command line reaches past the contract into the engine's classes.
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract/errors';
import { createApi, type Engine } from '../../electron/core/api';
import { inProcessClient, type InProcessApi } from '../../electron/core/api-client';
import { writeNote } from '../support/search-notes';
import { removeDir, tempDir } from '../support/temp';

let notebook: string;
let outside: string;
let engine: Engine;
let api: InProcessApi;

beforeEach(async () => {
  notebook = await tempDir('fieldnotes-client-');
  outside = await tempDir('fieldnotes-import-');
  await writeNote(notebook, 'ky/retries.md', { title: 'Why do retries stop?', body: 'Retries stop after a 413.', repo: 'ky' });
  engine = await createApi({ app: { name: 'Fieldnotes', version: '0.0.0' }, transport: 'http', notebook, defaultNotebook: notebook, watch: false, search: 'on-demand' });
  api = inProcessClient(engine, { validateOutput: true });
});

afterEach(async () => {
  await engine.close();
  await removeDir(notebook);
  await removeDir(outside);
});

describe('the in-process client', () => {
  it('answers each method by namespace, within the contract', async () => {
    const { notes } = await api.notes.list();
    expect(notes.map((note) => note.path)).toEqual(['ky/retries.md']);
    expect((await api.app.info()).notebook?.name).toBe(notebook.split('/').pop());
  });

  it('checks input with the contract’s schemas, as the IPC and HTTP adapters do', async () => {
    // Typed out of the way on purpose: a caller that skips the types still meets the schema.
    const error = await (api.search.query as (input: unknown) => Promise<unknown>)({ query: 'x', limit: 5000 }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/limit/) });
  });

  it('throws the engine’s ApiError with its code and message', async () => {
    await expect(api.notes.get({ id: '01JDZ8Q6X7M3N4P5R6S7T8V9W0' })).rejects.toMatchObject({ code: 'NOTE_NOT_FOUND' });
  });

  it('delivers push events and stops when unsubscribed', async () => {
    const seen: string[] = [];
    const off = api.on('search.progress', (status) => seen.push(status.state));
    await api.search.status({ wait: true });
    off();
    const count = seen.length;
    await api.search.reindex({ wait: true });
    expect(seen).toContain('ready');
    expect(seen.length).toBe(count);
  });
});

describe('methods the command line needed', () => {
  it('notes.find takes an id, a path in the notebook, or a file path relative to cwd', async () => {
    const [summary] = (await api.notes.list()).notes;
    expect((await api.notes.find({ ref: summary!.id })).summary.path).toBe('ky/retries.md');
    expect((await api.notes.find({ ref: 'ky/retries.md' })).summary.id).toBe(summary!.id);
    expect((await api.notes.find({ ref: 'retries.md', cwd: join(notebook, 'ky') })).summary.id).toBe(summary!.id);
    await expect(api.notes.find({ ref: '/etc/passwd' })).rejects.toBeInstanceOf(ApiError);
  });

  it('notes.import copies a folder of Markdown in and refuses a relative folder', async () => {
    await mkdir(join(outside, 'sub'));
    await writeFile(join(outside, 'sub', 'idea.md'), '# An idea\n\nPlain Markdown.\n');
    const report = await api.notes.import({ folder: outside, repo: 'ideas' });
    expect(report.imported.map((entry) => entry.from)).toEqual(['sub/idea.md']);
    expect(await readdir(join(notebook, 'ideas'))).toHaveLength(1);
    await expect(api.notes.import({ folder: 'relative/folder' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });

  it('search.status with wait answers once every note is indexed; search.reindex with wait says the index’s size', async () => {
    const status = await api.search.status({ wait: true });
    expect(status).toMatchObject({ state: 'ready', notes: 1 });
    const rebuilt = await api.search.reindex({ wait: true });
    expect(rebuilt).toMatchObject({ state: 'ready', notes: 1 });
    expect(rebuilt.indexBytes).toBeGreaterThan(0);
  });
});

describe('the command line', () => {
  it('reaches the engine only through the in-process client: no command imports a domain class', async () => {
    const root = join(import.meta.dirname, '..', '..', 'electron', 'cli');
    const files = (await readdir(root, { recursive: true })).filter((file) => file.endsWith('.ts'));
    const reaching: string[] = [];
    for (const file of files) {
      const text = await readFile(join(root, file), 'utf8');
      for (const [, target] of text.matchAll(/(?:from|import\()\s*'([^']+)'/g)) {
        // The agent registry is allowed: `ask --help` names the agents' ids from it (facts, no engine).
        if (/core\/agents\/registry$/.test(target!)) continue;
        if (/core\/(notebook|search|context|tasks|agents|repos)\//.test(target!)) reaching.push(`${file} → ${target}`);
      }
    }
    expect(reaching).toEqual([]);
  });
});
