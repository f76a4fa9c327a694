// Lists a notebook's note files for the index with their modification time and size: the
// notebook's own listing (note-names.ts), so search sees exactly the notes `list` shows — symlinked
// files that stay inside the notebook included — less those too large to index.
import { MAX_NOTE_BYTES, isHiddenName, isNoteName, listNoteFiles, type NoteFileInfo } from '../notebook/note-names';

export type NoteFileStat = NoteFileInfo;

export { MAX_NOTE_BYTES } from '../notebook/note-names';

export async function scanNotebook(root: string): Promise<NoteFileStat[]> {
  const { files } = await listNoteFiles(root);
  return files.filter((file) => file.size <= MAX_NOTE_BYTES).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A note path from outside (a change notice) that stays inside the notebook and is a note file. */
export function isNotePath(path: string): boolean {
  if (path.startsWith('/') || path.includes('\\')) return false;
  const parts = path.split('/');
  return isNoteName(parts.at(-1) ?? '') && parts.every((part) => part !== '' && part !== '..' && !isHiddenName(part));
}
