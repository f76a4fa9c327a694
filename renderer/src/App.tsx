// The app shell: the sidebar, the current view beside it (features/app/CurrentView.tsx), and what
// floats above them: the command palette, the Ask composer, toasts. It holds what outlives a view:
// the sidebar's filter, the notes chosen for copying, what is typed in the search box.
import { useQueryClient } from '@tanstack/react-query';
import { WifiOff } from 'lucide-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Toasts } from './components/Toasts';
import { AppFooter } from './features/app/AppFooter';
import { CurrentView } from './features/app/CurrentView';
import { useAppInfo } from './features/app/use-app-info';
import { useAppShortcuts } from './features/app/use-app-shortcuts';
import { useLiveUpdates } from './features/app/use-live-updates';
import { useSidebar } from './features/app/use-sidebar';
import { openCompare, openNote, parseRoute, useRoute, useSelectedNoteId } from './features/app/use-route';
import { Composer } from './features/ask/Composer';
import { useCompareTarget } from './features/compare/use-compare-target';
import { CopyFallbackDialog } from './features/context/CopyFallbackDialog';
import { useCopyShortcuts } from './features/context/use-copy-shortcuts';
import { useNoteSelection } from './features/context/use-note-selection';
import { EmptyNotebook } from './features/notebook/EmptyNotebook';
import { Sidebar } from './features/notebook/Sidebar';
import { useAgents } from './features/settings/use-settings';
import { ALL_NOTES, matchesFilter, type NoteFilter } from './features/notes/note-filter';
import { NotesPanes } from './features/notes/NotesPanes';
import { useNoteActions } from './features/notes/use-note-actions';
import { useNewestNotes, useNoteList } from './features/notes/use-notes';
import { useStaleNotes } from './features/notes/use-stale-notes';
import { CommandPalette } from './features/palette/CommandPalette';
import { useTaskEvents } from './features/tasks/use-task-events';
import { useSessionCapture } from './features/sessions/use-session-capture';
import './styles/layout.css';

export function App() {
  const queryClient = useQueryClient();
  const { connected } = useLiveUpdates();
  const { data: info } = useAppInfo();
  const notesQuery = useNoteList();
  const route = useRoute();
  const [selectedId, select] = useSelectedNoteId();
  const agents = useAgents();
  useTaskEvents();
  useSessionCapture();
  const [filter, setFilter] = useState<NoteFilter>(ALL_NOTES);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [searchFocus, setSearchFocus] = useState(0);
  const [searchText, setSearchText] = useState('');

  const allNotes = useMemo(() => notesQuery.data ?? [], [notesQuery.data]);
  const stale = useStaleNotes();
  // Until the whole list is in, the list pane shows the newest notes (the counts wait for the whole).
  const newest = useNewestNotes(notesQuery.data !== undefined);
  const listed = notesQuery.data ?? newest;
  const notes = useMemo(() => (listed ?? []).filter((note) => matchesFilter(note, filter, stale)), [listed, filter, stale]);
  const noteIds = useMemo(() => notes.map((note) => note.id), [notes]);
  const selection = useNoteSelection(noteIds);
  const reload = useCallback(() => void queryClient.invalidateQueries(), [queryClient]);
  const { restore } = useNoteActions(select);
  const clearSelection = selection.clear;
  const showingNotes = route.view === 'notes';
  const showFilter = useCallback(
    (next: NoteFilter) => {
      setFilter(next);
      clearSelection();
      // A filter is a way to look at notes: from the tasks or the settings, it goes back to them.
      if (!showingNotes) select(null);
    },
    [clearSelection, showingNotes, select],
  );
  // A note opened from elsewhere (a toast, a task) while the trash is shown: show the notes.
  useEffect(() => {
    const onNavigate = (): void => {
      const next = parseRoute(window.location.hash);
      if (next.view === 'notes' && next.noteId) setFilter((current) => (current.kind === 'trash' ? ALL_NOTES : current));
    };
    window.addEventListener('hashchange', onNavigate);
    return () => window.removeEventListener('hashchange', onNavigate);
  }, []);
  const onNotebookSwitched = useCallback(() => {
    select(null);
    showFilter(ALL_NOTES);
  }, [select, showFilter]);
  useCopyShortcuts(selection, selectedId, searchText.trim() === '');
  // Search lives beside the notes: asked for from the tasks or the settings, it brings them back.
  const focusSearch = useCallback(() => {
    if (parseRoute(window.location.hash).view !== 'notes') openNote(null);
    setSearchFocus((n) => n + 1);
  }, []);
  const togglePalette = useCallback((open?: boolean) => setPaletteOpen((current) => open ?? !current), []);
  const sidebar = useSidebar();
  const compareTarget = useCompareTarget(route);
  useAppShortcuts(focusSearch, togglePalette, sidebar.toggle);

  const notebookEmpty = notesQuery.isSuccess && allNotes.length === 0;
  const noAgent = agents.isSuccess && !agents.data.some((agent) => agent.available);
  const showAll = (): void => setFilter(ALL_NOTES);

  return (
    <div className={`app${notebookEmpty ? ' is-empty' : ''}${sidebar.collapsed ? ' is-sidebar-collapsed' : ''}`}>
      <Sidebar
        notebook={info?.notebook ?? null}
        notes={allNotes}
        view={route.view}
        filter={filter}
        onFilter={showFilter}
        canChooseFolder={info?.transport === 'ipc'}
        onNotebookSwitched={onNotebookSwitched}
        collapsed={sidebar.collapsed}
        onToggle={sidebar.toggle}
        footer={<AppFooter connected={connected} transport={info?.transport} view={route.view} />}
      />

      {!connected && (
        <div className="app-banner" role="status">
          <WifiOff aria-hidden /> Lost the connection to Fieldnotes. Reconnecting… Is <code>fieldnotes serve</code> still running?
        </div>
      )}

      <CurrentView
        route={route}
        filter={filter}
        problem={notesQuery.isError ? notesQuery.error : null}
        onRetry={reload}
        onRestore={(trashId) => {
          setFilter(ALL_NOTES);
          void restore(trashId);
        }}
        onboarding={notebookEmpty ? <EmptyNotebook path={info?.notebook?.path} noAgent={noAgent} onOpenPalette={() => setPaletteOpen(true)} /> : null}
      >
        <NotesPanes
          filter={filter}
          notes={notes}
          reading={notesQuery.isPending && newest === undefined}
          read={notesQuery.isSuccess}
          selection={selection}
          selectedId={selectedId}
          select={select}
          searchText={searchText}
          onSearchText={setSearchText}
          searchFocus={searchFocus}
          onShowAll={showAll}
        />
      </CurrentView>

      <Composer canChooseFolder={info?.transport === 'ipc'} />
      <Toasts />
      <CopyFallbackDialog />
      <CommandPalette
        open={paletteOpen}
        onClose={() => setPaletteOpen(false)}
        notes={allNotes}
        onOpenNote={(id) => {
          setFilter(ALL_NOTES);
          select(id);
        }}
        onReload={reload}
        onSearch={(text) => {
          setSearchText(text);
          focusSearch();
        }}
        onCompare={compareTarget ? () => openCompare(compareTarget) : undefined}
      />
    </div>
  );
}
