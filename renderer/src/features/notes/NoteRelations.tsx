// How a note is tied to others: the notes asked the same question at the same time (siblings),
// the note it follows up, the notes its agent was given as context, and the notes it read through
// Fieldnotes' MCP server while it worked (consulted). Each opens with a click; siblings can also be
// compared side by side.
import { BookOpen, Columns3, CornerDownRight, Paperclip, Users } from 'lucide-react';
import type { ReactNode } from 'react';
import type { Note } from '../../../../shared/model/note';
import { openCompare, openNote } from '../app/use-route';
import { useAgentLabels } from '../settings/use-settings';
import { useNoteList } from './use-notes';

export function NoteRelations({ note }: { note: Note }) {
  const fm = note.frontmatter;
  const { data: notes } = useNoteList();
  const labelOf = useAgentLabels();
  if (!fm || (!fm.siblings?.length && !fm.parent && !fm.context?.length && !fm.consulted?.length)) return null;
  const byId = new Map((notes ?? []).map((each) => [each.id, each]));
  const link = (id: string, describe: (title: string, agent?: string) => string) => {
    const other = byId.get(id);
    return (
      <li key={id}>
        <button type="button" className="link-button" onClick={() => openNote(id)} disabled={!other} title={other ? other.path : 'Not in this notebook'}>
          {other ? describe(other.title, other.agent) : 'a note that is gone'}
        </button>
      </li>
    );
  };
  return (
    <div className="note-relations">
      {fm.siblings && fm.siblings.length > 0 && (
        <Relation
          icon={<Users />}
          label="Also asked of"
          action={
            <button type="button" className="link-button note-relation-action" onClick={() => openCompare(note.summary.id)}>
              <Columns3 aria-hidden /> Compare answers
            </button>
          }
        >
          {fm.siblings.map((id) => link(id, (title, agent) => (agent ? labelOf(agent) : title)))}
        </Relation>
      )}
      {fm.parent && (
        <Relation icon={<CornerDownRight />} label="Follows up">
          {link(fm.parent, (title) => title)}
        </Relation>
      )}
      {fm.context && fm.context.length > 0 && (
        <Relation icon={<Paperclip />} label={fm.context.length === 1 ? 'Context: 1 note' : `Context: ${fm.context.length} notes`}>
          {fm.context.map((id) => link(id, (title) => title))}
        </Relation>
      )}
      {fm.consulted && fm.consulted.length > 0 && (
        <Relation icon={<BookOpen />} label={fm.consulted.length === 1 ? 'Consulted: 1 note' : `Consulted: ${fm.consulted.length} notes`}>
          {fm.consulted.map((id) => link(id, (title) => title))}
        </Relation>
      )}
    </div>
  );
}

function Relation({ icon, label, children, action }: { icon: ReactNode; label: string; children: ReactNode; action?: ReactNode }) {
  return (
    <div className="note-relation">
      {icon}
      <span className="note-relation-label">{label}</span>
      <ul aria-label={label}>{children}</ul>
      {action}
    </div>
  );
}
