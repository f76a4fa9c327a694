// An agent that cannot reach its model endpoint retries, often for minutes: the live view, the
// note and the CLI show a run of retries as one line with a count, and say what to check.
import type { AgentEvent } from './agent-event';

type RetryEvent = Extract<AgentEvent, { type: 'retry' }>;

/** Consecutive retries, folded: how many, and the last reason given. */
export interface RetryRun {
  type: 'retries';
  count: number;
  reason?: string;
}

/** What to check, and the agent's own command that tests the connection (agents.list's `reach`). */
export interface ReachHelp {
  check: string;
  test: string;
}

/** The events with each run of consecutive `retry` events folded into one RetryRun. */
export function foldRetries<E extends { type: string }>(events: readonly E[]): Array<Exclude<E, RetryEvent> | RetryRun> {
  const folded: Array<Exclude<E, RetryEvent> | RetryRun> = [];
  for (const event of events) {
    if (event.type !== 'retry') {
      folded.push(event as Exclude<E, RetryEvent>);
      continue;
    }
    const reason = (event as unknown as RetryEvent).reason;
    const last = folded.at(-1);
    if (last?.type === 'retries') {
      const run = last as RetryRun;
      run.count += 1;
      if (reason) run.reason = reason;
    } else folded.push({ type: 'retries', count: 1, ...(reason ? { reason } : {}) });
  }
  return folded;
}

/** "Could not reach the model: retried 5 times (last: HTTP 503 overloaded). Check …; test it with `claude -p …`." */
export function retryLine(run: Pick<RetryRun, 'count' | 'reason'>, help?: ReachHelp): string {
  const times = run.count === 1 ? 'once' : `${run.count} times`;
  const head = `Could not reach the model: retried ${times}${run.reason ? ` (last: ${run.reason.replace(/\s+/g, ' ').trim().replace(/\.$/, '')})` : ''}.`;
  return help ? `${head} Check ${help.check}; test it with \`${help.test}\`.` : head;
}
