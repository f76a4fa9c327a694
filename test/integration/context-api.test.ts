// "Copy as context" through the contract's dispatch gate, as the UI calls it: bundles, estimates,
// the per-note count cache, the clipboard port, errors, and staleness against real git repos.
import { DOMParser } from '@xmldom/xmldom';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContextBundle, ContextEstimate } from '../../shared/contract/context';
import type { NoteStaleness } from '../../shared/contract/notes';
import type { NewNote, Note } from '../../shared/model/note';
import { createApi, type Engine } from '../../electron/core/api';
import { claudeTokenCounter, type TokenCounter } from '../../electron/core/context/token-counter';
import { dispatch } from '../../electron/core/dispatch';
import { blobHashes } from '../../electron/core/repos/blob-hashes';
import { gitIn, makeRepo } from '../support/git-repo';
import { removeDir, tempDir } from '../support/temp';

const tokenizer = claudeTokenCounter();
afterAll(() => tokenizer.close());

let home: string;
let engine: Engine;
let clipboard: string[];
/** Every text the engine asked the tokenizer to count, in order. */
let counted: string[];

const counting: TokenCounter = {
  name: tokenizer.name,
  count: (texts) => {
    counted.push(...texts);
    return tokenizer.count(texts);
  },
  warm: () => undefined,
  close: async () => undefined,
};

async function call<T = never>(method: string, input: unknown = {}): Promise<T> {
  const result = await dispatch(engine.handlers, method, input, { validateOutput: true });
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value as T;
}

const create = (note: NewNote) => call<Note>('notes.create', note);

beforeEach(async () => {
  home = await tempDir();
  clipboard = [];
  counted = [];
  engine = await createApi({
    app: { name: 'Fieldnotes', version: 'test' },
    transport: 'ipc',
    notebook: join(home, 'Notes'),
    defaultNotebook: join(home, 'Default'),
    ports: { openPath: async () => undefined, revealPath: async () => undefined, copyText: async (text) => void clipboard.push(text) },
    watch: false,
    tokens: counting,
    log: () => undefined,
  });
});
afterEach(async () => {
  await engine.close();
  await removeDir(home);
});

function documents(xml: string) {
  const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement!;
  return Array.from(root.getElementsByTagName('document')).map((doc) => ({
    index: doc.getAttribute('index'),
    source: doc.getElementsByTagName('source')[0]!.textContent,
    content: doc.getElementsByTagName('document_content')[0]!.textContent!,
  }));
}

describe('context.build', () => {
  it('bundles notes in the order given, counted exactly, with a warning on a failed note', async () => {
    const routing = await create({ title: 'How does routing work?', repo: { name: 'app' }, body: 'Routes live in `src/router.ts`.\n' });
    const failed = await create({ title: 'Why do retries stop?', status: 'failed', error: 'HTTP 500', body: 'Partial.\n' });
    const bundle = await call<ContextBundle>('context.build', { ids: [failed.summary.id, routing.summary.id] });
    expect(bundle.format).toBe('xml');
    expect(bundle.tokenizer).toBe('claude');
    expect(documents(bundle.text).map((doc) => [doc.index, doc.source])).toEqual([
      ['1', failed.summary.path],
      ['2', routing.summary.path],
    ]);
    expect(bundle.tokens).toBe((await tokenizer.count([bundle.text]))[0]);
    expect(bundle.notes.map((note) => note.id)).toEqual([failed.summary.id, routing.summary.id]);
    expect(bundle.notes[0]!.warnings).toEqual([expect.stringMatching(/^Warning: the task behind this note failed.*Error: HTTP 500$/)]);
    expect(bundle.notes[1]!.warnings).toEqual([]);
    expect(bundle.text).toContain('Warning: the task behind this note failed');
  });

  it('writes markdown with a heading per note, and lists a repeated id once', async () => {
    const note = await create({ title: 'Fences', body: 'Look:\n\n```ts\ncode\n```\n' });
    const bundle = await call<ContextBundle>('context.build', { ids: [note.summary.id, note.summary.id], format: 'markdown' });
    expect(bundle.notes).toHaveLength(1);
    expect(bundle.text).toMatch(/^## Fences\n/);
    expect(bundle.text).toContain('````markdown\nLook:\n\n```ts\ncode\n```\n````');
    expect(bundle.tokens).toBe(bundle.notes[0]!.tokens);
  });

  it('counts a note that quotes the tokenizer’s special tokens', async () => {
    const note = await create({ title: 'Special tokens', body: 'The model saw <EOT> and <META_START>.\n' });
    const bundle = await call<ContextBundle>('context.build', { ids: [note.summary.id] });
    expect(bundle.tokens).toBeGreaterThan(10);
  });

  it('names every missing id in one error, and refuses an empty selection', async () => {
    const note = await create({ title: 'Here' });
    await expect(call('context.build', { ids: [note.summary.id, '01JMISSING0000000000000000', 'nope'] })).rejects.toMatchObject({
      code: 'NOTE_NOT_FOUND',
      message: 'No notes with the ids 01JMISSING0000000000000000, nope in this notebook: they were deleted or moved, or the ids are mistyped. Choose the notes again.',
    });
    await expect(call('context.estimate', { ids: ['nope'] })).rejects.toMatchObject({ code: 'NOTE_NOT_FOUND', message: expect.stringMatching(/^No note with id nope in this notebook/) });
    await expect(call('context.build', { ids: [] })).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/Choose at least one note/) });
    await expect(call('context.build', { ids: [note.summary.id], format: 'html' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });
});

describe('context.build with a budget', () => {
  /** A long note with a summary section and citations, and a short one. */
  async function notes() {
    const long = await create({
      title: 'How does routing work?',
      body: `## Summary\n\nRoutes are matched in \`src/router.ts:40-52\`, longest prefix first.\n\n## Details\n\n${'The matcher walks every segment of the path and compares it. '.repeat(300)}\n\nSee \`src/match.ts:10\` too.\n`,
    });
    const medium = await create({ title: 'Why do retries stop?', body: `Retries stop after \`limit\` attempts, see \`source/core/Ky.ts:120\`.\n\n${'Backoff doubles each time and is capped at the retry limit. '.repeat(200)}\n` });
    const short = await create({ title: 'Where are hooks?', body: 'Hooks live in `source/core/hooks.ts`.\n' });
    return [long, medium, short].map((note) => note.summary.id);
  }

  it('leaves notes out, last first and skipping one too big, until the exact count fits, and says which', async () => {
    const ids = await notes();
    const whole = await call<ContextEstimate>('context.estimate', { ids });
    const [longTokens, mediumTokens, shortTokens] = whole.notes.map((note) => note.tokens) as [number, number, number];
    // Room for the medium and short notes but not the long one, which comes first.
    const bundle = await call<ContextBundle>('context.build', { ids, budget: { maxTokens: mediumTokens + shortTokens + 5 } });
    expect(bundle.tokens).toBeLessThanOrEqual(mediumTokens + shortTokens + 5);
    expect(bundle.tokens).toBe((await tokenizer.count([bundle.text]))[0]);
    expect(bundle.notes.map((note) => note.id)).toEqual([ids[1], ids[2]]);
    expect(bundle.trimmed).toEqual({ maxTokens: mediumTokens + shortTokens + 5, trim: 'leave-out', leftOut: [{ id: ids[0], title: 'How does routing work?', tokens: longTokens }], summarized: [] });
    expect(documents(bundle.text)).toHaveLength(2);

    const roomy = await call<ContextBundle>('context.build', { ids, budget: { maxTokens: 200_000 } });
    expect(roomy.trimmed).toMatchObject({ leftOut: [], summarized: [] });
    expect(roomy.text).toBe((await call<ContextBundle>('context.build', { ids })).text);
  });

  it('keeps only the summary and citations of notes, last first, before leaving any out', async () => {
    const ids = await notes();
    const whole = await call<ContextEstimate>('context.estimate', { ids });
    const [longTokens, mediumTokens] = whole.notes.map((note) => note.tokens) as [number, number, number];
    const maxTokens = longTokens + 300;
    const bundle = await call<ContextBundle>('context.build', { ids, budget: { maxTokens, trim: 'summaries' } });
    expect(bundle.tokens).toBeLessThanOrEqual(maxTokens);
    expect(bundle.notes.map((note) => note.id)).toEqual(ids);
    expect(bundle.trimmed).toMatchObject({ trim: 'summaries', leftOut: [], summarized: [ids[1]] });
    expect(bundle.notes[1]!.tokens).toBeLessThan(mediumTokens / 10);
    const [, medium] = documents(bundle.text);
    expect(medium!.content).toContain('Summary and citations only');
    expect(medium!.content).toContain('Retries stop after `limit` attempts');
    expect(medium!.content).toContain('- `source/core/Ky.ts:120`');
    expect(medium!.content).not.toContain('Backoff doubles');

    const tight = await call<ContextBundle>('context.build', { ids, budget: { maxTokens: 400, trim: 'summaries' } });
    expect(tight.trimmed!.summarized).toContain(ids[0]);
    const [long] = documents(tight.text);
    expect(long!.content).toContain('Routes are matched in `src/router.ts:40-52`');
    expect(long!.content).toContain('- `src/match.ts:10`');
    expect(tight.tokens).toBeLessThanOrEqual(400);
  });

  it('says how big the budget must be when no note fits, and refuses a budget under 100', async () => {
    const ids = await notes();
    await expect(call('context.build', { ids: [ids[0]], budget: { maxTokens: 150 } })).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringMatching(/^None of the notes fits in 150 tokens: the smallest takes [\d,]+\. Raise the budget to at least [\d,]+, keep only summaries, or choose other notes\.$/),
    });
    await expect(call('context.build', { ids, budget: { maxTokens: 10 } })).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/under 100 tokens/) });
  });

  it('copies the trimmed bundle and reports what was left out', async () => {
    const ids = await notes();
    const facts = await call<ContextEstimate>('context.copy', { ids, budget: { maxTokens: 500 } });
    expect(facts.trimmed!.leftOut.map((note) => note.id)).toEqual([ids[0], ids[1]]);
    expect(clipboard).toHaveLength(1);
    expect(documents(clipboard[0]!)).toHaveLength(1);
  });
});

describe('context.estimate', () => {
  it('matches the exact count for one note, and is within a token per note for a bundle', async () => {
    const notes = await Promise.all(['One', 'Two', 'Three'].map((title, i) => create({ title, body: `${title} says ${'something '.repeat(20 * (i + 1))}\n` })));
    const ids = notes.map((note) => note.summary.id);
    for (const format of ['xml', 'markdown']) {
      const single = await call<ContextEstimate>('context.estimate', { ids: ids.slice(0, 1), format });
      expect(single.tokens).toBe((await call<ContextBundle>('context.build', { ids: ids.slice(0, 1), format })).tokens);
      const estimate = await call<ContextEstimate>('context.estimate', { ids, format });
      const exact = (await call<ContextBundle>('context.build', { ids, format })).tokens;
      expect(Math.abs(estimate.tokens - exact)).toBeLessThanOrEqual(ids.length);
      expect(estimate.notes.map((note) => note.tokens)).toEqual((await call<ContextBundle>('context.build', { ids, format })).notes.map((note) => note.tokens));
    }
  });

  it('counts each note once, and counts a note again only when it changed', async () => {
    const a = await create({ title: 'A', body: 'First body.\n' });
    const b = await create({ title: 'B', body: 'Second body.\n' });
    const ids = [a.summary.id, b.summary.id];
    const first = await call<ContextEstimate>('context.estimate', { ids });
    expect(counted.filter((text) => /First body|Second body/.test(text))).toHaveLength(2);
    counted = [];
    expect(await call<ContextEstimate>('context.estimate', { ids })).toEqual(first);
    expect(counted).toEqual([]);

    await call('notes.update', { id: b.summary.id, body: 'Second body, now much longer than it was before the edit.\n' });
    const after = await call<ContextEstimate>('context.estimate', { ids });
    expect(counted).toHaveLength(1);
    expect(counted[0]).toContain('now much longer');
    expect(after.notes[0]!.tokens).toBe(first.notes[0]!.tokens);
    expect(after.notes[1]!.tokens).toBeGreaterThan(first.notes[1]!.tokens);
    expect(after.tokens - first.tokens).toBe(after.notes[1]!.tokens - first.notes[1]!.tokens);
  });
});

describe('context.copy', () => {
  it('puts the exact bundle on the clipboard port and reports the count', async () => {
    const note = await create({ title: 'Copy me', body: 'Body.\n' });
    const copied = await call<ContextEstimate>('context.copy', { ids: [note.summary.id], format: 'markdown' });
    const built = await call<ContextBundle>('context.build', { ids: [note.summary.id], format: 'markdown' });
    expect(clipboard).toEqual([built.text]);
    expect(copied).toEqual({ format: 'markdown', tokens: built.tokens, tokenizer: 'claude', notes: built.notes });
  });

  it('is refused where the engine has no clipboard (browser mode)', async () => {
    const browser = await createApi({ app: { name: 'Fieldnotes', version: 'test' }, transport: 'http', notebook: join(home, 'Notes'), defaultNotebook: join(home, 'Default'), ports: { openPath: async () => undefined, revealPath: async () => undefined }, watch: false, tokens: counting, log: () => undefined });
    try {
      const note = await browser.notebooks.require().create({ title: 'No clipboard' });
      const result = await dispatch(browser.handlers, 'context.copy', { ids: [note.summary.id] });
      expect(result).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED', message: expect.stringMatching(/only .* in the desktop app/) } });
    } finally {
      await browser.close();
    }
  });
});

describe('staleness', () => {
  /** A repo with two source files, and a note pinned to its HEAD. */
  async function pinnedNote(files: Record<string, string> = { 'src/a.ts': 'a\n', 'src/b.ts': 'b\n', 'README.md': 'read me\n' }) {
    const repo = await makeRepo(files);
    const commit = gitIn(repo, 'rev-parse', 'HEAD').trim();
    const blobs = await blobHashes(repo, commit, ['src/a.ts', 'src/b.ts']);
    const note = await create({
      title: 'How do a and b work?',
      repo: { name: 'fixture-repo', path: repo, commit },
      sources: [...blobs].map(([path, blob]) => ({ path, blob })),
      body: 'They add.\n',
    });
    return { repo, commit, note };
  }

  const commitAll = (repo: string, message: string) => {
    gitIn(repo, 'add', '-A');
    gitIn(repo, 'commit', '-q', '-m', message);
    return gitIn(repo, 'rev-parse', 'HEAD').trim();
  };

  it('is not stale at its own commit, nor when only other files changed', async () => {
    const { repo, note } = await pinnedNote();
    expect(await call<NoteStaleness>('notes.staleness', { id: note.summary.id })).toEqual({ stale: false, changed: [] });
    await writeFile(join(repo, 'README.md'), 'read me again\n');
    commitAll(repo, 'docs');
    expect(await call<NoteStaleness>('notes.staleness', { id: note.summary.id })).toEqual({ stale: false, changed: [] });
    const bundle = await call<ContextBundle>('context.build', { ids: [note.summary.id] });
    expect(bundle.notes[0]!.warnings).toEqual([]);
  });

  it('is stale once a source file changed in a later commit, and the bundle says so', async () => {
    const { repo, commit, note } = await pinnedNote();
    await writeFile(join(repo, 'src', 'b.ts'), 'b changed\n');
    const head = commitAll(repo, 'change b');
    const reason = `1 of 2 source files changed since ${commit.slice(0, 7)} (now ${head.slice(0, 7)})`;
    expect(await call<NoteStaleness>('notes.staleness', { id: note.summary.id })).toEqual({ stale: true, reason, changed: ['src/b.ts'] });
    const bundle = await call<ContextBundle>('context.build', { ids: [note.summary.id] });
    expect(bundle.notes[0]!.warnings).toEqual([`Warning: this note may be stale: ${reason}`]);
    expect(documents(bundle.text)[0]!.content).toContain(`Warning: this note may be stale: ${reason}`);
    // A source removed at HEAD counts as changed too.
    await rm(join(repo, 'src', 'a.ts'));
    const later = commitAll(repo, 'remove a');
    expect(await call<NoteStaleness>('notes.staleness', { id: note.summary.id })).toMatchObject({ stale: true, reason: `2 of 2 source files changed since ${commit.slice(0, 7)} (now ${later.slice(0, 7)})` });
  });

  it('gives no verdict when the repo folder is gone or is not a git repository', async () => {
    const { repo, note } = await pinnedNote();
    await writeFile(join(repo, 'src', 'b.ts'), 'b changed\n');
    commitAll(repo, 'change b');
    await rm(join(repo, '.git'), { recursive: true, force: true });
    expect(await call<NoteStaleness>('notes.staleness', { id: note.summary.id })).toEqual({ stale: false, changed: [] });
    await removeDir(repo);
    expect(await call<NoteStaleness>('notes.staleness', { id: note.summary.id })).toEqual({ stale: false, changed: [] });
    expect((await call<ContextEstimate>('context.estimate', { ids: [note.summary.id] })).notes[0]!.warnings).toEqual([]);
  });

  it('checks notes of the same repo together', async () => {
    const { repo, note } = await pinnedNote();
    const commit = gitIn(repo, 'rev-parse', 'HEAD').trim();
    const other = await create({ title: 'Other', repo: { name: 'fixture-repo', path: repo, commit }, sources: [{ path: 'README.md', blob: (await blobHashes(repo, commit, ['README.md'])).get('README.md')! }] });
    await writeFile(join(repo, 'README.md'), 'new\n');
    commitAll(repo, 'docs');
    const estimate = await call<ContextEstimate>('context.estimate', { ids: [note.summary.id, other.summary.id] });
    expect(estimate.notes.map((n) => n.warnings.length)).toEqual([0, 1]);
    expect(estimate.notes[1]!.warnings[0]).toMatch(/1 of 1 source file changed since/);
  });
});
