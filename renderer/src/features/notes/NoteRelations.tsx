// How a note is tied to others: the newer answer that refreshed it and the older one it refreshes,
// the notes asked the same question at the same time (siblings), the note it follows up, the notes
// its agent was given as context, and the notes it read through Fieldnotes' MCP server while it
// worked (consulted). Each opens with a click; siblings can also be compared side by side.
import { BookOpen, Columns3, CornerDownRight, History, Paperclip, RefreshCw, Users } from 'lucide-react';
import type { ReactNode } from 'react';
import type { Note } from '../../../../shared/model/note';
import { formatWhen } from '../../lib/format';
import { openCompare, openNote } from '../app/use-route';
import { useAgentLabels } from '../settings/use-settings';
import { useNoteList } from './use-notes';

export function NoteRelations({ note }: { note: Note }) {
  const fm = note.frontmatter;
  const { data: notes } = useNoteList();
  // A refresh's old note goes to the agent as context: it is listed once, as the note superseded.
  const context = fm?.context?.filter((id) => id !== fm.supersedes) ?? [];
  const labelOf = useAgentLabels();
  if (!fm || (!fm.siblings?.length && !fm.parent && context.length === 0 && !fm.consulted?.length && !fm.supersedes && !fm.superseded_by)) return null;
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
  const dated = (title: string, created?: string) => (created ? `${title} · ${formatWhen(created)}` : title);
  return (
    <div className="note-relations">
      {fm.superseded_by && (
        <Relation icon={<RefreshCw />} label="Superseded by">
          {link(fm.superseded_by, (title) => dated(title, byId.get(fm.superseded_by!)?.created))}
        </Relation>
      )}
      {fm.supersedes && (
        <Relation icon={<History />} label="Supersedes">
          {link(fm.supersedes, (title) => dated(title, byId.get(fm.supersedes!)?.created))}
        </Relation>
      )}
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
      {context.length > 0 && (
        <Relation icon={<Paperclip />} label={context.length === 1 ? 'Context: 1 note' : `Context: ${context.length} notes`}>
          {context.map((id) => link(id, (title) => title))}
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
