// Agent output as notes and windows show it: terminal escape sequences (colours, cursor moves,
// OSC titles and hyperlinks, DCS/APC strings) and control characters (NUL, bell, backspace, bare
// carriage returns, C1) removed, newlines and tabs kept, broken surrogates made U+FFFD. The
// transcript keeps the raw text; this is what goes into a note, the live view and a terminal.
//
// Not util.stripVTControlCharacters: it keeps NUL, bells and DCS strings, and a sequence cut in
// two by a pipe read loses its start only, so the rest (`31m`) shows as text. The stream cleaner
// here holds an unfinished sequence back until the next piece tells how it ends.
import type { AgentEvent } from '../../../shared/model/agent-event';

/** A sequence longer than this is no sequence a terminal was sent: its text is given back. */
const MAX_SEQUENCE = 4096;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NEEDS_CLEANING = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uD800-\uDFFF]/;
// eslint-disable-next-line no-control-regex -- the same characters, found one after another
const SPECIAL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uD800-\uDFFF]/g;

type State = 'text' | 'escape' | 'escape-intermediate' | 'csi' | 'string' | 'string-escape';

const ESC = 0x1b;
const BEL = 0x07;

/** Cleans one stream of text that arrives in pieces (an answer). */
export class AgentTextCleaner {
  private state: State = 'text';
  /** The unfinished sequence (or lone high surrogate) at the end of the last piece. */
  private held = '';

  /** The clean text of `piece`, less what is held back until the next one says how it ends. */
  push(piece: string): string {
    if (this.state === 'text' && this.held === '' && !NEEDS_CLEANING.test(piece)) return piece;
    const input = this.held + piece;
    this.held = '';
    let out = '';
    let start = 0;
    let i = 0;
    for (; i < input.length; i++) {
      if (this.state === 'text') {
        // Plain runs are copied whole; only the characters SPECIAL finds are looked at one by one.
        SPECIAL.lastIndex = i;
        const next = SPECIAL.exec(input)?.index ?? input.length;
        out += input.slice(i, next);
        if (next === input.length) break;
        i = next;
      } else if (i - start > MAX_SEQUENCE) {
        // Not a sequence after all: drop its introducer, read the rest again as text.
        [this.state, i] = ['text', start];
        continue;
      }
      const code = input.charCodeAt(i);
      switch (this.state) {
        case 'text':
          if (code === ESC) [this.state, start] = ['escape', i];
          else if (code === 0x9b) [this.state, start] = ['csi', i];
          else if (code === 0x9d || code === 0x90 || code === 0x98 || code === 0x9e || code === 0x9f) [this.state, start] = ['string', i];
          else if (code >= 0xd800 && code <= 0xdbff) {
            const low = input.charCodeAt(i + 1);
            if (i + 1 === input.length) [this.held, i] = [input[i]!, input.length];
            else if (low >= 0xdc00 && low <= 0xdfff) out += input[i]! + input[++i]!;
            else out += '\uFFFD';
          } else if (code >= 0xdc00 && code <= 0xdfff) out += '\uFFFD';
          // Any other C0 or C1 control, and DEL: dropped.
          break;
        case 'escape':
          if (code === 0x5b) this.state = 'csi';
          else if (code === 0x5d || code === 0x50 || code === 0x58 || code === 0x5e || code === 0x5f) this.state = 'string';
          else if (code >= 0x20 && code <= 0x2f) this.state = 'escape-intermediate';
          else if (code >= 0x30 && code <= 0x7e) this.state = 'text';
          else if (code === ESC) start = i;
          else [this.state, i] = ['text', i - 1];
          break;
        case 'escape-intermediate':
          if (code >= 0x30 && code <= 0x7e) this.state = 'text';
          else if (code < 0x20 || code > 0x2f) [this.state, i] = ['text', i - 1];
          break;
        case 'csi':
          if (code >= 0x40 && code <= 0x7e) this.state = 'text';
          else if (code < 0x20 || code > 0x3f) [this.state, i] = ['text', i - 1];
          break;
        case 'string':
          // BEL or ST (C1) ends it; CAN and SUB cancel it.
          if (code === BEL || code === 0x9c || code === 0x18 || code === 0x1a) this.state = 'text';
          else if (code === ESC) this.state = 'string-escape';
          break;
        case 'string-escape':
          // ESC \ ends the string; any other ESC ends it too and starts a new sequence.
          if (code === 0x5c) this.state = 'text';
          else [this.state, start, i] = ['escape', i - 1, i - 1];
          break;
      }
    }
    if (this.state !== 'text') this.held = input.slice(start);
    return out;
  }

  /** The end of the stream: an unfinished sequence is dropped, a lone surrogate becomes U+FFFD. */
  end(): string {
    const held = this.held;
    const state = this.state;
    this.held = '';
    this.state = 'text';
    return state === 'text' && held !== '' ? '\uFFFD' : '';
  }
}

/** `text` cleaned whole. */
export function cleanAgentText(text: string): string {
  const cleaner = new AgentTextCleaner();
  return cleaner.push(text) + cleaner.end();
}

/**
 * The event as it is shown: its answer text through `answer` (the stream's cleaner), every other
 * text it carries (tool summaries, errors, paths) cleaned whole.
 */
export function cleanAgentEvent(event: AgentEvent, answer: AgentTextCleaner): AgentEvent {
  switch (event.type) {
    case 'text':
      return { ...event, text: answer.push(event.text) };
    case 'tool_call':
      return {
        ...event,
        name: cleanAgentText(event.name),
        ...(event.summary === undefined ? {} : { summary: cleanAgentText(event.summary) }),
        paths: event.paths.map(cleanAgentText),
      };
    case 'tool_result':
      return event.summary === undefined ? event : { ...event, summary: cleanAgentText(event.summary) };
    case 'retry':
      return event.reason === undefined ? event : { ...event, reason: cleanAgentText(event.reason) };
    case 'error':
    case 'diagnostic':
      return { ...event, message: cleanAgentText(event.message) };
    case 'result':
      return event.text === undefined ? event : { ...event, text: cleanAgentText(event.text) };
    case 'session':
      return { ...event, session: cleanAgentText(event.session), ...(event.model === undefined ? {} : { model: cleanAgentText(event.model) }) };
    default:
      return event;
  }
}

/** A transcript's events as they are shown (one stream of answer text through them all). */
export function cleanAgentEvents(events: readonly AgentEvent[]): AgentEvent[] {
  const answer = new AgentTextCleaner();
  return events.map((event) => cleanAgentEvent(event, answer));
}
