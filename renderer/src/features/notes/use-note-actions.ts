// What the user can do to a note from the UI — tag it, trash it, restore it, open files it links
// to — with the outcome in the query cache and in a toast.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, type MouseEvent } from 'react';
import type { Note } from '../../../../shared/model/note';
import { api } from '../../api';
import { dismissToast, showError, showToast } from '../../components/toast-store';
import { noteKeys } from './use-notes';

/** The Undo toast of each trash entry, so restoring it another way takes the stale Undo away. */
const undoToasts = new Map<string, number>();

/** Tag edits in flight, chained so a quick remove-then-add reaches the file in that order. */
let tagWrites: Promise<void> = Promise.resolve();

export function useNoteActions(select: (id: string | null) => void) {
  const queryClient = useQueryClient();
  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: noteKeys.all }), [queryClient]);

  const setTags = useCallback(
    (note: Note, tags: string[]): Promise<void> => {
      const key = noteKeys.one(note.summary.id);
      const before = queryClient.getQueryData<Note>(key);
      // Shown at once, so a second edit made before the first is saved starts from the first.
      queryClient.setQueryData<Note>(key, { ...note, summary: { ...note.summary, tags } });
      const save = async (): Promise<void> => {
        try {
          const updated = await api.notes.setTags({ id: note.summary.id, tags });
          queryClient.setQueryData(noteKeys.one(updated.summary.id), updated);
          // Plain Markdown gets an id of its own the first time it is tagged.
          if (updated.summary.id !== note.summary.id) select(updated.summary.id);
          await refresh();
        } catch (error) {
          if (before) queryClient.setQueryData(key, before);
          showError(error);
        }
      };
      // Saved one after another, in the order they were made.
      tagWrites = tagWrites.then(save);
      return tagWrites;
    },
    [queryClient, refresh, select],
  );

  const restore = useCallback(
    async (trashId: string): Promise<void> => {
      const undo = undoToasts.get(trashId);
      if (undo !== undefined) dismissToast(undo);
      undoToasts.delete(trashId);
      try {
        const note = await api.notes.restore({ trashId });
        await refresh();
        select(note.summary.id);
        showToast({ message: `Restored “${note.summary.title}”.` });
      } catch (error) {
        showError(error);
      }
    },
    [refresh, select],
  );

  const trash = useCallback(
    async (note: Note): Promise<void> => {
      try {
        const trashed = await api.notes.delete({ id: note.summary.id });
        select(null);
        await refresh();
        const toast = showToast({ message: `Moved “${trashed.title}” to the trash.`, action: { label: 'Undo', run: () => void restore(trashed.trashId) } });
        undoToasts.set(trashed.trashId, toast);
      } catch (error) {
        showError(error);
      }
    },
    [refresh, restore, select],
  );

  const openFile = useCallback(async (note: Note, target: string): Promise<void> => {
    try {
      const opened = await api.notes.openFile({ id: note.summary.id, target });
      if (opened.action === 'revealed') showToast({ message: `${target} could run as a program, so it is shown in its folder instead.` });
    } catch (error) {
      showError(error);
    }
  }, []);

  /** A click in a rendered note: links to files of the repo (`src/x.ts:42`) open in the user's editor, never in the page. */
  const fileLinkClick = useCallback(
    (note: Note) => (event: MouseEvent<HTMLElement>): void => {
      const link = (event.target as Element).closest('a[data-file]');
      if (!link) return;
      event.preventDefault();
      void openFile(note, link.getAttribute('data-file') ?? '');
    },
    [openFile],
  );

  return { setTags, trash, restore, openFile, fileLinkClick };
}
