// How an agent's text events join into its answer: text that comes after a tool call (or its
// result) begins a new block, set off by a blank line, so "…the router source." and the
// "## Answer" after the tool call stay apart and the heading renders. The engine (the note) and
// the window (the live view) both join text here, so both show the same answer.
import type { AgentEvent } from './agent-event';

/** Joins text events as they come: give it every event, in order. */
export class TextJoiner {
  private tail = '';
  private toolSinceText = false;

  /** What `event` adds to the answer: a text event's text, after a blank line when it starts a block; '' for other events. */
  add(event: AgentEvent): string {
    if (event.type === 'tool_call' || event.type === 'tool_result') {
      if (this.tail !== '') this.toolSinceText = true;
      return '';
    }
    if (event.type !== 'text') return '';
    let text = event.text;
    if (this.toolSinceText && text.trim() !== '') {
      const newlines = trailingNewlines(this.tail) + leadingNewlines(text);
      text = '\n'.repeat(Math.max(0, 2 - newlines)) + text;
      this.toolSinceText = false;
    }
    this.tail = (this.tail + text).slice(-2);
    return text;
  }
}

function trailingNewlines(text: string): number {
  return text.length - text.replace(/\n+$/, '').length;
}

function leadingNewlines(text: string): number {
  return text.length - text.replace(/^\n+/, '').length;
}
