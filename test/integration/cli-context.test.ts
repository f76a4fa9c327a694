// `fieldnotes context` as a user pipes it: real processes, stdout exactly the bundle, the token
// count and warnings on stderr, errors with a non-zero exit.
import { DOMParser } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ContextBundle } from '../../shared/contract/context';
import { claudeTokenCounter } from '../../electron/core/context/token-counter';
import { runFieldnotes } from '../support/fieldnotes-cli';
import { fixtureNotebook } from '../support/paths';
import { copyNotebook, tempDir } from '../support/temp';

const ROUTING = '01JDZ8Q6X7M3N4P5R6S7T8V9W0';
const RETRIES_PATH = 'ky/2026-11-27-why-do-retries-stop.md';
let notebook: string;
let home: string;

// Both folders go when the file ends (test/support/vitest-setup.ts).
beforeAll(async () => {
  notebook = await copyNotebook(fixtureNotebook('basic'));
  home = await tempDir();
});

const fieldnotes = (...args: string[]) => runFieldnotes(['--notebook', notebook, ...args], home);

describe('fieldnotes context', () => {
  it('prints exactly the xml bundle on stdout, and the token count and warnings on stderr', async () => {
    const { code, stdout, stderr } = await fieldnotes('context', ROUTING, RETRIES_PATH);
    expect(code).toBe(0);
    const root = new DOMParser().parseFromString(stdout, 'text/xml').documentElement!;
    expect(Array.from(root.getElementsByTagName('source')).map((source) => source.textContent)).toEqual([
      'ky/2026-11-28-how-does-request-routing-work.md',
      RETRIES_PATH,
    ]);
    expect(stdout).toMatch(/^<documents>\n[\s\S]*<\/documents>\n$/);
    const tokenizer = claudeTokenCounter({ thread: 'inline' });
    const [tokens] = await tokenizer.count([stdout]);
    const lines = stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`≈ ${tokens!.toLocaleString('en-US')} tokens (claude tokenizer)`);
    expect(lines.slice(1)).toEqual([expect.stringMatching(new RegExp(`^fieldnotes: ${RETRIES_PATH}: the task behind this note failed`))]);
  });

  it('prints markdown with --format markdown, and the same bundle as JSON with --json', async () => {
    const markdown = await fieldnotes('context', '--format', 'markdown', ROUTING);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toMatch(/^## How does ky turn a call into a fetch request\?\n/);
    const json = await fieldnotes('--json', 'context', '--format', 'markdown', ROUTING);
    const bundle = JSON.parse(json.stdout) as ContextBundle;
    expect(bundle).toMatchObject({ format: 'markdown', tokenizer: 'claude', text: markdown.stdout, notes: [{ id: ROUTING, warnings: [] }] });
    expect(markdown.stderr).toBe(`≈ ${bundle.tokens.toLocaleString('en-US')} tokens (claude tokenizer)\n`);
    expect(json.stderr).toBe('');
  });

  it('trims to --max-tokens, leaving notes out or keeping their summaries, and says so on stderr', async () => {
    const whole = JSON.parse((await fieldnotes('--json', 'context', ROUTING, RETRIES_PATH)).stdout) as ContextBundle;
    const [routing, retries] = whole.notes.map((note) => note.tokens) as [number, number];
    const budget = String(Math.max(routing, retries) + 20);
    const { code, stdout, stderr } = await fieldnotes('context', '--max-tokens', budget, ROUTING, RETRIES_PATH);
    expect(code).toBe(0);
    const tokenizer = claudeTokenCounter({ thread: 'inline' });
    const [tokens] = await tokenizer.count([stdout]);
    expect(tokens).toBeLessThanOrEqual(Number(budget));
    expect(stderr).toMatch(new RegExp(`fieldnotes: left out .* tokens\\), to stay within ${Number(budget).toLocaleString('en-US')} tokens`));

    const summaries = await fieldnotes('--json', 'context', '--max-tokens', budget, '--trim', 'summaries', ROUTING, RETRIES_PATH);
    expect(summaries.code).toBe(0);
    const trimmed = JSON.parse(summaries.stdout) as ContextBundle;
    expect(trimmed.notes).toHaveLength(2);
    expect(trimmed.trimmed!.summarized.length).toBeGreaterThan(0);
    expect(trimmed.text).toContain('Summary and citations only');

    const bad = await fieldnotes('context', '--max-tokens', 'lots', ROUTING);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--max-tokens wants a whole number of tokens');
    const alone = await fieldnotes('context', '--trim', 'summaries', ROUTING);
    expect(alone.stderr).toContain('--trim goes with --max-tokens');
  });

  it('names every note it cannot find, prints nothing on stdout, and exits non-zero', async () => {
    const { code, stdout, stderr } = await fieldnotes('context', ROUTING, '01JNOTANOTE000000000000000', 'ky/missing.md');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('No note with id 01JNOTANOTE000000000000000');
    expect(stderr).toContain('ky/missing.md');
    expect(stderr).toMatch(/fieldnotes: 2 notes were not found \(see above\), so nothing was printed\./);
  });

  it('refuses an unknown format', async () => {
    const { code, stdout, stderr } = await fieldnotes('context', '--format', 'html', ROUTING);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/Allowed choices are xml, markdown/);
  });
});

