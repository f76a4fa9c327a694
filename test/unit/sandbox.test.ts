// The bwrap command line a policy makes, and what the settings' `require` and `off` do.
import { describe, expect, it } from 'vitest';
import { claudeCode } from '../../electron/core/agents/claude-code';
import { codex } from '../../electron/core/agents/codex';
import { gemini } from '../../electron/core/agents/gemini';
import { bwrapArgs } from '../../electron/core/sandbox/bwrap';
import { MachineSandbox } from '../../electron/core/sandbox/run-sandbox';
import { confine } from '../../electron/core/sandbox/sandbox';

const policy = {
  mode: 'poc' as const, cwd: '/tmp/scratch/t1', readable: ['/tmp/scratch/t1', '/home/me/src/app'],
  writable: ['/home/me/.codex', '/tmp/scratch/t1'], writableFiles: ['/home/me/.claude.json'], tmpDir: '/tmp/run-1',
};

describe('bwrap command line', () => {
  it('mounts the disk read-only, /tmp private, then binds back what lies under /tmp and what may be written', () => {
    expect(bwrapArgs(policy)).toEqual([
      '--ro-bind', '/', '/', '--dev', '/dev', '--bind', '/proc', '/proc', '--tmpfs', '/tmp',
      '--ro-bind', '/tmp/scratch/t1', '/tmp/scratch/t1',
      '--bind', '/home/me/.codex', '/home/me/.codex', '--bind', '/tmp/scratch/t1', '/tmp/scratch/t1',
      '--bind-try', '/home/me/.claude.json', '/home/me/.claude.json',
      '--dir', '/tmp/run-1',
      '--die-with-parent', '--chdir', '/tmp/scratch/t1', '--',
    ]);
  });

  it('keeps a program installed under /tmp, and the scripts a command line names there, visible read-only', () => {
    const args = bwrapArgs(policy, ['/tmp/ci-clone/test/agent-clis/node_modules/.bin/claude', '/tmp/ci-clone/electron/cli/fieldnotes.mjs', '-p', '/usr/bin/node']);
    const bound = args.flatMap((arg, i) => (arg === '--ro-bind' ? [args[i + 1]] : []));
    expect(bound).toEqual(['/', '/tmp/scratch/t1', '/tmp/ci-clone']);
    // Bound before what may be written, so a writable folder inside it still wins.
    expect(args.indexOf('/tmp/ci-clone')).toBeLessThan(args.indexOf('/home/me/.codex'));
  });

  it('wraps the command without a shell, keeping cwd, stdin and the environment', () => {
    const command = { command: 'codex', args: ['exec', '-'], cwd: '/tmp/scratch/t1', env: { A: '1' }, stdin: 'hi' };
    const wrapped = confine(command, policy, { kind: 'bwrap', executable: '/usr/bin/bwrap' });
    expect(wrapped).toEqual({ ...command, command: '/usr/bin/bwrap', args: [...bwrapArgs(policy), 'codex', 'exec', '-'], env: { A: '1', TMPDIR: '/tmp/run-1' } });
    expect(confine(command, policy, { kind: 'none' })).toBe(command);
  });

  it('keeps the files the agent needs written before it starts (Gemini CLI\'s per-run settings), in bwrap and in a container', () => {
    const files = [{ path: '/home/me/.fieldnotes/runs/run-1/gemini-settings.json', text: '{}' }];
    const command = { command: 'gemini', args: ['-p', ''], cwd: '/tmp/scratch/t1', env: { A: '1' }, stdin: 'hi', files };
    expect(confine(command, policy, { kind: 'bwrap', executable: '/usr/bin/bwrap' }).files).toEqual(files);
    expect(confine(command, policy, { kind: 'podman', executable: '/usr/bin/podman', image: 'node:20' }).files).toEqual(files);
  });
});

describe('agents declare their state folders', () => {
  it('from their environment variables, or in the home folder', () => {
    expect(claudeCode.capabilities.sandboxNeeds?.({ CLAUDE_CONFIG_DIR: '/c' })).toEqual({ dirs: ['/c'], files: [] });
    expect(claudeCode.capabilities.sandboxNeeds?.({ HOME: '/h' })).toEqual({ dirs: ['/h/.claude'], files: ['/h/.claude.json'] });
    expect(codex.capabilities.sandboxNeeds?.({ HOME: '/h' })).toEqual({ dirs: ['/h/.codex'], files: [] });
    expect(codex.capabilities.sandboxNeeds?.({ CODEX_HOME: '/x' })).toEqual({ dirs: ['/x'], files: [] });
    expect(gemini.capabilities.sandboxNeeds?.({ GEMINI_CLI_HOME: '/g', HOME: '/h' })).toEqual({ dirs: ['/g/.gemini'], files: [] });
  });
});

describe('the sandbox setting', () => {
  const input = { adapter: codex, mode: 'explain' as const, cwd: '/tmp', env: { PATH: '' } };

  it('require refuses to run where there is no sandbox, saying why', async () => {
    // An empty PATH: no bwrap to be found.
    const result = await new MachineSandbox(() => ({ PATH: '' })).forRun({ ...input, setting: 'require' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^Settings require a sandbox, and this machine has none: /);
  });

  it('auto without a sandbox runs on the agent’s own flags and says so; off says it was turned off', async () => {
    const none = await new MachineSandbox(() => ({ PATH: '' })).forRun({ ...input, setting: 'auto' });
    expect(none).toMatchObject({ ok: true, kind: 'none', words: expect.stringMatching(/^No OS sandbox: /) });
    const off = await new MachineSandbox(() => ({ PATH: '' })).forRun({ ...input, setting: 'off' });
    expect(off).toMatchObject({ ok: true, kind: 'none', words: expect.stringContaining('turned off in Settings') });
  });

  it('on a platform without a sandbox (Windows), require refuses and says how to fix it; auto relies on the agent’s own flags', async () => {
    const windows = new MachineSandbox(() => process.env, { platform: 'win32' });
    const refused = await windows.forRun({ ...input, setting: 'require' });
    expect(refused).toEqual({ ok: false, error: 'Settings require a sandbox, and this machine has none: Fieldnotes has no sandbox for agents on win32; '
      + 'the run relies on the agent\'s own flags. To run agents here anyway, set “Sandbox” to Auto or Off in Settings (the run then relies on the '
      + 'agent’s own flags), or run agents in Docker or Podman there if one is installed.' });
    expect(await windows.forRun({ ...input, setting: 'auto' })).toMatchObject({ ok: true, kind: 'none', words: expect.stringContaining('relies on the agent\'s own flags') });
    expect((await windows.offers()).os).toEqual({ kind: 'none', available: false, reason: expect.stringContaining('on win32') });
  });

  it('a container engine that is not installed refuses the run (never a quiet fallback), saying how to fix it', async () => {
    const machine = new MachineSandbox(() => ({ PATH: '' }));
    for (const setting of ['auto', 'require'] as const) {
      const result = await machine.forRun({ ...input, setting, container: { engine: 'podman', image: 'node:20' } });
      expect(result).toEqual({ ok: false, error: expect.stringMatching(/^Settings run agents in a container, and Podman is not installed\. Install Podman .*choose the OS sandbox in Settings\.$/) });
    }
    // Off is off: no container, no OS sandbox.
    expect(await machine.forRun({ ...input, setting: 'off', container: { engine: 'docker', image: 'node:20' } })).toMatchObject({ ok: true, kind: 'none' });
    expect((await machine.offers()).docker).toEqual({ available: false, reason: expect.stringContaining('Docker is not installed') });
  });
});
