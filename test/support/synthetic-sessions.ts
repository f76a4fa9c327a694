// Claude Code session files in the shape Claude Code 2.1.332 writes (prompts, Read tool calls with
// their results, answers, bookkeeping lines), of any size: for the bench and the big-file test,
// where a real CLI would take hours to write 100 MB. Written as a stream, a line at a time.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';

export interface SyntheticSession {
  id: string;
  /** The project folder (each line's cwd). */
  repo: string;
  turns: number;
  /** How many characters each Read result echoes: what makes a session big. */
  echo: number;
  /** Start of the session (ms since the epoch). */
  start: number;
}

/** Writes the session; resolves with its size in bytes. */
export async function writeClaudeSession(file: string, session: SyntheticSession): Promise<number> {
  const { id, repo, turns, echo } = session;
  const out = createWriteStream(file);
  let written = 0;
  const put = async (record: unknown) => {
    const line = `${JSON.stringify(record)}\n`;
    written += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  };
  const base = (t: number) => ({ sessionId: id, cwd: repo, gitBranch: 'master', version: '2.1.332', timestamp: new Date(session.start + t * 1000).toISOString() });
  for (let t = 0; t < turns; t++) {
    const path = join(repo, 'src', `file-${t % 20}.ts`);
    await put({ type: 'queue-operation', operation: 'enqueue', ...base(t) });
    await put({ type: 'user', uuid: `${id}-u${t}`, message: { role: 'user', content: `Question ${t} of session ${id}: how does value${t % 20} flow through the code?` }, ...base(t) });
    await put({ type: 'assistant', uuid: `${id}-a${t}`, message: { id: `msg-${id}-${t}-0`, model: 'claude-opus-5-5', content: [{ type: 'tool_use', id: `toolu-${id}-${t}`, name: 'Read', input: { file_path: path } }], usage: { input_tokens: 1200, output_tokens: 40 } }, ...base(t) });
    await put({ type: 'user', uuid: `${id}-r${t}`, message: { role: 'user', content: [{ tool_use_id: `toolu-${id}-${t}`, type: 'tool_result', content: 'x'.repeat(echo) }] }, toolUseResult: { type: 'text', file: { filePath: path, content: 'x'.repeat(Math.min(echo, 20_000)) } }, ...base(t) });
    await put({ type: 'assistant', uuid: `${id}-b${t}`, message: { id: `msg-${id}-${t}-1`, model: 'claude-opus-5-5', content: [{ type: 'text', text: `value${t % 20} is defined in src/file-${t % 20}.ts and exported as a constant. `.repeat(6) }], usage: { input_tokens: 1500, output_tokens: 200 } }, ...base(t) });
  }
  await put({ type: 'cost-state', sessionId: id, totalCostUSD: 0.01 * turns, modelUsage: { 'claude-opus-5-5': { inputTokens: 2700 * turns, outputTokens: 240 * turns } } });
  out.end();
  await once(out, 'finish');
  return written;
}

/** The echo that makes a session of `turns` turns about `megabytes` MB (a turn's lines hold it once, and up to 20,000 characters of it again). */
export function echoFor(megabytes: number, turns: number): number {
  const perTurn = Math.floor((megabytes * 1024 * 1024) / turns) - 2000;
  return perTurn > 40_000 ? perTurn - 20_000 : Math.floor(perTurn / 2);
}
