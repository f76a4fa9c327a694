// Keeps every cached query in step with the engine: push events invalidate what they touch, and a
// reconnect after a drop refetches everything (events may have been missed).
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { noteKeys } from '../notes/use-notes';

export function useLiveUpdates(): { connected: boolean } {
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(true);

  useEffect(() => {
    const offs = [
      api.on('notes.changed', () => void queryClient.invalidateQueries({ queryKey: noteKeys.all })),
      api.on('notebook.changed', () => void queryClient.invalidateQueries()),
      api.onReconnect(() => void queryClient.invalidateQueries()),
      api.onConnectionChange(setConnected),
    ];
    return () => offs.forEach((off) => off());
  }, [queryClient]);

  return { connected };
}
