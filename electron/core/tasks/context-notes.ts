// The notes a task gets as context, read when it starts, as the context formatter wants them.
import type { ContextNote } from '../../../shared/context/context-bundle';
import type { Note } from '../../../shared/model/note';
import { toContextNote } from '../context/context-note';
import type { Notebook } from '../notebook/notebook';

/** The notes with these ids that can still be read; one that vanished meanwhile is left out (and logged). */
export async function contextNotes(notebook: Notebook, ids: readonly string[], log: (message: string) => void): Promise<ContextNote[]> {
  const notes = await Promise.all(
    ids.map((id) =>
      notebook.get(id).catch((error: unknown) => {
        log(`a context note is gone (${id}): ${error instanceof Error ? error.message : String(error)}`);
        return null;
      }),
    ),
  );
  return notes.filter((note): note is Note => note !== null).map((note) => toContextNote(note));
}
