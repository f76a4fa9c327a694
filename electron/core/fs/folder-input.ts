// A folder path typed by a person (a notebook, a codebase): `~` expanded, absolute, no invisible
// characters.
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { ApiError } from '../../../shared/contract/errors';
import { describeOddCharacter, findOddCharacter } from '../../../shared/model/safe-text';

/** The folder's absolute path; a BAD_INPUT error that says how to type it otherwise. */
export function folderInput(path: string): string {
  const odd = findOddCharacter(path, { path: true });
  if (odd) throw new ApiError('BAD_INPUT', `The folder path ${describeOddCharacter(odd)}; type it again without that character.`);
  const expanded = path === '~' ? homedir() : path.startsWith('~/') ? join(homedir(), path.slice(2)) : path.trim();
  if (!isAbsolute(expanded)) {
    throw new ApiError('BAD_INPUT', `Give the folder’s full path, like ${join(homedir(), 'notes')}; “${path}” is relative.`);
  }
  return expanded;
}
