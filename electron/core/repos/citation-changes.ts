// What changed in a note's files between its commit and HEAD: which were changed, renamed or
// deleted (`git diff -M --name-status`), and which cited line ranges the changes touch (`git diff
// -U0` hunks against the ranges). Two git calls per commit, whatever the number of files.
import type { LineRange, SourceChange } from '../../../shared/contract/citations';
import { git } from './git';

interface FileDiff {
  how: SourceChange['how'];
  to?: string;
}

/** The files that differ between `commit` and `head`, by their path at `commit` (renames followed). */
export async function changedFiles(repoRoot: string, commit: string, head: string): Promise<Map<string, FileDiff> | null> {
  const result = await git(repoRoot, ['-c', 'core.quotepath=off', 'diff', '-M', '--name-status', '-z', '--no-ext-diff', commit, head]);
  if (result.code !== 0) return null;
  const fields = result.stdout.split('\0');
  const files = new Map<string, FileDiff>();
  for (let i = 0; i < fields.length; ) {
    const status = fields[i++] ?? '';
    if (!status) continue;
    const kind = status[0];
    if (kind === 'R' || kind === 'C') {
      const from = fields[i++]!;
      const to = fields[i++]!;
      if (kind === 'R') files.set(from, { how: 'renamed', to });
    } else {
      const path = fields[i++]!;
      if (kind === 'D') files.set(path, { how: 'deleted' });
      else if (kind === 'M' || kind === 'T') files.set(path, { how: 'changed' });
    }
  }
  return files;
}

/** The old-side hunks (`start`, `count`) of each changed file, by its path at `commit`. */
export async function changedHunks(repoRoot: string, commit: string, head: string, paths: readonly string[]): Promise<Map<string, Array<[number, number]>>> {
  const hunks = new Map<string, Array<[number, number]>>();
  if (paths.length === 0) return hunks;
  const result = await git(repoRoot, ['-c', 'core.quotepath=off', 'diff', '-M', '-U0', '--no-color', '--no-ext-diff', '--src-prefix=a/', '--dst-prefix=b/', commit, head, '--', ...paths]);
  if (result.code !== 0) return hunks;
  let file: Array<[number, number]> | null = null;
  let renamedFrom: string | null = null;
  for (const line of result.stdout.split('\n')) {
    if (line.startsWith('diff --git ')) {
      file = null;
      renamedFrom = null;
    } else if (line.startsWith('rename from ')) {
      renamedFrom = line.slice('rename from '.length);
    } else if (line.startsWith('--- ')) {
      const old = renamedFrom ?? (line.startsWith('--- a/') ? line.slice(6) : null);
      file = old === null ? null : (hunks.get(old) ?? []);
      if (old !== null && file) hunks.set(old, file);
    } else if (line.startsWith('@@ ') && file) {
      const match = /^@@ -(\d+)(?:,(\d+))? /.exec(line);
      if (match) file.push([Number(match[1]), match[2] === undefined ? 1 : Number(match[2])]);
    }
  }
  return hunks;
}

/** The cited ranges a file's hunks touch: lines removed or rewritten inside, or lines inserted inside. */
export function touchedRanges(ranges: readonly LineRange[], hunks: ReadonlyArray<[number, number]>): LineRange[] {
  return ranges.filter((range) =>
    hunks.some(([start, count]) => (count === 0 ? start >= range.start && start < range.end : start <= range.end && start + count - 1 >= range.start)),
  );
}

/** One change, said for the user. */
export function describeChange(path: string, diff: FileDiff, cited: readonly LineRange[], touched: readonly LineRange[]): SourceChange {
  const lines = touched.map((range) => ({ ...range }));
  let summary: string;
  if (diff.how === 'deleted') summary = `${path} was deleted`;
  else {
    summary = diff.how === 'renamed' ? `${path} was renamed to ${diff.to}` : `${path} changed`;
    if (touched.length > 0) summary += `; ${rangesText(touched)} cited here ${touched.length === 1 && touched[0]!.start === touched[0]!.end ? 'was' : 'were'} rewritten`;
    else if (cited.length > 0 && diff.how === 'changed') summary += `; the ${rangesText(cited)} cited here did not`;
  }
  return { path, how: diff.how, ...(diff.to ? { to: diff.to } : {}), lines, summary };
}

function rangesText(ranges: readonly LineRange[]): string {
  const parts = ranges.map((range) => (range.start === range.end ? `${range.start}` : `${range.start}–${range.end}`));
  const single = ranges.length === 1 && ranges[0]!.start === ranges[0]!.end;
  return `${single ? 'line' : 'lines'} ${parts.join(', ')}`;
}
