// Pieces every adapter's verdict uses: finding the CLI's own result and the most telling error.
import type { AgentEvent } from '../../../shared/model/agent-event';
import type { Verdict, VerdictInput } from './agent-adapter';

type EventOf<T extends AgentEvent['type']> = Extract<AgentEvent, { type: T }>;

export function lastEvent<T extends AgentEvent['type']>(events: readonly AgentEvent[], type: T): EventOf<T> | undefined {
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const event = events[i];
    if (event?.type === type) return event as EventOf<T>;
  }
  return undefined;
}

/**
 * The shared rule: a run succeeded when the process exited 0 and the CLI reported success
 * (`result.ok`). Otherwise the error is the CLI's last error message, else a description of
 * how the process ended.
 */
export function verdictFromResult(label: string, input: VerdictInput, options: { requireResult: boolean }): Verdict {
  const result = lastEvent(input.events, 'result');
  const error = lastEvent(input.events, 'error')?.message;
  if (input.signal !== null) return { ok: false, error: error ?? `${label} was stopped by ${input.signal}.` };
  if (input.exitCode !== 0) {
    return { ok: false, error: error ?? (result && !result.ok ? result.text : undefined) ?? `${label} exited with code ${input.exitCode}.` };
  }
  if (result === undefined) {
    return options.requireResult ? { ok: false, error: error ?? `${label} ended without reporting a result.` } : { ok: true };
  }
  if (!result.ok) return { ok: false, error: error ?? result.text ?? `${label} reported a failure.` };
  return { ok: true };
}
