// What went wrong with a sync, in words: git's stderr sorted into the cases a person can act on.
import { ApiError } from '../../../shared/contract/errors';

export type SyncProblem = 'no-repo' | 'no-remote' | 'auth' | 'offline' | 'unreachable' | 'diverged' | 'busy' | 'dirty' | 'identity' | 'failed';

export class SyncError extends ApiError {
  constructor(
    readonly problem: SyncProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(problem === 'busy' || problem === 'dirty' || problem === 'diverged' ? 'CONFLICT' : 'UNAVAILABLE', message, options);
  }
}

/** Sorts a failed network git command (fetch, push, clone) by its stderr. */
export function networkProblem(stderr: string, remote: string): SyncError {
  const text = stderr.trim();
  const last = text.split('\n').filter(Boolean).slice(-2).join(' ');
  if (/Authentication failed|Permission denied \(publickey|could not read Username|terminal prompts disabled|403|401/i.test(text)) {
    return new SyncError('auth', `Authentication failed for ${remote}: git could not sign in. Check your SSH key or credential helper (try \`git fetch\` in the notebook folder).`);
  }
  if (/Could not resolve host|Network is unreachable|Connection refused|Connection timed out|Operation timed out|unable to access|Could not connect/i.test(text)) {
    return new SyncError('offline', `Could not reach ${remote}: you may be offline, or the server is down (${last}).`);
  }
  if (/does not appear to be a git repository|not found|does not exist|No such file or directory/i.test(text)) {
    return new SyncError('unreachable', `There is no repository at ${remote}. Check the remote's address (git remote -v).`);
  }
  return new SyncError('failed', `git failed: ${last || 'no message'}`);
}
