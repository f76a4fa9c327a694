// Reads a JSON Lines file as a stream, within bounded memory: one record at a time, a line too
// long to keep is skipped, and a line that is not JSON (a truncated last line among them) becomes
// a problem of the file instead of an exception.
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/** Lines longer than this are skipped: a session line echoing a huge file is not worth the memory. */
export const MAX_SESSION_LINE = 8 * 1024 * 1024;

export interface JsonLinesRead {
  bytes: number;
  problems: string[];
}

/**
 * Calls `onRecord` for each JSON object line, in order. An exception from `onRecord` is a problem
 * of that line, never the end of the read.
 */
export async function readJsonLinesFile(
  file: string,
  onRecord: (record: Record<string, unknown>, line: number) => void,
  options: { onProgress?: (bytesRead: number) => void; maxLine?: number } = {},
): Promise<JsonLinesRead> {
  const maxLine = options.maxLine ?? MAX_SESSION_LINE;
  const problems: string[] = [];
  const bad: number[] = [];
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let skipping = false;
  let lineNo = 0;
  let bytes = 0;

  const handle = (text: string, last: boolean) => {
    lineNo++;
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      if (last) problems.push(`The last line (${lineNo}) is cut short: the agent may still be writing it.`);
      else bad.push(lineNo);
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      bad.push(lineNo);
      return;
    }
    try {
      onRecord(value as Record<string, unknown>, lineNo);
    } catch (error) {
      problems.push(`Line ${lineNo} could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    let text = decoder.write(chunk);
    for (;;) {
      const newline = text.indexOf('\n');
      if (newline === -1) break;
      const piece = text.slice(0, newline);
      text = text.slice(newline + 1);
      if (skipping) {
        skipping = false;
        lineNo++;
        pending = '';
        continue;
      }
      const line = pending + piece;
      pending = '';
      handle(line, false);
    }
    if (!skipping) {
      pending += text;
      if (pending.length > maxLine) {
        problems.push(`Line ${lineNo + 1} is longer than ${sizeText(maxLine)} and was skipped.`);
        skipping = true;
        pending = '';
      }
    }
    options.onProgress?.(bytes);
  }
  pending += decoder.end();
  if (!skipping && pending !== '') handle(pending, true);
  if (bad.length > 0) problems.unshift(`${bad.length} line${bad.length === 1 ? ' is' : 's are'} not JSON and ${bad.length === 1 ? 'was' : 'were'} skipped (line ${bad.slice(0, 5).join(', ')}${bad.length > 5 ? ', …' : ''}).`);
  return { bytes, problems };
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}
