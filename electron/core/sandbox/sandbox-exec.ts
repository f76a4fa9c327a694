// macOS: the Seatbelt profile (`sandbox-exec -p`) of a SandboxPolicy. Seatbelt has no private /tmp,
// so the run's TMPDIR is its own fresh folder, writable like the state folders.
import type { SandboxPolicy } from './sandbox-policy';

/** Devices every program writes to: the null device, its terminal, its own descriptors. */
const DEVICES = ['(literal "/dev/null")', '(literal "/dev/zero")', '(literal "/dev/tty")', '(literal "/dev/dtracehelper")', '(subpath "/dev/fd")'];

/**
 * Everything is allowed (reads, processes, the network: the agent needs its model) except writing
 * files, which is allowed only in the policy's writable folders and files and the run's TMPDIR.
 * Paths must be real paths (`/private/tmp/…`, not `/tmp/…`): Seatbelt matches after resolving links.
 */
export function seatbeltProfile(policy: SandboxPolicy): string {
  const dirs = [...policy.writable, ...(policy.tmpDir ? [policy.tmpDir] : [])].map((dir) => `(subpath ${quote(dir)})`);
  const files = policy.writableFiles.map((file) => `(literal ${quote(file)})`);
  return [
    '(version 1)',
    '(allow default)',
    '(deny file-write*)',
    `(allow file-write*\n  ${[...DEVICES, ...dirs, ...files].join('\n  ')})`,
    '',
  ].join('\n');
}

/** The argv prefix that runs a command under the profile. */
export function sandboxExecArgs(policy: SandboxPolicy): string[] {
  return ['-p', seatbeltProfile(policy)];
}

/** An SBPL string literal: backslashes and quotes escaped, so no path can end the rule early. */
function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
