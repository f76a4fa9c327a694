// What the Codex adapter hands the CLI so its sandbox helper (codex-linux-sandbox) can be made,
// and how it tells the user when Codex's sandbox kept every command from running.
import { describe, expect, it } from 'vitest';
import { codex } from '../../../electron/core/agents/codex';

const run = (env: Record<string, string | undefined>) => codex.buildRun({ mode: 'explain', cwd: '/work/repo', prompt: 'Why?', env }).env;

describe('Codex run environment', () => {
  it('gives a run whose CODEX_HOME lies inside the temporary folder a TMPDIR inside CODEX_HOME', () => {
    expect(run({ CODEX_HOME: '/tmp/me/codex', HOME: '/home/me' }).TMPDIR).toBe('/tmp/me/codex/tmp');
    expect(run({ CODEX_HOME: '/var/tmp/x/.codex', TMPDIR: '/var/tmp' }).TMPDIR).toBe('/var/tmp/x/.codex/tmp');
    expect(run({ HOME: '/tmp/home' }).TMPDIR).toBe('/tmp/home/.codex/tmp');
  });

  it('leaves every other environment as the user has it', () => {
    const env = { CODEX_HOME: '/home/me/.codex', TMPDIR: '/tmp', PATH: '/usr/bin' };
    expect(run(env)).toBe(env);
    expect(run({ HOME: '/home/me' }).TMPDIR).toBeUndefined();
    expect(run({ CODEX_HOME: '/tmp-other/codex' }).TMPDIR).toBeUndefined();
  });
});

describe('Codex sandbox verdict', () => {
  const verdict = (stderr: string, events: Parameters<typeof codex.verdict>[0]['events'] = []) =>
    codex.verdict({ exitCode: 0, signal: null, events: [...events, { type: 'result', ok: true }], answered: true, stderr });

  it('names the missing helper and the fix when Codex could not make it', () => {
    const problem = verdict('WARNING: proceeding, even though we could not create PATH aliases: Refusing to create helper binaries under temporary dir "/tmp"\n');
    expect(problem).toMatchObject({ ok: true, sandbox: expect.stringMatching(/^Codex could not make its sandbox helper codex-linux-sandbox \(Refusing .*"\/tmp"\).*To fix it/) });
  });

  it('says bubblewrap could not start when a command fails in bwrap itself', () => {
    const problem = verdict('', [{ type: 'tool_result', ok: false, summary: 'bwrap: No permissions to create a new namespace' }]);
    expect(problem.sandbox).toMatch(/bubblewrap\) could not start.*user namespaces/);
  });

  it('says nothing of the sandbox when commands ran', () => {
    expect(verdict('', [{ type: 'tool_result', ok: false, summary: 'cat: missing.md: No such file or directory' }]).sandbox).toBeUndefined();
  });
});
