// Token counts for "copy as context", against values checked by hand: each pinned count below is
// what both ai-tokenizer's claude encoding and Anthropic's own @anthropic-ai/tokenizer package
// give for the same text.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { claudeTokenCounter } from '../../electron/core/context/token-counter';
import { FIXTURES, ROOT } from '../support/paths';

const PINNED: Array<[string, number]> = [
  ['', 0],
  ['hello world!', 3],
  ['Copy as context', 3],
  ['const a = 1 < 2 && b;', 9],
  ['Fieldnotes keeps what your coding agents explain as Markdown notes.', 12],
  ['export function formatContext(notes: readonly ContextNote[], format: ContextFormat): string {', 18],
  ['émoji 🧪, CJK 漢字', 13],
];

const worker = claudeTokenCounter();
const inline = claudeTokenCounter({ thread: 'inline' });
afterAll(() => worker.close());

describe('the claude token counter', () => {
  it('counts known strings exactly, in a worker thread and on this one', async () => {
    const texts = PINNED.map(([text]) => text);
    expect(await worker.count(texts)).toEqual(PINNED.map(([, count]) => count));
    expect(await inline.count(texts)).toEqual(PINNED.map(([, count]) => count));
  });

  it('counts the two-note fixture bundles', async () => {
    const [xml, markdown] = await Promise.all(['two-notes.xml', 'two-notes.md'].map((name) => readFile(join(FIXTURES, 'context', name), 'utf8')));
    expect(await worker.count([xml!, markdown!])).toEqual([318, 273]);
  });

  it('counts text that quotes the encoding’s special tokens as ordinary text, without failing', async () => {
    expect(await worker.count(['a <EOT> b', 'x <META_START> y <META_END>'])).toEqual([6, 12]);
  });

  it('answers concurrent requests each with its own counts', async () => {
    const results = await Promise.all(PINNED.map(([text]) => worker.count([text, text])));
    expect(results).toEqual(PINNED.map(([, count]) => [count, count]));
  });

  it('counts on this thread when the worker cannot load the tokenizer, and says so', async () => {
    const logged: string[] = [];
    const broken = claudeTokenCounter({ modules: { library: '/nonexistent/ai-tokenizer.cjs', encoding: '/nonexistent/claude.cjs' }, log: (message) => logged.push(message) });
    expect(await broken.count(['hello world!'])).toEqual([3]);
    expect(logged).toEqual([expect.stringMatching(/worker thread could not start .*counting on the main thread/)]);
    expect(await broken.count(['Copy as context'])).toEqual([3]);
    await broken.close();
  });

  it('keeps no process alive while it loads or once it has answered', async () => {
    const child = join(ROOT, 'test', 'support', 'idle-token-counter.ts');
    // A process that does not exit is killed at the timeout, and the test fails.
    const run = async (mode: string) => (await promisify(execFile)(process.execPath, ['--import', 'tsx', child, mode], { cwd: ROOT, timeout: 25_000 })).stdout;
    expect(await Promise.all([run('warm'), run('count')])).toEqual(['warming\n', '3\n']);
  });
});
