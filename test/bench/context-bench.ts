// "Copy as context": how long the claude tokenizer takes to be ready, and what a 10-note selection
// costs — counting its bundle (first time and warm), the estimate from cached per-note counts, and
// building the exact bundle. Notes come from the smallest synthetic notebook (~13 KB each).
import { ContextBundler } from '../../electron/core/context/context-bundler';
import { claudeTokenCounter, type TokenCounter } from '../../electron/core/context/token-counter';
import { Notebook } from '../../electron/core/notebook/notebook';
import { formatContext } from '../../shared/context/context-bundle';
import { toContextNote } from '../../electron/core/context/context-note';
import { syntheticNotebookDir } from './bench-notebooks';
import type { BenchContext, BenchRow } from './run';
import { medianTime } from './stats';

const SELECTION = 10;

export async function contextBench(context: BenchContext): Promise<BenchRow[]> {
  const size = context.sizes[0]!;
  const { dir } = await syntheticNotebookDir(size, context.seed);
  const notebook = await Notebook.open(dir, { watch: false, log: () => undefined });
  const counters: TokenCounter[] = [];
  try {
    const ids = notebook.list().slice(0, SELECTION).map((note) => note.id);
    const notes = await Promise.all(ids.map((id) => notebook.get(id)));
    const bundle = formatContext(notes.map((note) => toContextNote(note)), 'xml');
    const kb = `${SELECTION} notes, ${Math.round(bundle.length / 1024)} KB`;
    const fresh = (): TokenCounter => {
      const counter = claudeTokenCounter();
      counters.push(counter);
      return counter;
    };

    const readyMs = await medianTime(context.runs, async () => {
      const counter = fresh();
      await counter.count(['ready']);
    });
    let cold = fresh();
    const firstMs = await medianTime(
      context.runs,
      () => cold.count([bundle]),
      async () => {
        cold = fresh();
        await cold.count(['ready']);
      },
    );
    const warm = fresh();
    const warmMs = await medianTime(context.runs, () => warm.count([bundle]));
    const bundler = new ContextBundler({ notebook: () => notebook, counter: warm });
    const estimateMs = await medianTime(context.runs, () => bundler.estimate(ids, 'xml'));
    const buildMs = await medianTime(context.runs, () => bundler.build(ids, 'xml'));

    return [
      { area: 'context', case: 'tokenizer ready (worker + load)', notes: 0, ms: readyMs, note: 'once per process, in the background at start' },
      { area: 'context', case: 'count a bundle, first time', notes: SELECTION, ms: firstMs, note: kb },
      { area: 'context', case: 'count a bundle, warm', notes: SELECTION, ms: warmMs, note: `${kb} (goal well under 50 ms)` },
      { area: 'context', case: 'estimate (cached per-note counts)', notes: SELECTION, ms: estimateMs, note: 'reads the notes, sums their counts' },
      { area: 'context', case: 'build (exact count of the bundle)', notes: SELECTION, ms: buildMs, note: 'what a copy costs' },
    ];
  } finally {
    await Promise.all(counters.map((counter) => counter.close()));
    await notebook.close();
  }
}
