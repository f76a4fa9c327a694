// `npm run bench`: the benchmarks, on deterministic synthetic notebooks kept between runs.
//   npm run bench                       every benchmark, 1,000 and 10,000 notes
//   npm run bench -- --sizes 1000       other sizes
//   npm run bench -- search             one benchmark
// FIELDNOTES_BENCH_DIR says where the notebooks go (default: the system's temp folder).
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/paths';
import { runSearchBench } from './search-bench';

const args = process.argv.slice(2);
const sizesAt = args.indexOf('--sizes');
const sizes = sizesAt >= 0 ? args[sizesAt + 1]!.split(',').map(Number) : [1_000, 10_000];
const only = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--sizes');
const notebooksDir = process.env.FIELDNOTES_BENCH_DIR ?? join(tmpdir(), 'fieldnotes-bench');

const benches: Record<string, () => Promise<void>> = {
  search: () => runSearchBench({ sizes, seed: 1, notebooksDir, root: ROOT, log: (line) => console.log(line) }),
};

for (const [name, run] of Object.entries(benches)) {
  if (only.length > 0 && !only.includes(name)) continue;
  await run();
}
