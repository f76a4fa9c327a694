// "Capture new sessions": a toast when the engine brought sessions in by itself, and the lists
// refreshed. Mounted once, by the app shell.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { SessionImportResult } from '../../../../shared/contract/sessions';
import { api } from '../../api';
import { showToast } from '../../components/toast-store';
import { openNote } from '../app/use-route';
import { noteKeys } from '../notes/use-notes';
import { sessionKeys } from './use-sessions';

export function useSessionCapture(): void {
  const queryClient = useQueryClient();
  useEffect(() => api.on('sessions.captured', ({ results }) => {
    void queryClient.invalidateQueries({ queryKey: sessionKeys.all });
    void queryClient.invalidateQueries({ queryKey: noteKeys.all });
    const message = capturedMessage(results);
    const first = results.find((result) => result.noteId && result.status !== 'failed');
    if (!message) return;
    showToast({
      message,
      tone: results.some((result) => result.status === 'failed') ? 'error' : 'info',
      ...(first?.noteId ? { action: { label: 'Open note', run: () => openNote(first.noteId!) } } : {}),
    });
  }), [queryClient]);
}

/** "Captured 1 new session" / "Captured 2 sessions: 1 new, 1 updated". */
export function capturedMessage(results: readonly SessionImportResult[]): string | null {
  const count = (status: SessionImportResult['status']) => results.filter((result) => result.status === status).length;
  const parts = [
    count('created') && `${count('created')} new`,
    count('updated') && `${count('updated')} updated`,
    count('conflict') && `${count('conflict')} left as you edited ${count('conflict') === 1 ? 'it' : 'them'}`,
    count('failed') && `${count('failed')} failed`,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  const total = results.length;
  return `Captured ${total} ${total === 1 ? 'session' : 'sessions'} from your terminals: ${parts.join(', ')}.`;
}
