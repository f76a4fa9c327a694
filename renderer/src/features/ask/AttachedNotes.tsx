// The notes going to the agents as context: chips with their title and status, each removable, and
// what they add to the prompt in tokens (counted by the engine, as "copy as context" does).
import { Paperclip, X } from 'lucide-react';
import type { NoteSummary } from '../../../../shared/model/note';
import { StatusBadge } from '../../components/StatusBadge';
import { formatTokens } from '../../lib/format';
import { useContextEstimate } from '../context/use-context-estimate';
import { useNoteList } from '../notes/use-notes';

interface AttachedNotesProps {
  ids: string[];
  onChange: (ids: string[]) => void;
}

export function AttachedNotes({ ids, onChange }: AttachedNotesProps) {
  const { data: notes } = useNoteList();
  // The prompt carries context notes as an xml bundle (electron/core/tasks/prompt.ts).
  const estimate = useContextEstimate(ids, 'xml');
  if (ids.length === 0) return null;
  const byId = new Map((notes ?? []).map((note: NoteSummary) => [note.id, note]));
  return (
    <section className="attached-notes" aria-label="Context notes">
      <div className="attached-notes-heading">
        <Paperclip aria-hidden />
        <span>{ids.length === 1 ? '1 note as context' : `${ids.length} notes as context`}</span>
        <span className="attached-notes-tokens" aria-live="polite">
          {estimate.isError ? 'tokens unknown' : estimate.data ? `≈ ${formatTokens(estimate.data.tokens)} tokens` : 'counting…'}
        </span>
      </div>
      <ul className="chips">
        {ids.map((id) => {
          const note = byId.get(id);
          const title = note?.title ?? 'A note that is gone';
          return (
            <li key={id} className="chip" title={note?.path}>
              {note && <StatusBadge status={note.status} compact />}
              <span className="chip-label">{title}</span>
              <button type="button" aria-label={`Remove “${title}” from the context`} onClick={() => onChange(ids.filter((each) => each !== id))}>
                <X />
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
