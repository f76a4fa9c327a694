// A small line diff (longest common subsequence), enough to compare two answers to one question:
// which lines the newer answer removed, added and kept, with long kept runs folded.

export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string };

/** A stretch of the diff to show: lines, or a fold of this many unchanged lines. */
export type DiffPiece = DiffLine | { kind: 'fold'; count: number };

/** Past this many cells of the comparison table, the changed middle is shown as replaced whole. */
const MAX_CELLS = 4_000_000;

/** The lines of `before` and `after` as kept, removed and added, in order. */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const same = (lines: string[]): DiffLine[] => lines.map((text) => ({ kind: 'same', text }));
  return [...same(a.slice(0, start)), ...middle(a.slice(start, endA), b.slice(start, endB)), ...same(a.slice(endA))];
}

/** The diff with unchanged runs longer than `2 * context` folded, keeping `context` lines around changes. */
export function foldUnchanged(lines: readonly DiffLine[], context = 3): DiffPiece[] {
  const pieces: DiffPiece[] = [];
  let run: DiffLine[] = [];
  const flush = (atStart: boolean, atEnd: boolean) => {
    const keepBefore = atStart ? 0 : context;
    const keepAfter = atEnd ? 0 : context;
    if (run.length <= keepBefore + keepAfter + 1) pieces.push(...run);
    else pieces.push(...run.slice(0, keepBefore), { kind: 'fold', count: run.length - keepBefore - keepAfter }, ...run.slice(run.length - keepAfter));
    run = [];
  };
  lines.forEach((line) => {
    if (line.kind === 'same') run.push(line);
    else {
      if (run.length > 0) flush(pieces.length === 0, false);
      pieces.push(line);
    }
  });
  if (run.length > 0) flush(pieces.length === 0, true);
  return pieces;
}

/** How many lines were added and removed. */
export function diffCounts(lines: readonly DiffLine[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const line of lines) {
    if (line.kind === 'added') added++;
    else if (line.kind === 'removed') removed++;
  }
  return { added, removed };
}

function middle(a: string[], b: string[]): DiffLine[] {
  if (a.length === 0 || b.length === 0 || a.length * b.length > MAX_CELLS) {
    return [...a.map((text): DiffLine => ({ kind: 'removed', text })), ...b.map((text): DiffLine => ({ kind: 'added', text }))];
  }
  // lengths[i][j]: the longest common subsequence of a[i..] and b[j..], in one flat table.
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i]! });
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) out.push({ kind: 'removed', text: a[i++]! });
    else out.push({ kind: 'added', text: b[j++]! });
  }
  while (i < a.length) out.push({ kind: 'removed', text: a[i++]! });
  while (j < b.length) out.push({ kind: 'added', text: b[j++]! });
  return out;
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
