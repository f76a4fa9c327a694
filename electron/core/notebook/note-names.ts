// Which files of a notebook folder are notes. Its own small module with no parsing libraries, so
// the search worker applies exactly the notebook's rules without loading YAML and schemas.
import { isTempFile } from '../fs/atomic-write';

/** Notes larger than this are listed with a problem instead of being read (and are not indexed). */
export const MAX_NOTE_BYTES = 5 * 1024 * 1024;

/** True for names the notebook never lists: dot files and folders (`.fieldnotes`, `.git`), node_modules. */
export function isHiddenName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

export function isNoteName(name: string): boolean {
  return name.toLowerCase().endsWith('.md') && !isHiddenName(name) && !isTempFile(name);
}
