// `--repo` on the commands that filter notes: by the repo's name, or by its folder.
import { basename, resolve } from 'node:path';

/**
 * Notes record their repo by name (the repo folder's name), and search filters on that name. A
 * value that looks like a path (`.`, `../ky`, `/src/ky`) means the repo in that folder, so its name.
 */
export function repoName(value: string): string {
  return value === '.' || value === '..' || /[\\/]/.test(value) ? basename(resolve(value)) : value;
}
