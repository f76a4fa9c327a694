// Writes note files the way Fieldnotes does (YAML frontmatter + Markdown), for tests that need a
// notebook with particular notes in it.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface NoteSpec {
  title: string;
  body?: string;
  question?: string;
  tags?: string[];
  sources?: string[];
  repo?: string;
  agent?: string;
  mode?: 'explain' | 'poc';
  status?: 'done' | 'failed' | 'running';
  created?: string;
}

let counter = 0;

/** A valid ULID, unique per call, ordered like creation. */
export function testId(): string {
  counter += 1;
  return `01JD${String(counter).padStart(22, '0')}`;
}

export function noteText(spec: NoteSpec, id = testId()): string {
  const lines = [
    '---',
    `id: ${id}`,
    `title: ${JSON.stringify(spec.title)}`,
    ...(spec.question ? [`question: ${JSON.stringify(spec.question)}`] : []),
    `mode: ${spec.mode ?? 'explain'}`,
    `status: ${spec.status ?? 'done'}`,
    ...(spec.repo ? [`repo: { name: ${JSON.stringify(spec.repo)} }`] : []),
    ...(spec.agent ? [`agent: { id: ${spec.agent} }`] : []),
    `created: ${spec.created ?? '2026-11-20T10:00:00.000Z'}`,
    ...(spec.sources?.length ? ['sources:', ...spec.sources.map((path) => `  - { path: ${JSON.stringify(path)} }`)] : []),
    `tags: [${(spec.tags ?? []).join(', ')}]`,
    '---',
  ];
  return `${lines.join('\n')}\n${spec.body ?? ''}\n`;
}

/** Writes a note at `relPath` inside `notebook`; returns its id. */
export async function writeNote(notebook: string, relPath: string, spec: NoteSpec): Promise<string> {
  const id = testId();
  const file = join(notebook, relPath);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, noteText(spec, id));
  return id;
}
