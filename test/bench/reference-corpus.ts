// The notes as the reference engines index them: read and parsed exactly as the search worker
// reads them (readIndexedNoteSync), so every engine gets the same fields with the same text.
import { parseNoteFile } from '../../electron/core/notebook/note-file';
import { readIndexedNoteSync } from '../../electron/core/search/indexed-note';
import { scanNotebook } from '../../electron/core/search/notebook-scan';
import { FIELDS } from '../../electron/core/search/fields';

export interface CorpusNote {
  path: string;
  title: string;
  /** Field texts in FIELDS order: title, question, tags, sources, body (see fields.ts). */
  fields: string[];
}

export const CORPUS_FIELDS = FIELDS;

export async function readCorpus(notebook: string): Promise<CorpusNote[]> {
  const notes: CorpusNote[] = [];
  for (const file of await scanNotebook(notebook)) {
    const note = readIndexedNoteSync(notebook, file.path, parseNoteFile);
    if (note) notes.push({ path: note.facts.path, title: note.facts.title, fields: note.fieldTexts });
  }
  return notes;
}
