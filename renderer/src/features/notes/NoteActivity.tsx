// What the agent did for a note, from the note's own transcript (so it outlives the task, and
// comes along with a synced notebook): its tool calls, their results, and the files it read.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../api';
import { viewOf } from '../tasks/live-output';
import { TaskActivity } from '../tasks/TaskActivity';

export function NoteActivity({ noteId, agent }: { noteId: string; agent?: string }) {
  const transcript = useQuery({
    queryKey: ['notes', 'transcript', noteId],
    queryFn: () => api.notes.transcript({ id: noteId }),
  });
  const view = useMemo(() => viewOf({ events: transcript.data?.events ?? [], dropped: 0 }), [transcript.data]);
  const calls = view.activity.filter((event) => event.type === 'tool_call').length;
  if (!transcript.data || view.activity.length === 0) return null;
  return (
    <section className="note-section" aria-label="Agent activity">
      <div className="note-section-head">
        <h2 className="eyebrow">
          Activity · {calls} {calls === 1 ? 'tool call' : 'tool calls'}
          {view.filesRead.length > 0 && `, ${view.filesRead.length} ${view.filesRead.length === 1 ? 'file' : 'files'} read`}
        </h2>
      </div>
      <TaskActivity activity={view.activity} agent={agent} />
      {view.filesRead.length > 0 && (
        <ul className="task-files" aria-label="Files read">
          {view.filesRead.map((path) => (
            <li key={path}>
              <code>{path}</code>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
