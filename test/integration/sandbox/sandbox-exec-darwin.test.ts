// macOS only: the writer agent run for real under `sandbox-exec` with the profile Fieldnotes makes.
// In explain every write but its own TMPDIR is denied and reads work; in poc the scratch folder
// takes the writes. Elsewhere it skips, saying why.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codex } from '../../../electron/core/agents/codex';
import { MachineSandbox } from '../../../electron/core/sandbox/run-sandbox';
import { gitIn, makeRepo } from '../../support/git-repo';
import { FIXTURES } from '../../support/paths';
import { entries, hostTmpProbe } from '../../support/sandbox-stage';
import { tempDir } from '../../support/temp';

const WRITER = join(FIXTURES, 'fake-agents', 'writer-agent.mjs');
const onMac = process.platform === 'darwin' && existsSync('/usr/bin/sandbox-exec');
if (!onMac) console.warn(`sandbox-exec test skipped: it runs on macOS only (this is ${process.platform}).`);

async function runWriter(mode: 'explain' | 'poc', cwd: string, repo: string, home: string, probe: string): Promise<string> {
  const env = { ...process.env, HOME: home, CODEX_HOME: join(home, '.codex'), PROBE_TMP: probe, PROBE_READ: join(repo, 'docs/recipe.md') };
  const sandbox = await new MachineSandbox(() => env).forRun({ adapter: codex, mode, cwd, env, setting: 'require', repoRoot: repo });
  if (!sandbox.ok || !sandbox.confine) throw new Error(sandbox.ok ? 'no sandbox' : sandbox.error);
  expect(sandbox.kind).toBe('sandbox-exec');
  const command = sandbox.confine({ command: process.execPath, args: [WRITER], cwd, env, stdin: '' });
  return execFileSync(command.command, command.args, { cwd, env: command.env as NodeJS.ProcessEnv, input: '', encoding: 'utf8' });
}

describe.skipIf(!onMac)('sandbox-exec on macOS', () => {
  it('explain: every write is denied, reads work, and nothing lands in the repo, the home folder or /tmp', async () => {
    const repo = await makeRepo({ 'README.md': 'hello\n', 'docs/recipe.md': 'cardamom\n' }, 'seatbelt-repo');
    const home = await tempDir('fieldnotes-seatbelt-home-');
    const probe = hostTmpProbe();
    const out = await runWriter('explain', repo, repo, home, probe);
    for (const what of ['new file', 'echo', 'sed -i', 'git commit', 'home', 'tmp']) expect(out).toMatch(new RegExp(`denied ${what}: .*(not permitted|EPERM)`));
    expect(out).toContain('read: cardamom');
    expect(existsSync(probe)).toBe(false);
    expect(gitIn(repo, 'status', '--porcelain')).toBe('');
    expect(entries(home)).toEqual(['.codex']);
  });

  it('poc: the scratch folder takes the writes; the repo and home do not', async () => {
    const repo = await makeRepo({ 'README.md': 'hello\n', 'docs/recipe.md': 'cardamom\n' }, 'seatbelt-repo');
    const scratch = await makeRepo({ 'README.md': 'hello\n' }, 'seatbelt-scratch');
    const home = await tempDir('fieldnotes-seatbelt-home-');
    const out = await runWriter('poc', scratch, repo, home, hostTmpProbe());
    for (const what of ['new file', 'echo', 'sed -i', 'git commit']) expect(out).toContain(`wrote ${what}`);
    expect(out).toMatch(/denied home: /);
    expect(await readFile(join(scratch, 'new-file.txt'), 'utf8')).toBe('x');
    expect(gitIn(repo, 'status', '--porcelain')).toBe('');
  });
});
