// Writing note files by hand in tests, the way an editor or `git pull` would, and waiting for
// what the app does about them.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

let counter = 0;

/** A valid Fieldnotes note's text. */
export function noteText(fields: { id?: string; title?: string; created?: string; tags?: string[]; extra?: string } = {}, body = 'Body.\n'): string {
  counter += 1;
  const id = fields.id ?? `01JE${String(counter).padStart(22, '0')}`;
  return [
    '---',
    `id: ${id}`,
    `title: ${JSON.stringify(fields.title ?? `Note ${counter}`)}`,
    `created: ${fields.created ?? '2026-11-20T09:30:00.000Z'}`,
    `tags: [${(fields.tags ?? []).join(', ')}]`,
    ...(fields.extra ? [fields.extra] : []),
    '---',
    body,
  ].join('\n');
}

export async function writeNoteFile(root: string, relPath: string, text: string | Uint8Array): Promise<string> {
  const abs = join(root, ...relPath.split('/'));
  await mkdir(dirname(abs), { recursive: true });
  await writeFile(abs, text);
  return abs;
}

/** Polls until `check` returns a value other than undefined/false (the test's timeout bounds it). */
export async function eventually<T>(check: () => T | undefined | false | Promise<T | undefined | false>, everyMs = 25): Promise<T> {
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
