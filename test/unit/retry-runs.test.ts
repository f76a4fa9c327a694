// A run of retries is one line with its count, and says what to check when the adapter knows.
import { describe, expect, it } from 'vitest';
import { foldRetries, retryLine } from '../../shared/model/retry-runs';

describe('retries of the model endpoint', () => {
  it('fold into one item per run of consecutive retries, keeping the last reason', () => {
    const folded = foldRetries([
      { type: 'retry', attempt: 1, reason: 'ECONNREFUSED' },
      { type: 'retry', attempt: 2, reason: 'HTTP 503 overloaded' },
      { type: 'retry', attempt: 3 },
      { type: 'error', message: 'gave up' },
      { type: 'retry', attempt: 1 },
    ] as const);
    expect(folded).toEqual([{ type: 'retries', count: 3, reason: 'HTTP 503 overloaded' }, { type: 'error', message: 'gave up' }, { type: 'retries', count: 1 }]);
  });

  it('read as one line with a count, what to check and the agent’s own test command', () => {
    expect(retryLine({ count: 1 })).toBe('Could not reach the model: retried once.');
    expect(retryLine({ count: 4, reason: 'Connection error.' }, { check: 'the network', test: 'claude -p "Reply with OK"' })).toBe(
      'Could not reach the model: retried 4 times (last: Connection error). Check the network; test it with `claude -p "Reply with OK"`.',
    );
  });
});
