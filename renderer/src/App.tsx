// The app shell: sidebar, notes list (or search results) and detail pane, or the tasks, or the
// settings; the command palette, the Ask composer, and the empty states. Ctrl/Cmd-K searches;
// Ctrl/Cmd-Shift-P opens the command palette.
import { useQueryClient } from '@tanstack/react-query';
import { Command as CommandIcon, MessageSquarePlus, MousePointerClick, NotebookPen, SearchX, Settings, WifiOff } from 'lucide-react';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { SearchFilters } from '../../shared/contract/search';
import { Button } from './components/Button';
import { EmptyState } from './components/EmptyState';
import { Kbd } from './components/Kbd';
import { Toasts } from './components/Toasts';
import { hasMod } from './lib/platform';
import { useAppInfo } from './features/app/use-app-info';
import { useLiveUpdates } from './features/app/use-live-updates';
import { openNote, openSettings, parseRoute, useRoute, useSelectedNoteId } from './features/app/use-route';
import { openAsk } from './features/ask/ask-store';
import { Composer } from './features/ask/Composer';
import { NoAgentHelp } from './features/ask/NoAgentHelp';
import { CopyFallbackDialog } from './features/context/CopyFallbackDialog';
import { SelectionBar } from './features/context/SelectionBar';
import { useCopyShortcuts } from './features/context/use-copy-shortcuts';
import { useNoteSelection } from './features/context/use-note-selection';
import { Sidebar } from './features/notebook/Sidebar';
import { ThemeToggle } from './features/settings/ThemeToggle';
import { useAgents } from './features/settings/use-settings';
import { NotesList } from './features/notes/NotesList';
import { NoteView } from './features/notes/NoteView';
import { ALL_NOTES, filterLabel, matchesFilter, type NoteFilter } from './features/notes/note-filter';
import { useNoteActions } from './features/notes/use-note-actions';
import { useNoteList } from './features/notes/use-notes';
import { CommandPalette } from './features/palette/CommandPalette';
import { useTaskEvents } from './features/tasks/use-task-events';
import { TrashView } from './features/trash/TrashView';
import { SearchPane } from './features/search/SearchPane';
import './styles/layout.css';

// Loaded when first shown: the notes are what the window opens on, and its first paint waits for
// nothing else.
const TasksView = lazy(() => import('./features/tasks/TasksView').then((module) => ({ default: module.TasksView })));
const SettingsView = lazy(() => import('./features/settings/SettingsView').then((module) => ({ default: module.SettingsView })));
const SessionsView = lazy(() => import('./features/sessions/SessionsView').then((module) => ({ default: module.SessionsView })));

export function App() {
  const queryClient = useQueryClient();
  const { connected } = useLiveUpdates();
  const { data: info } = useAppInfo();
  const notesQuery = useNoteList();
  const route = useRoute();
  const [selectedId, select] = useSelectedNoteId();
  const agents = useAgents();
  useTaskEvents();
  const [filter, setFilter] = useState<NoteFilter>(ALL_NOTES);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [searchFocus, setSearchFocus] = useState(0);
  const [searchText, setSearchText] = useState('');
  const scope = useMemo(() => searchScope(filter), [filter]);

  const allNotes = useMemo(() => notesQuery.data ?? [], [notesQuery.data]);
  const notes = useMemo(() => allNotes.filter((note) => matchesFilter(note, filter)), [allNotes, filter]);
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

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!hasMod(event)) return;
      const key = event.key.toLowerCase();
      if (!event.shiftKey && key === 'k') {
        event.preventDefault();
        setPaletteOpen(false);
        focusSearch();
      } else if (event.shiftKey && key === 'p') {
        event.preventDefault();
        setPaletteOpen((open) => !open);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [focusSearch]);

  const openPalette = <Button variant="secondary" icon={<CommandIcon />} onClick={() => setPaletteOpen(true)}>Command palette</Button>;
  const notebookEmpty = notesQuery.isSuccess && allNotes.length === 0;
  const noAgent = agents.isSuccess && !agents.data.some((agent) => agent.available);

  return (
    <div className={`app${notebookEmpty ? ' is-empty' : ''}`}>
      <Sidebar
        notebook={info?.notebook ?? null}
        notes={allNotes}
        view={route.view}
        filter={filter}
        onFilter={showFilter}
        canChooseFolder={info?.transport === 'ipc'}
        onNotebookSwitched={onNotebookSwitched}
        footer={
          <div className="app-footer">
            <span className={`connection${connected ? '' : ' is-offline'}`} title={connected ? 'Connected to the engine' : 'Reconnecting…'}>
              {connected ? (info?.transport === 'http' ? 'Browser mode' : 'Desktop') : 'Reconnecting…'}
            </span>
            <span className="app-footer-buttons">
              <ThemeToggle />
              <button
                type="button"
                className={`icon-button${route.view === 'settings' ? ' is-active' : ''}`}
                onClick={openSettings}
                aria-label="Settings"
                aria-current={route.view === 'settings' ? 'page' : undefined}
                title="Settings"
              >
                <Settings />
              </button>
            </span>
          </div>
        }
      />

      {!connected && (
        <div className="app-banner" role="status">
          <WifiOff aria-hidden /> Lost the connection to Fieldnotes. Reconnecting… Is <code>fieldnotes serve</code> still running?
        </div>
      )}

      {notesQuery.isError ? (
        <main className="app-onboarding">
          <EmptyState icon={<SearchX />} title="Fieldnotes cannot read this notebook" actions={<Button onClick={reload}>Try again</Button>}>
            <p>{notesQuery.error.message}</p>
          </EmptyState>
        </main>
      ) : route.view === 'tasks' ? (
        <Suspense fallback={<ViewLoading />}>
          <TasksView selectedId={route.taskId} />
        </Suspense>
      ) : route.view === 'settings' ? (
        <Suspense fallback={<ViewLoading />}>
          <SettingsView />
        </Suspense>
      ) : route.view === 'sessions' ? (
        <Suspense fallback={<ViewLoading />}><SessionsView /></Suspense>
      ) : filter.kind === 'trash' ? (
        <>
          <TrashView
            onRestore={(trashId) => {
              setFilter(ALL_NOTES);
              void restore(trashId);
            }}
          />
          <main className="detail-pane">
            <EmptyState icon={<MousePointerClick />} title="Restore a note to read it again">
              <p>Notes in the trash are files in the notebook’s .fieldnotes/trash folder until you empty it.</p>
            </EmptyState>
          </main>
        </>
      ) : notebookEmpty ? (
        <main className="app-onboarding">
          <EmptyState
            icon={<NotebookPen />}
            title="Your notebook is empty"
            actions={
              <>
                <Button variant="primary" icon={<MessageSquarePlus />} onClick={() => openAsk()}>
                  Ask your first question
                </Button>
                {openPalette}
              </>
            }
          >
            <p>
              Fieldnotes keeps what your coding agents explain as Markdown notes, each tied to the repo, commit and files it
              describes.
            </p>
            <p>
              Notes live in <code>{info?.notebook?.path ?? 'your notebook folder'}</code>. Markdown files you put there —
              an Obsidian vault, notes from another tool — show up here as soon as they are saved.
            </p>
            <p>
              Press <Kbd keys={['mod', 'Shift', 'P']} /> at any time to run a command.
            </p>
            {noAgent && <NoAgentHelp />}
          </EmptyState>
        </main>
      ) : (
        <>
          <section className="list-pane" aria-label="Notes">
            <SearchPane
              scope={scope}
              onClearScope={() => setFilter(ALL_NOTES)}
              selectedId={selectedId}
              onOpen={select}
              text={searchText}
              onText={setSearchText}
              focusRequest={searchFocus}
            >
              <header className="pane-header">
                <h2>{filterLabel(filter)}</h2>
                <span className="pane-count">{notesQuery.isSuccess ? notes.length : ''}</span>
              </header>
              {selection.ids.length > 0 && <SelectionBar ids={selection.ids} onClear={selection.clear} />}
              {notesQuery.isPending ? (
                <div className="list-loading" aria-busy="true">Reading notes…</div>
              ) : notes.length === 0 ? (
                <EmptyState
                  title="No notes here"
                  actions={<Button onClick={() => setFilter(ALL_NOTES)}>Show all notes</Button>}
                >
                  <p>Nothing in this notebook matches “{filterLabel(filter)}”.</p>
                </EmptyState>
              ) : (
                <NotesList notes={notes} selectedId={selectedId} onSelect={select} label={filterLabel(filter)} selection={selection} />
              )}
            </SearchPane>
          </section>
          <main className="detail-pane">
            {selectedId ? (
              <NoteView key={selectedId} id={selectedId} select={select} />
            ) : (
              <EmptyState icon={<MousePointerClick />} title="Select a note to read it">
                <p>
                  Move through the list with <Kbd keys={['↑', '↓']} />, or press <Kbd keys={['mod', 'K']} /> to search
                  every note.
                </p>
              </EmptyState>
            )}
          </main>
        </>
      )}

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
      />
    </div>
  );
}

/** Where a view goes while its code loads (a blink, the first time only). */
function ViewLoading() {
  return <main className="detail-pane" aria-busy="true" />;
}

/** The sidebar's choice, as search filters: searching within a repo, a tag or a status. */
function searchScope(filter: NoteFilter): SearchFilters {
  switch (filter.kind) {
    case 'repo':
      return { repo: [filter.repo] };
    case 'tag':
      return { tag: [filter.tag] };
    case 'status':
      return { status: [filter.status] };
    default:
      return {};
  }
}
