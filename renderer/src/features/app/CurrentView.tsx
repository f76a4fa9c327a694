// What the window shows beside the sidebar, in order of precedence: why the notebook cannot be
// read, the tasks, the settings, the agents' sessions or a comparison of answers (the route), the trash (the sidebar's filter), the onboarding of
// an empty notebook, and otherwise the notes.
import { MousePointerClick, SearchX } from 'lucide-react';
import { lazy, Suspense, type ReactNode } from 'react';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import type { NoteFilter } from '../notes/note-filter';
import { TrashView } from '../trash/TrashView';
import type { Route } from './use-route';

// Loaded when first shown: the notes are what the window opens on, and its first paint waits for
// nothing else.
const TasksView = lazy(() => import('../tasks/TasksView').then((module) => ({ default: module.TasksView })));
const SettingsView = lazy(() => import('../settings/SettingsView').then((module) => ({ default: module.SettingsView })));
const CompareView = lazy(() => import('../compare/CompareView').then((module) => ({ default: module.CompareView })));
const SessionsView = lazy(() => import('../sessions/SessionsView').then((module) => ({ default: module.SessionsView })));

interface CurrentViewProps {
  route: Route;
  filter: NoteFilter;
  /** Why the notes could not be listed, if they could not. */
  problem: Error | null;
  onRetry: () => void;
  onRestore: (trashId: string) => void;
  /** Shown instead of the notes while the notebook has none. */
  onboarding: ReactNode;
  /** The notes view. */
  children: ReactNode;
}

export function CurrentView({ route, filter, problem, onRetry, onRestore, onboarding, children }: CurrentViewProps) {
  if (problem) {
    return (
      <main className="app-onboarding">
        <EmptyState icon={<SearchX />} title="Fieldnotes cannot read this notebook" actions={<Button onClick={onRetry}>Try again</Button>}>
          <p>{problem.message}</p>
        </EmptyState>
      </main>
    );
  }
  if (route.view === 'tasks') {
    return (
      <Suspense fallback={<ViewLoading />}>
        <TasksView selectedId={route.taskId} />
      </Suspense>
    );
  }
  if (route.view === 'settings') {
    return (
      <Suspense fallback={<ViewLoading />}>
        <SettingsView />
      </Suspense>
    );
  }
  if (route.view === 'compare') {
    return (
      <Suspense fallback={<ViewLoading />}>
        <CompareView noteId={route.noteId} />
      </Suspense>
    );
  }
  if (route.view === 'sessions') {
    return (
      <Suspense fallback={<ViewLoading />}>
        <SessionsView />
      </Suspense>
    );
  }
  if (filter.kind === 'trash') {
    return (
      <>
        <TrashView onRestore={onRestore} />
        <main className="detail-pane">
          <EmptyState icon={<MousePointerClick />} title="Restore a note to read it again">
            <p>Notes in the trash are files in the notebook’s .fieldnotes/trash folder until you empty it.</p>
          </EmptyState>
        </main>
      </>
    );
  }
  return onboarding ?? children;
}

/** Where a view goes while its code loads (a blink, the first time only). */
function ViewLoading() {
  return <main className="detail-pane" aria-busy="true" />;
}
