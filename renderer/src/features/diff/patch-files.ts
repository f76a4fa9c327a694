// The files a unified diff (`git diff` output) changes, with the lines each adds and removes: what
// a poc's patch did at a glance, before anyone reads the diff itself.

export interface PatchFile {
  /** The file's path after the change (before it, for a deleted file). */
  path: string;
  /** The path it had before a rename, when it was renamed. */
  from?: string;
  added: number;
  removed: number;
  kind: 'added' | 'deleted' | 'renamed' | 'changed' | 'binary';
}

/** Strips git's `a/` or `b/` prefix; `/dev/null` means no file. */
function pathOf(raw: string): string | null {
  const path = raw.trim().replace(/^"(.*)"$/, '$1');
  if (path === '/dev/null') return null;
  return path.replace(/^[ab]\//, '');
}

export function patchFiles(patch: string): PatchFile[] {
  const files: PatchFile[] = [];
  let file: PatchFile | null = null;
  let inHunk = false;
  for (const line of patch.split('\n')) {
    if (line.startsWith('diff --git ')) {
      const match = /^diff --git (?:"?a\/)(.+?)"? (?:"?b\/)(.+?)"?$/.exec(line);
      file = { path: match?.[2] ?? line.slice(11), added: 0, removed: 0, kind: 'changed' };
      files.push(file);
      inHunk = false;
      continue;
    }
    if (!file) continue;
    if (line.startsWith('@@')) {
      inHunk = true;
      continue;
    }
    if (!inHunk) {
      if (line.startsWith('new file mode')) file.kind = 'added';
      else if (line.startsWith('deleted file mode')) file.kind = 'deleted';
      else if (line.startsWith('rename from ')) {
        file.kind = 'renamed';
        file.from = line.slice('rename from '.length);
      } else if (line.startsWith('rename to ')) file.path = line.slice('rename to '.length);
      else if (line.startsWith('Binary files ') || line.startsWith('GIT binary patch')) file.kind = 'binary';
      else if (line.startsWith('--- ')) {
        const before = pathOf(line.slice(4));
        if (before === null) file.kind = 'added';
      } else if (line.startsWith('+++ ')) {
        const after = pathOf(line.slice(4));
        if (after === null) file.kind = 'deleted';
        else file.path = after;
      }
      continue;
    }
    if (line.startsWith('+')) file.added += 1;
    else if (line.startsWith('-')) file.removed += 1;
  }
  return files;
}
