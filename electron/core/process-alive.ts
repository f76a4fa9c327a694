// Whether a process (or a process group) still exists on this machine: signal 0 reaches it, or is
// refused only because it belongs to another user (EPERM), which still means it exists.

function reaches(target: number): boolean {
  try {
    process.kill(target, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True while a process with this pid exists (a zombie not yet reaped counts). */
export function processExists(pid: number): boolean {
  return Number.isInteger(pid) && pid > 0 && reaches(pid);
}

/** True while any process of the group exists. */
export function processGroupExists(pgid: number): boolean {
  return Number.isInteger(pgid) && pgid > 0 && reaches(-pgid);
}
