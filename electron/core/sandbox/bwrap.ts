// Linux: the argv that runs a command inside bubblewrap under a SandboxPolicy, and whether this
// machine lets bubblewrap run at all (it needs user namespaces, or to be setuid).
import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { isInside, type SandboxPolicy } from './sandbox-policy';

const run = promisify(execFile);

/**
 * The whole filesystem read-only, /dev as bwrap makes it, a private /tmp, the readable folders a
 * private /tmp would hide bound back read-only, then the writable ones. The network stays on (the
 * agent talks to its model). No new session: the run's process group must reach inside. Binds are
 * in order, so a writable folder inside a read-only one wins.
 *
 * /proc is the machine's, not a fresh one: an agent with its own bwrap sandbox (Claude Code's
 * command sandbox, in a user namespace) must mount a new procfs, which the kernel allows only
 * where a fully visible proc is mounted, and must write its own uid_map; with `--proc` it fails
 * ("Can't mount proc on /newroot/proc: Operation not permitted").
 */
export function bwrapArgs(policy: SandboxPolicy, programs: readonly string[] = []): string[] {
  const args = ['--ro-bind', '/', '/', '--dev', '/dev', '--bind', '/proc', '/proc', '--tmpfs', '/tmp'];
  const hidden = [...policy.readable.filter(underTmp), ...programs.flatMap(programFolderInTmp)];
  for (const dir of [...new Set(hidden)]) args.push('--ro-bind', dir, dir);
  for (const dir of policy.writable) args.push('--bind', dir, dir);
  for (const file of policy.writableFiles) args.push('--bind-try', file, file);
  // A TMPDIR under /tmp keeps its path, as an empty folder of the private /tmp.
  if (policy.tmpDir && underTmp(policy.tmpDir)) args.push('--dir', policy.tmpDir);
  args.push('--die-with-parent', '--chdir', policy.cwd, '--');
  return args;
}

/** TMPDIR inside: the caller's when it lies in the private /tmp, else /tmp itself (the rest of the disk is read-only). */
export function bwrapTmpDir(policy: SandboxPolicy): string {
  return policy.tmpDir && underTmp(policy.tmpDir) ? policy.tmpDir : '/tmp';
}

function underTmp(dir: string): boolean {
  return isInside(dir, '/tmp');
}

/**
 * The folder of /tmp a program lives in (`/tmp/x` for `/tmp/x/node_modules/.bin/claude`), which
 * the private /tmp would hide: an agent installed there, or a script a command line names, must
 * still run. Read-only, like the rest of the disk. Nothing for a program elsewhere.
 */
function programFolderInTmp(program: string): string[] {
  if (!path.isAbsolute(program)) return [];
  const real = realOrSelf(program);
  return [program, real].filter(underTmp).map((file) => path.join('/tmp', path.relative('/tmp', file).split(path.sep)[0]!)).filter((dir) => dir !== '/tmp');
}

function realOrSelf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

/**
 * Whether bwrap runs here, tried for real: a kernel or a container that refuses user namespaces
 * makes it fail however it is installed. The reason, in words, when it cannot.
 */
export async function probeBwrap(bwrap: string): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    await run(bwrap, ['--ro-bind', '/', '/', '--dev', '/dev', '--bind', '/proc', '/proc', '--tmpfs', '/tmp', '--', 'true'], { timeout: 10_000 });
    return { ok: true };
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
    return { ok: false, reason: `bubblewrap is installed but cannot run here (${detail}); this kernel or container may refuse user namespaces.` };
  }
}
