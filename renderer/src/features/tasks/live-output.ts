// A task's live output as the window keeps it: the latest events in bounded memory, however much
// the agent prints. The engine already batches and caps what it sends (a few batches a second, at
// most 32 KB of text each); here the total is capped too, so a 10 MB answer costs the page the
// same as a 40 KB one. What is shown (the answer's tail, the activity) is derived from the events.
import type { AgentEvent } from '../../../../shared/model/agent-event';
import { latestEvents } from '../../../../shared/model/event-tail';
import { TextJoiner } from '../../../../shared/model/text-blocks';

/** Answer text kept: the end of it, enough for several screens. */
export const TAIL_CHARS = 24 * 1024;
/** Other events kept (tool calls, results, errors…), the latest ones. */
export const MAX_EVENTS = 400;

export interface LiveOutput {
  /** The latest events, oldest first: text within TAIL_CHARS, the rest within MAX_EVENTS. */
  events: AgentEvent[];
  /** Events left out: by the engine (a flood) or let go here. */
  dropped: number;
}

export const NO_OUTPUT: LiveOutput = { events: [], dropped: 0 };

type TextEvent = Extract<AgentEvent, { type: 'text' }>;

/** Adds events at the end and lets the oldest go beyond the limits. */
export function appendEvents(previous: LiveOutput | undefined, events: readonly AgentEvent[], dropped = 0): LiveOutput {
  const all = [...(previous?.events ?? []), ...events];
  const kept = latestEvents(all, { maxOthers: MAX_EVENTS, maxTextChars: TAIL_CHARS }).events;
  return { events: kept, dropped: (previous?.dropped ?? 0) + dropped + (all.length - kept.length) };
}

/**
 * The events to show: a task's recorded history (tasks.get) followed by the live events that came
 * after it. Events carry `t` (ms since the agent started), so nothing is shown twice.
 */
export function mergeHistory(history: readonly AgentEvent[], live: LiveOutput): LiveOutput {
  const last = history.reduce((max, event) => Math.max(max, event.t ?? -1), -1);
  const newer = live.events.filter((event) => event.t === undefined || event.t > last);
  return appendEvents({ events: [...history], dropped: live.dropped }, newer);
}

export interface OutputView {
  /** The end of the answer so far. */
  text: string;
  /** True when earlier text was let go (by the engine or here). */
  textCut: boolean;
  /** Everything but text, oldest first. */
  activity: Exclude<AgentEvent, TextEvent>[];
  /** Files the agent's tool calls read, in the order first seen. */
  filesRead: string[];
}

export function viewOf(output: LiveOutput): OutputView {
  const joiner = new TextJoiner();
  let text = '';
  const activity: OutputView['activity'] = [];
  const files = new Set<string>();
  for (const event of output.events) {
    text += joiner.add(event);
    if (event.type === 'text') continue;
    activity.push(event);
    if (event.type === 'tool_call' && !event.writes) for (const path of event.paths) files.add(path);
  }
  return { text, textCut: output.dropped > 0 || text.length >= TAIL_CHARS, activity, filesRead: [...files] };
}
