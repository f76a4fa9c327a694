// `fieldnotes ask` on stderr: a run of retries is said as it starts and once more with its count.
import { expect, it } from 'vitest';
import { progressPrinter } from '../../electron/cli/task-progress';
import type { Task } from '../../shared/model/task';

it('says a run of retries twice, not once per retry', () => {
  const lines: string[] = [];
  const printer = progressPrinter((line) => lines.push(line));
  const task = { id: 't1', agent: 'codex', status: 'running', permissions: 'Read-only.' } as unknown as Task;
  printer.changed(task);
  const retry = (attempt: number) => ({ type: 'retry' as const, attempt, reason: `Reconnecting... ${attempt}/5` });
  printer.output({ id: 't1', events: [retry(1), retry(2), retry(3), { type: 'error', message: 'gave up' }] } as never);
  expect(lines).toEqual([
    '[codex] started. Read-only.',
    '[codex] retrying: Reconnecting... 1/5',
    '[codex] Could not reach the model: retried 3 times (last: Reconnecting... 3/5).',
    '[codex] error: gave up',
  ]);
});
