// The sidebar: the open notebook, Ask, the tasks, and ways to narrow the list (status, stale, repo, tag).
import { AlertTriangle, FolderGit2, Hash, History, Inbox, Loader, MessageSquarePlus, PanelLeftClose, PanelLeftOpen, Trash2, XCircle } from 'lucide-react';
import { useMemo, type ReactNode } from 'react';
import type { NotebookInfo } from '../../../../shared/contract/app';
import type { NoteSummary } from '../../../../shared/model/note';
import { Kbd } from '../../components/Kbd';
import { MOD_LABEL } from '../../lib/platform';
import type { Route } from '../app/use-route';
import { openAsk } from '../ask/ask-store';
import { ASK_SHORTCUT } from '../ask/ask-shortcut';
import { countBy, sameFilter, type NoteFilter } from '../notes/note-filter';
import { useStaleNotes } from '../notes/use-stale-notes';
import { SessionsNavItem } from '../sessions/SessionsNavItem';
import { SyncRailButton, SyncStatusBox } from '../sync/SyncStatusBox';
import { TasksNavItem } from '../tasks/TasksNavItem';
import { useTrash } from '../trash/use-trash';
import { NotebookSwitcher } from './NotebookSwitcher';
import './Sidebar.css';

interface SidebarProps {
  notebook: NotebookInfo | null;
  notes: NoteSummary[];
  /** The view shown: a filter reads as chosen only while the notes are. */
  view: Route['view'];
  filter: NoteFilter;
  onFilter: (filter: NoteFilter) => void;
  /** True in the desktop app, where the system folder dialog exists. */
  canChooseFolder: boolean;
  onNotebookSwitched: () => void;
  footer?: ReactNode;
  /** Folded to a rail of buttons (Ctrl/Cmd-\, or by itself in a narrow window). */
  collapsed: boolean;
  onToggle: () => void;
}

const MAX_LISTED = 12;

export function Sidebar({ notebook, notes, view, filter, onFilter, canChooseFolder, onNotebookSwitched, footer, collapsed, onToggle }: SidebarProps) {
  const trashed = useTrash().data?.length ?? 0;
  const repos = useMemo(() => countBy(notes.flatMap((note) => (note.repo ? [note.repo] : []))), [notes]);
  const tags = useMemo(() => countBy(notes.flatMap((note) => note.tags)), [notes]);
  const running = notes.filter((note) => note.status === 'running' || note.status === 'queued').length;
  const failed = notes.filter((note) => note.status === 'failed').length;
  const problems = notes.filter((note) => note.problem).length;
  const staleIds = useStaleNotes();
  const stale = useMemo(() => notes.filter((note) => staleIds.has(note.id)).length, [notes, staleIds]);

  const item = (target: NoteFilter, icon: ReactNode, label: string, count: number) => {
    const active = view === 'notes' && sameFilter(filter, target);
    return (
      <li key={JSON.stringify(target)}>
        <button type="button" className={`sidebar-item${active ? ' is-active' : ''}`} onClick={() => onFilter(target)} aria-current={active ? 'true' : undefined}>
          {icon}
          <span className="sidebar-item-label">{label}</span>
          <span className="sidebar-item-count">{count}</span>
        </button>
      </li>
    );
  };

  const toggleHint = `${collapsed ? 'Show' : 'Fold'} the sidebar (${MOD_LABEL}-\\)`;
  if (collapsed) {
    return (
      <nav className="sidebar is-collapsed" aria-label="Notebook">
        <button type="button" className="icon-button" onClick={onToggle} aria-label="Show the sidebar" title={toggleHint}>
          <PanelLeftOpen aria-hidden />
        </button>
        <button type="button" className="icon-button" onClick={() => openAsk()} aria-label="Ask a question" title="Ask agents a question">
          <MessageSquarePlus aria-hidden />
        </button>
        <SyncRailButton enabled={notebook !== null} />
      </nav>
    );
  }
  return (
    <nav className="sidebar" aria-label="Notebook">
      <div className="sidebar-brand">
        <img src="./favicon.svg" alt="" width={22} height={22} />
        <span>Fieldnotes</span>
        <button type="button" className="icon-button sidebar-fold" onClick={onToggle} aria-label="Fold the sidebar" title={toggleHint}>
          <PanelLeftClose aria-hidden />
        </button>
      </div>
      <NotebookSwitcher notebook={notebook} canChooseFolder={canChooseFolder} onSwitched={onNotebookSwitched} />
      <button type="button" className="sidebar-ask" onClick={() => openAsk()} aria-label="Ask a question" title="Ask agents a question">
        <MessageSquarePlus aria-hidden />
        <span>Ask</span>
        <Kbd keys={ASK_SHORTCUT} />
      </button>
      <ul className="sidebar-list">
        <li>
          <TasksNavItem active={view === 'tasks'} />
        </li>
        <li>
          <SessionsNavItem active={view === 'sessions'} />
        </li>
        {item({ kind: 'all' }, <Inbox />, 'All notes', notes.length)}
        {running > 0 && item({ kind: 'status', status: 'running' }, <Loader />, 'Running', running)}
        {failed > 0 && item({ kind: 'status', status: 'failed' }, <XCircle />, 'Failed', failed)}
        {stale > 0 && item({ kind: 'stale' }, <History />, 'Stale', stale)}
        {problems > 0 && item({ kind: 'problems' }, <AlertTriangle />, 'Problems', problems)}
        {item({ kind: 'trash' }, <Trash2 />, 'Trash', trashed)}
      </ul>
      {repos.length > 0 && (
        <section>
          <h3 className="sidebar-heading eyebrow">Repos</h3>
          <ul className="sidebar-list">
            {repos.slice(0, MAX_LISTED).map(([repo, count]) => item({ kind: 'repo', repo }, <FolderGit2 />, repo, count))}
          </ul>
        </section>
      )}
      {tags.length > 0 && (
        <section>
          <h3 className="sidebar-heading eyebrow">Tags</h3>
          <ul className="sidebar-list">
            {tags.slice(0, MAX_LISTED).map(([tag, count]) => item({ kind: 'tag', tag }, <Hash />, tag, count))}
          </ul>
        </section>
      )}
      <div className="sidebar-footer">
        <SyncStatusBox enabled={notebook !== null} />
        {footer}
      </div>
    </nav>
  );
}
