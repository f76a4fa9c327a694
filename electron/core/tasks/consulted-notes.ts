// Which notes an agent consulted during its task: the run's MCP server appends the ids of the notes
// it served to a file of the run's own (one id a line), and the task reads them when it ends.
import { appendFile, readFile, rm } from 'node:fs/promises';

export async function appendConsulted(file: string, ids: readonly string[]): Promise<void> {
  await appendFile(file, ids.map((id) => `${id}\n`).join(''), 'utf8');
}

/** The ids in the file, each once, in the order first served; none when there is no file. */
export async function readConsulted(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return [...new Set(text.split('\n').map((line) => line.trim()).filter(Boolean))];
}

export async function removeConsulted(file: string): Promise<void> {
  await rm(file, { force: true });
}
