// The latest of a task's events within limits: what tasks.get sends and what a window keeps while
// an agent streams. A flood of text costs the same as its tail.
import type { AgentEvent } from './agent-event';

export interface EventLimits {
  /** Events kept in all. */
  maxEvents?: number;
  /** Events other than text kept (tool calls, results, errors…). */
  maxOthers?: number;
  /** Characters of text kept: the end of it, the oldest event kept cut to fit. */
  maxTextChars?: number;
}

/** The latest events within `limits`, oldest first; `cut` says whether anything was left out. */
export function latestEvents(events: readonly AgentEvent[], limits: EventLimits): { events: AgentEvent[]; cut: boolean } {
  const { maxEvents = Infinity, maxOthers = Infinity, maxTextChars = Infinity } = limits;
  const kept: AgentEvent[] = [];
  let text = 0;
  let others = 0;
  let cut = false;
  for (let i = events.length - 1; i >= 0; i--) {
    if (kept.length >= maxEvents) return { events: kept.reverse(), cut: true };
    const event = events[i]!;
    if (event.type === 'text') {
      const room = maxTextChars - text;
      if (room <= 0) {
        cut = true;
        continue;
      }
      if (event.text.length > room) cut = true;
      const piece = event.text.length > room ? { ...event, text: event.text.slice(-room) } : event;
      text += piece.text.length;
      kept.push(piece);
    } else if (others < maxOthers) {
      others += 1;
      kept.push(event);
    } else {
      cut = true;
    }
  }
  return { events: kept.reverse(), cut };
}
