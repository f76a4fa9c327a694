// `fieldnotes context --query` as a user pipes it: the notes that best match a search, bundled in
// rank order on stdout; the token count on stderr; a plain one-line error when nothing matches.
import { DOMParser } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ContextBundle } from '../../shared/contract/context';
import { claudeTokenCounter } from '../../electron/core/context/token-counter';
import { runFieldnotes } from '../support/fieldnotes-cli';
import { fixtureNotebook } from '../support/paths';
import { copyNotebook, tempDir } from '../support/temp';

const VITE_HOOKS = 'vite/2026-11-20-plugin-hook-order.md';
const KY_ROUTING = 'ky/2026-11-28-how-does-request-routing-work.md';
const KY_RETRIES = 'ky/2026-11-27-why-do-retries-stop.md';
let notebook: string;
let home: string;

const fieldnotes = (...args: string[]) => runFieldnotes(['--notebook', notebook, ...args], home);

/** The notes in an xml bundle, by path, in the order they were bundled. */
function sources(xml: string): string[] {
  const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement!;
  return Array.from(root.getElementsByTagName('source')).map((source) => source.textContent!);
}

// Both folders go when the file ends (test/support/vitest-setup.ts).
beforeAll(async () => {
  notebook = await copyNotebook(fixtureNotebook('basic'));
  home = await tempDir();
});

describe('fieldnotes context --query', () => {
  it('bundles the matching notes best first, as `fieldnotes search` ranks them, with the token count on stderr', async () => {
    const { code, stdout, stderr } = await fieldnotes('context', '--query', 'hooks');
    expect(code).toBe(0);
    // The vite note is about hooks; the ky note only mentions beforeRequest hooks once.
    expect(sources(stdout)).toEqual([VITE_HOOKS, KY_ROUTING]);
    const ranked = JSON.parse((await fieldnotes('--json', 'search', 'hooks')).stdout) as { hits: Array<{ path: string }> };
    expect(ranked.hits.map((hit) => hit.path)).toEqual(sources(stdout));

    const [tokens] = await claudeTokenCounter({ thread: 'inline' }).count([stdout]);
    expect(stderr).toBe(`≈ ${tokens!.toLocaleString('en-US')} tokens (claude tokenizer)\n`);
  });

  it('bundles at most --limit notes and says on stderr how many more matched', async () => {
    const { code, stdout, stderr } = await fieldnotes('context', '--query', 'retry', '--limit', '1');
    expect(code).toBe(0);
    expect(sources(stdout)).toEqual([KY_RETRIES]);
    expect(stderr).toContain('fieldnotes: bundled the best 1 of 2 matching notes (--limit for more)\n');
    // The retries note is a failed task: the warning still reaches stderr.
    expect(stderr).toMatch(new RegExp(`fieldnotes: ${KY_RETRIES}: the task behind this note failed`));
  });

  it('keeps to one repo with --repo, given by name or by the repo folder’s path', async () => {
    for (const repo of ['ky', '/home/me/src/ky']) {
      const { code, stdout } = await fieldnotes('context', '--query', 'hooks', '--repo', repo);
      expect(code).toBe(0);
      expect(sources(stdout)).toEqual([KY_ROUTING]);
    }
  });

  it('writes markdown with --format markdown, and the bundle as JSON with --json', async () => {
    const markdown = await fieldnotes('context', '--query', 'plugin', '--format', 'markdown');
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toMatch(/^## In what order do Vite plugin hooks run\?\n/);
    const json = await fieldnotes('--json', 'context', '--query', 'plugin', '--format', 'markdown');
    expect(JSON.parse(json.stdout) as ContextBundle).toMatchObject({ format: 'markdown', text: markdown.stdout, notes: [{ path: VITE_HOOKS }] });
    expect(json.stderr).toBe('');
  });

  it('prints nothing and exits 1 with one line pointing at `fieldnotes search` when nothing matches', async () => {
    const { code, stdout, stderr } = await fieldnotes('context', '--query', 'zeppelin', '--repo', 'ky');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('fieldnotes: No notes match “zeppelin” in ky, so nothing was printed. `fieldnotes search --repo ky zeppelin` shows what the notebook has.\n');
  });

  it('refuses note ids together with --query, and a --limit that is not a count', async () => {
    const both = await fieldnotes('context', '01JDZ8Q6X7M3N4P5R6S7T8V9W0', '--query', 'hooks');
    expect(both.code).toBe(1);
    expect(both.stdout).toBe('');
    expect(both.stderr).toMatch(/^error: give note ids or paths, or --query, not both\n/);

    const limit = await fieldnotes('context', '--query', 'hooks', '--limit', 'lots');
    expect(limit.code).toBe(1);
    expect(limit.stderr).toMatch(/^error: --limit: .*\(a whole number from 1 to 200\)\n/);

    const alone = await fieldnotes('context', '--limit', '3', '01JDZ8Q6X7M3N4P5R6S7T8V9W0');
    expect(alone.code).toBe(1);
    expect(alone.stderr).toMatch(/^error: --limit and --repo go with --query\n/);

    const nothing = await fieldnotes('context');
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toMatch(/^error: give the notes to bundle/);
  });

  it('is described in --help', async () => {
    const { stdout } = await fieldnotes('context', '--help');
    expect(stdout).toMatch(/Usage: fieldnotes context \[options\] \[notes\.\.\.\]/);
    expect(stdout).toMatch(/-q, --query <search>/);
    expect(stdout).toMatch(/-n, --limit <n>/);
    expect(stdout).toMatch(/--repo <repo>/);
  });
});
