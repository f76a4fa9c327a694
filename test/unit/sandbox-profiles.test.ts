// The macOS Seatbelt profile and the Docker/Podman command line a sandbox policy makes.
import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { containerArgs, inContainer, installOf } from '../../electron/core/sandbox/container';
import { confine } from '../../electron/core/sandbox/sandbox';
import { seatbeltPath, seatbeltProfile } from '../../electron/core/sandbox/sandbox-exec';
import { tempDir } from '../support/temp';

const explain = {
  mode: 'explain' as const, cwd: '/Users/me/src/app', readable: ['/Users/me/src/app', '/Users/me'],
  writable: ['/Users/me/.codex'], writableFiles: ['/Users/me/.claude.json'], tmpDir: '/private/var/folders/x/T/fieldnotes-run-1',
};
const poc = { ...explain, mode: 'poc' as const, cwd: '/data/scratch/t1', readable: ['/data/scratch/t1', '/Users/me/src/app'],
  writable: ['/Users/me/.codex', '/data/scratch/t1'] };
const command = { command: 'codex', args: ['exec', '-'], cwd: '/Users/me/src/app', env: { PATH: '/usr/bin', OPENAI_API_KEY: 'sk-secret', GONE: undefined }, stdin: 'q' };

/** The paths of the rules that allow writing, in order. */
function writableIn(profile: string): string[] {
  const allow = profile.slice(profile.indexOf('(allow file-write*'));
  return [...allow.matchAll(/\((?:subpath|literal) "([^"]+)"\)/g)].map((match) => match[1]!);
}

describe('sandbox-exec profile', () => {
  it('allows everything, the network said outright, but writing: denied except the devices, state folders and files, and TMPDIR', () => {
    const profile = seatbeltProfile(explain, (file) => file);
    expect(profile.split('\n').slice(0, 4)).toEqual(['(version 1)', '(allow default)', '(allow network*)', '(deny file-write*)']);
    expect(writableIn(profile)).toEqual(['/dev/null', '/dev/zero', '/dev/tty', '/dev/dtracehelper', '/dev/fd',
      '/Users/me/.codex', '/private/var/folders/x/T/fieldnotes-run-1', '/Users/me/.claude.json']);
    // Explain: neither the codebase nor the home folder is writable.
    expect(writableIn(profile)).not.toContain('/Users/me/src/app');
    expect(writableIn(profile)).not.toContain('/Users/me');
  });

  it('poc: the scratch checkout is writable too, the codebase still not', () => {
    const rules = writableIn(seatbeltProfile(poc, (file) => file));
    expect(rules).toContain('/data/scratch/t1');
    expect(rules).not.toContain('/Users/me/src/app');
  });

  it('writes every path as Seatbelt sees it: /tmp and /var under /private, links resolved, missing tails kept', () => {
    // macOS's own links, as realpath answers there.
    const mac = (file: string) => {
      const real = file.replace(/^\/var(?=\/|$)/, '/private/var').replace(/^\/tmp(?=\/|$)/, '/private/tmp').replace(/^\/Users\/link(?=\/|$)/, '/Volumes/data/me');
      if (real.includes('not-yet')) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return real;
    };
    expect(seatbeltPath('/var/folders/x/T/run', mac)).toBe('/private/var/folders/x/T/run');
    expect(seatbeltPath('/tmp/scratch', mac)).toBe('/private/tmp/scratch');
    expect(seatbeltPath('/Users/link/.codex', mac)).toBe('/Volumes/data/me/.codex');
    // A state folder not made yet: its parent's real path and its own name.
    expect(seatbeltPath('/Users/link/not-yet/deeper', mac)).toBe('/Volumes/data/me/not-yet/deeper');
    // Where realpath knows nothing (the profile is built off a Mac): the /private links still.
    expect(seatbeltPath('/tmp/x', () => { throw new Error('ENOENT'); })).toBe('/private/tmp/x');
  });

  it('resolves the symlinks of real folders on this machine', async () => {
    const dir = await tempDir('fieldnotes-seatbelt-');
    mkdirSync(join(dir, 'real'));
    symlinkSync(join(dir, 'real'), join(dir, 'link'));
    const rules = writableIn(seatbeltProfile({ ...explain, writable: [join(dir, 'link')], writableFiles: [], tmpDir: undefined }));
    expect(rules).toContain(seatbeltPath(join(realpathSync(dir), 'real')));
    expect(rules.some((rule) => rule.endsWith('/link'))).toBe(false);
  });

  it('a quote or backslash in a path cannot end its rule', () => {
    const profile = seatbeltProfile({ ...explain, writable: ['/a") (allow file-write* (subpath "/'], writableFiles: ['/b\\'], tmpDir: undefined }, (file) => file);
    expect(profile).toContain('(subpath "/a\\") (allow file-write* (subpath \\"/")');
    expect(profile).toContain('(literal "/b\\\\")');
  });

  it('wraps the argv: sandbox-exec -p <profile> <command>, TMPDIR the run’s own', () => {
    const wrapped = confine(command, explain, { kind: 'sandbox-exec', executable: '/usr/bin/sandbox-exec' });
    expect(wrapped).toEqual({ ...command, command: '/usr/bin/sandbox-exec', args: ['-p', seatbeltProfile(explain), 'codex', 'exec', '-'],
      env: { ...command.env, TMPDIR: explain.tmpDir } });
  });
});

describe('container command line', () => {
  const options = { engine: 'podman' as const, image: 'node:20', user: { uid: 501, gid: 20 } };

  it('explain: the repo and home read-only, only the state folder read-write, env by name only, PATH the image’s', () => {
    expect(containerArgs(command, explain, options)).toEqual([
      'run', '--rm', '--interactive', '--init', '--read-only', '--tmpfs', '/tmp', '--network', 'host',
      '--userns', 'keep-id', '--user', '501:20', '--workdir', '/Users/me/src/app',
      '--volume', '/Users/me/src/app:/Users/me/src/app:ro', '--volume', '/Users/me:/Users/me:ro',
      '--volume', '/Users/me/.codex:/Users/me/.codex:rw',
      '--env', 'OPENAI_API_KEY', '--env', 'TMPDIR=/tmp',
      'node:20', 'codex', 'exec', '-',
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
    // Docker, and Podman run as root, keep the user id as given.
    expect(wrapped.args).not.toContain('keep-id');
    expect(containerArgs(command, poc, { ...options, user: { uid: 0, gid: 0 } })).not.toContain('keep-id');
  });

  describe('the agent program gets in read-only', () => {
    let dir: string;
    beforeAll(async () => {
      dir = realpathSync(await tempDir('fieldnotes-container-'));
      const pkg = join(dir, 'node_modules', '@acme', 'agent');
      mkdirSync(join(pkg, 'bin'), { recursive: true });
      mkdirSync(join(dir, 'node_modules', '.bin'));
      writeFileSync(join(pkg, 'package.json'), '{}');
      writeFileSync(join(pkg, 'bin', 'cli.js'), '#!/usr/bin/env node\n', { mode: 0o755 });
      symlinkSync('../@acme/agent/bin/cli.js', join(dir, 'node_modules', '.bin', 'agent'));
      mkdirSync(join(dir, 'scripts'));
      writeFileSync(join(dir, 'scripts', 'run.mjs'), '');
    });

    it('a CLI on PATH runs by its real path, its package mounted read-only', () => {
      const args = containerArgs({ ...command, command: 'agent', env: { PATH: join(dir, 'node_modules', '.bin') } }, explain, options);
      const pkg = join(dir, 'node_modules', '@acme', 'agent');
      expect(args).toContain(`${pkg}:${pkg}:ro`);
      expect(args.slice(args.indexOf('node:20') + 1)).toEqual([join(pkg, 'bin', 'cli.js'), 'exec', '-']);
    });

    it('a script the command line names is mounted; the image’s own node is used by name', () => {
      const args = containerArgs({ ...command, command: 'node', args: [join(dir, 'scripts', 'run.mjs')], env: { PATH: '/usr/bin:/bin' } }, explain, options);
      expect(args).toContain(`${dir}/scripts:${dir}/scripts:ro`);
      expect(args.slice(args.indexOf('node:20') + 1)).toEqual(['node', join(dir, 'scripts', 'run.mjs')]);
      expect(args.join(' ')).not.toMatch(/--volume \/usr/);
    });

    it('nothing is mounted for a system program, a missing path, or one already mounted', () => {
      expect(installOf('/bin/sh')).toEqual([]);
      expect(installOf(join(dir, 'missing.js'))).toEqual([]);
      expect(installOf('-p')).toEqual([]);
      const inRepo = { ...explain, readable: [dir] };
      const args = containerArgs({ ...command, command: 'node', args: [join(dir, 'scripts', 'run.mjs')] }, inRepo, options);
      expect(args.filter((arg) => arg.startsWith(dir))).toEqual([`${dir}:${dir}:ro`, join(dir, 'scripts', 'run.mjs')]);
    });
  });

  it('a state file is mounted only where it exists (else the engine would make it a folder)', async () => {
    const dir = await tempDir('fieldnotes-container-file-');
    writeFileSync(join(dir, '.claude.json'), '{}');
    const args = containerArgs(command, { ...explain, writableFiles: [join(dir, '.claude.json'), join(dir, 'missing.json')] }, options);
    expect(args).toContain(`${join(dir, '.claude.json')}:${join(dir, '.claude.json')}:rw`);
    expect(args.join(' ')).not.toContain('missing.json');
  });
});
