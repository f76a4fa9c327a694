// The trash: deleted notes, each restorable, and a way to empty it for good (after confirming).
import { useQueryClient } from '@tanstack/react-query';
import { RotateCcw, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { api } from '../../api';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { showError, showToast } from '../../components/toast-store';
import { formatWhen } from '../../lib/format';
import { noteKeys } from '../notes/use-notes';
import { useTrash } from './use-trash';
import './TrashView.css';

export function TrashView({ onRestore }: { onRestore: (trashId: string) => void }) {
  const trash = useTrash();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const notes = trash.data ?? [];

  const empty = async (): Promise<void> => {
    setConfirming(false);
    try {
      const { removed } = await api.notes.emptyTrash();
      await queryClient.invalidateQueries({ queryKey: noteKeys.all });
      showToast({ message: `Deleted ${removed} ${removed === 1 ? 'note' : 'notes'} for good.` });
    } catch (error) {
      showError(error);
    }
  };

  return (
    <section className="list-pane" aria-label="Trash">
      <header className="pane-header">
        <h2>Trash</h2>
        <span className="pane-count">{trash.isSuccess ? notes.length : ''}</span>
        {notes.length > 0 && (
          <Button className="trash-empty" variant="danger" size="sm" icon={<Trash2 />} onClick={() => setConfirming(true)}>
            Empty trash
          </Button>
        )}
      </header>
      {trash.isSuccess && notes.length === 0 ? (
        <EmptyState icon={<Trash2 />} title="The trash is empty">
          <p>Deleted notes stay here until you empty the trash, so you can put them back.</p>
        </EmptyState>
      ) : (
        <ul className="trash-list" aria-label="Trashed notes">
          {notes.map((note) => (
            <li key={note.trashId} className="trash-row">
              <div className="trash-row-text">
                <span className="trash-row-title">{note.title}</span>
                <span className="trash-row-meta">
                  {note.path} · deleted {formatWhen(note.trashedAt)}
                </span>
              </div>
              <Button variant="secondary" size="sm" icon={<RotateCcw />} onClick={() => onRestore(note.trashId)} aria-label={`Restore ${note.title}`}>
                Restore
              </Button>
            </li>
          ))}
        </ul>
      )}
      {confirming && (
        <ConfirmDialog title="Empty the trash?" confirmLabel="Delete for good" onConfirm={() => void empty()} onCancel={() => setConfirming(false)}>
          <p>
            {notes.length} {notes.length === 1 ? 'note' : 'notes'} and their transcripts will be deleted from the disk. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
