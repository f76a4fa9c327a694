// Reads a JSON Lines stream arriving in arbitrary chunks: partial lines wait for their end, a line
// too long to keep is skipped, and a line that is not JSON becomes a diagnostic, never a throw.
import type { AgentEvent } from '../../../shared/model/agent-event';
import type { StreamParser } from './agent-adapter';

/** Lines longer than this are dropped (a CLI echoing a huge file in a tool result). */
export const MAX_LINE_LENGTH = 16 * 1024 * 1024;

export type JsonRecord = Record<string, unknown>;

/**
 * Builds a parser that hands each JSON object line to `translate`. An exception thrown by
 * `translate` is reported as a diagnostic, so one odd line cannot end a run.
 */
export function createJsonLinesParser(
  translate: (record: JsonRecord) => AgentEvent[],
  options: { maxLineLength?: number } = {},
): StreamParser {
  const maxLineLength = options.maxLineLength ?? MAX_LINE_LENGTH;
  let pending = '';
  let skipping = false;
  let skipped = 0;

  function line(text: string): AgentEvent[] {
    const trimmed = text.trim();
    if (trimmed === '') return [];
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      return [{ type: 'diagnostic', message: `stdout: ${clip(trimmed, 500)}` }];
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return [{ type: 'diagnostic', message: `stdout: ${clip(trimmed, 500)}` }];
    }
    try {
      return translate(value as JsonRecord);
    } catch (error) {
      return [{ type: 'diagnostic', message: `could not read a stream line: ${String(error)}` }];
    }
  }

  function endSkip(): AgentEvent[] {
    skipping = false;
    const message = `skipped a stdout line of ${skipped} characters (limit ${maxLineLength})`;
    skipped = 0;
    return [{ type: 'diagnostic', message }];
  }

  return {
    push(chunk) {
      const events: AgentEvent[] = [];
      let start = 0;
      for (let newline = chunk.indexOf('\n'); newline !== -1; newline = chunk.indexOf('\n', start)) {
        const piece = chunk.slice(start, newline);
        start = newline + 1;
        if (skipping) {
          skipped += piece.length;
          events.push(...endSkip());
        } else {
          events.push(...line(pending + piece));
        }
        pending = '';
      }
      const rest = chunk.slice(start);
      if (skipping) {
        skipped += rest.length;
      } else if (pending.length + rest.length > maxLineLength) {
        skipping = true;
        skipped = pending.length + rest.length;
        pending = '';
      } else {
        pending += rest;
      }
      return events;
    },
    end() {
      if (skipping) return endSkip();
      const last = pending;
      pending = '';
      return line(last);
    },
  };
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

/** The first line of a text, clipped: a summary for a tool result. */
export function firstLine(text: string, max = 200): string {
  const trimmed = text.trim();
  const newline = trimmed.indexOf('\n');
  return clip(newline === -1 ? trimmed : trimmed.slice(0, newline), max);
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function rec(value: unknown): JsonRecord | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonRecord) : undefined;
}

/** `{ [key]: value }` when the value is defined, else `{}`: keeps optional fields absent. */
export function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
