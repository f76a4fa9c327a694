// The agents' sessions on this machine, and importing them one at a time so progress shows.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SessionImportProgress, SessionImportResult, SessionListing } from '../../../../shared/contract/sessions';
import { api } from '../../api';
import { noteKeys } from '../notes/use-notes';

export const sessionKeys = { all: ['sessions'] as const };

/** One codebase's sessions, newest first. */
export interface SessionGroup {
  repo: string;
  project?: string;
  sessions: SessionListing[];
}

export function useSessions() {
  return useQuery({ queryKey: sessionKeys.all, queryFn: () => api.sessions.list({}) });
}

/** Groups by codebase; the groups in the order of their newest session (the list comes newest first). */
export function groupByCodebase(sessions: readonly SessionListing[]): SessionGroup[] {
  const groups = new Map<string, SessionGroup>();
  for (const session of sessions) {
    const key = session.project ?? '';
    const group = groups.get(key) ?? { repo: session.repo ?? 'No codebase', ...(session.project ? { project: session.project } : {}), sessions: [] };
    group.sessions.push(session);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export interface ImportProgress {
  done: number;
  total: number;
  /** The session being imported, and how much of its file the engine has read (from `sessions.progress`). */
  current?: SessionListing;
  reading?: SessionImportProgress;
}

/** Imports sessions one by one, reporting progress; resolves with every result. */
export function useSessionImport() {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<ImportProgress | null>(null);

  async function importSessions(sessions: readonly SessionListing[]): Promise<SessionImportResult[]> {
    const results: SessionImportResult[] = [];
    let current: SessionListing | undefined;
    setProgress({ done: 0, total: sessions.length });
    const off = api.on('sessions.progress', (reading) => {
      if (current && reading.agent === current.agent && reading.session === current.id) {
        setProgress({ done: results.length, total: sessions.length, current, reading });
      }
    });
    try {
      for (const session of sessions) {
        current = session;
        setProgress({ done: results.length, total: sessions.length, current });
        const { results: one } = await api.sessions.import({ ids: [session.id], agent: session.agent });
        results.push(...one);
        setProgress({ done: results.length, total: sessions.length });
      }
    } finally {
      off();
      setProgress(null);
      await Promise.all([queryClient.invalidateQueries({ queryKey: sessionKeys.all }), queryClient.invalidateQueries({ queryKey: noteKeys.all })]);
    }
    return results;
  }

  return { importSessions, progress };
}
