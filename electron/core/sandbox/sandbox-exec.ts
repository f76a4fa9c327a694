// macOS: the Seatbelt profile (`sandbox-exec -p`) of a SandboxPolicy. Seatbelt has no private /tmp,
// so the run's TMPDIR is its own fresh folder, writable like the state folders.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { SandboxPolicy } from './sandbox-policy';

/** Devices every program writes to: the null device, its terminal, its own descriptors. */
const DEVICES = ['(literal "/dev/null")', '(literal "/dev/zero")', '(literal "/dev/tty")', '(literal "/dev/dtracehelper")', '(subpath "/dev/fd")'];

/** macOS's top-level links into /private: Seatbelt sees `/private/tmp/x`, never `/tmp/x`. */
const PRIVATE_LINKS = ['/tmp', '/var', '/etc'];

/**
 * Everything is allowed (reads, processes, the network: the agent needs its model) except writing
 * files, which is allowed only in the policy's writable folders and files and the run's TMPDIR.
 * Every path is written as its real path (`/private/tmp/…`, `/private/var/folders/…`, a symlinked
 * home resolved): Seatbelt matches a write after resolving links, so a rule on a link matches nothing.
 */
export function seatbeltProfile(policy: SandboxPolicy, real: (file: string) => string = seatbeltPath): string {
  const dirs = [...policy.writable, ...(policy.tmpDir ? [policy.tmpDir] : [])].map((dir) => `(subpath ${quote(real(dir))})`);
  const files = policy.writableFiles.map((file) => `(literal ${quote(real(file))})`);
  return [
    '(version 1)',
    '(allow default)',
    '(allow network*)',
    '(deny file-write*)',
    `(allow file-write*\n  ${[...DEVICES, ...new Set([...dirs, ...files])].join('\n  ')})`,
    '',
  ].join('\n');
}

/** The argv prefix that runs a command under the profile. */
export function sandboxExecArgs(policy: SandboxPolicy): string[] {
  return ['-p', seatbeltProfile(policy)];
}

/**
 * A path as Seatbelt sees it: the real path of its deepest folder that exists (a state folder or
 * file may not exist yet), the rest after it, and `/tmp`, `/var`, `/etc` under `/private`.
 */
export function seatbeltPath(file: string, realpath: (file: string) => string = realpathSync.native): string {
  const absolute = path.resolve(file);
  let rest = '';
  let dir = absolute;
  for (;;) {
    try {
      return privateOf(path.join(realpath(dir), rest));
    } catch {
      if (dir === path.dirname(dir)) return privateOf(absolute);
      rest = path.join(path.basename(dir), rest);
      dir = path.dirname(dir);
    }
  }
}

function privateOf(file: string): string {
  const link = PRIVATE_LINKS.find((top) => file === top || file.startsWith(`${top}/`));
  return link ? `/private${file}` : file;
}

/** An SBPL string literal: backslashes and quotes escaped, so no path can end the rule early. */
function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
