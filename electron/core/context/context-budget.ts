// Trimming a bundle to a token budget: the one place that decides which notes go in whole, which
// as their summary and citations, and which are left out. context.build (and so the UI's copy,
// `fieldnotes context --max-tokens` and the MCP server's build_context) all trim here.
import type { ContextBudget } from '../../../shared/contract/context';
import { ApiError } from '../../../shared/contract/errors';

/** How one note goes into a trimmed bundle. */
export type NoteFit = 'whole' | 'summary' | 'out';

/** One note's size, whole and as its summary (null when it has no shorter form). */
export interface NoteSize {
  whole: number;
  summary: number | null;
}

/**
 * The plan from the notes' own counts: with `summaries`, notes from the end of the order (the
 * least important) are cut to their summary until the sum fits; then notes that still do not fit
 * are left out, keeping the order (a note too big is skipped, smaller ones after it still go in).
 * `joinCost` is what joining one more document into the bundle adds (negative for xml).
 */
export function planBudget(sizes: readonly NoteSize[], budget: ContextBudget, joinCost: number): NoteFit[] {
  const fits: NoteFit[] = sizes.map(() => 'whole');
  const sizeOf = (i: number) => (fits[i] === 'summary' ? sizes[i]!.summary! : sizes[i]!.whole);
  const total = () => {
    const inside = fits.flatMap((fit, i) => (fit === 'out' ? [] : [sizeOf(i)]));
    return inside.reduce((sum, size) => sum + size, 0) + joinCost * Math.max(0, inside.length - 1);
  };
  if (budget.trim === 'summaries') {
    for (let i = sizes.length - 1; i >= 0 && total() > budget.maxTokens; i--) {
      const { whole, summary } = sizes[i]!;
      if (summary !== null && summary < whole) fits[i] = 'summary';
    }
  }
  let used = 0;
  let inside = 0;
  fits.forEach((fit, i) => {
    const cost = sizeOf(i) + (inside > 0 ? joinCost : 0);
    if (used + cost > budget.maxTokens) fits[i] = 'out';
    else {
      used += cost;
      inside += 1;
    }
  });
  return fits;
}

/**
 * The plan checked against the exact count of the bundle it gives: while the real bundle is over
 * the budget (the per-note sums are close, not exact), the last note in it is left out too.
 */
export async function fitBudget(
  sizes: readonly NoteSize[],
  budget: ContextBudget,
  joinCost: number,
  measure: (fits: readonly NoteFit[]) => Promise<number>,
): Promise<{ fits: NoteFit[]; tokens: number }> {
  const fits = planBudget(sizes, budget, joinCost);
  for (;;) {
    if (fits.every((fit) => fit === 'out')) throw tooSmall(sizes, budget);
    const tokens = await measure(fits);
    if (tokens <= budget.maxTokens) return { fits, tokens };
    fits[fits.findLastIndex((fit) => fit !== 'out')] = 'out';
  }
}

function tooSmall(sizes: readonly NoteSize[], budget: ContextBudget): ApiError {
  const smallest = Math.min(...sizes.map((size) => (budget.trim === 'summaries' && size.summary !== null ? Math.min(size.summary, size.whole) : size.whole)));
  const hint = budget.trim === 'leave-out' ? ', keep only summaries' : '';
  return new ApiError(
    'BAD_INPUT',
    `None of the notes fits in ${budget.maxTokens.toLocaleString('en-US')} tokens: the smallest takes ${smallest.toLocaleString('en-US')}. Raise the budget to at least ${(smallest + 50).toLocaleString('en-US')}${hint}, or choose other notes.`,
  );
}
