// The macOS Seatbelt profile and the Docker/Podman command line a sandbox policy makes.
import { describe, expect, it } from 'vitest';
import { containerArgs, inContainer } from '../../electron/core/sandbox/container';
import { confine } from '../../electron/core/sandbox/sandbox';
import { seatbeltProfile } from '../../electron/core/sandbox/sandbox-exec';

const explain = {
  mode: 'explain' as const, cwd: '/Users/me/src/app', readable: ['/Users/me/src/app', '/Users/me'],
  writable: ['/Users/me/.codex'], writableFiles: ['/Users/me/.claude.json'], tmpDir: '/private/var/folders/x/T',
};
const poc = { ...explain, mode: 'poc' as const, cwd: '/data/scratch/t1', readable: ['/data/scratch/t1', '/Users/me/src/app'],
  writable: ['/Users/me/.codex', '/data/scratch/t1'] };
const command = { command: 'codex', args: ['exec', '-'], cwd: '/Users/me/src/app', env: { PATH: '/usr/bin', OPENAI_API_KEY: 'sk-secret', GONE: undefined }, stdin: 'q' };

describe('sandbox-exec profile', () => {
  it('denies every file write but in the writable folders, the state file, TMPDIR and the usual devices', () => {
    expect(seatbeltProfile(explain)).toBe([
      '(version 1)',
      '(allow default)',
      '(deny file-write*)',
      '(allow file-write*',
      '  (literal "/dev/null")\n  (literal "/dev/zero")\n  (literal "/dev/tty")\n  (literal "/dev/dtracehelper")\n  (subpath "/dev/fd")',
      '  (subpath "/Users/me/.codex")\n  (subpath "/private/var/folders/x/T")\n  (literal "/Users/me/.claude.json"))',
      '',
    ].join('\n'));
  });

  it('a quote or backslash in a path cannot end its rule', () => {
    const profile = seatbeltProfile({ ...explain, writable: ['/a") (allow file-write* (subpath "/'], writableFiles: ['/b\\'], tmpDir: undefined });
    expect(profile).toContain('(subpath "/a\\") (allow file-write* (subpath \\"/")');
    expect(profile).toContain('(literal "/b\\\\")');
  });

  it('wraps the argv: sandbox-exec -p <profile> <command>', () => {
    const wrapped = confine(command, explain, { kind: 'sandbox-exec', executable: '/usr/bin/sandbox-exec' });
    expect(wrapped).toEqual({ ...command, command: '/usr/bin/sandbox-exec', args: ['-p', seatbeltProfile(explain), 'codex', 'exec', '-'] });
  });
});

describe('container command line', () => {
  const options = { engine: 'podman' as const, image: 'agents:1', user: { uid: 501, gid: 20 } };

  it('explain: the repo and home read-only, only the state folder read-write, env by name only', () => {
    expect(containerArgs(command, explain, options)).toEqual([
      'run', '--rm', '--interactive', '--init', '--read-only', '--tmpfs', '/tmp', '--network', 'host',
      '--user', '501:20', '--workdir', '/Users/me/src/app',
      '--volume', '/Users/me/src/app:/Users/me/src/app:ro', '--volume', '/Users/me:/Users/me:ro',
      '--volume', '/Users/me/.codex:/Users/me/.codex:rw',
      '--env', 'OPENAI_API_KEY', '--env', 'PATH', '--env', 'TMPDIR=/tmp',
      'agents:1', 'codex', 'exec', '-',
    ]);
    expect(containerArgs(command, explain, options).join(' ')).not.toContain('sk-secret');
  });

  it('poc: the scratch checkout read-write, the codebase read-only', () => {
    const args = containerArgs(command, poc, options);
    expect(args).toContain('/data/scratch/t1:/data/scratch/t1:rw');
    expect(args).toContain('/Users/me/src/app:/Users/me/src/app:ro');
    expect(args).not.toContain('/data/scratch/t1:/data/scratch/t1:ro');
    const wrapped = inContainer(command, poc, { ...options, engine: 'docker' });
    expect(wrapped).toMatchObject({ command: 'docker', env: command.env, stdin: 'q' });
  });
});
