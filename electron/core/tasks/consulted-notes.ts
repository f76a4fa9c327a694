// Which notes an agent consulted during its task: the run's MCP server appends the ids of the notes
// it served to a file of the run's own (one id a line), and the task reads them when it ends.
import { appendFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

/** Synchronous, so the ids are on disk before the tool's result reaches the agent. */
export function appendConsulted(file: string, ids: readonly string[]): void {
  appendFileSync(file, ids.map((id) => `${id}\n`).join(''), 'utf8');
}

/** The ids in the file, each once, in the order first served; none when there is no file. */
export async function readConsulted(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return [...new Set(text.split('\n').map((line) => line.trim()).filter(Boolean))];
}
