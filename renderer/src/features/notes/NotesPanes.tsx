// The notes view: the list pane (the sidebar's choice of notes, or search results over them) and
// the open note beside it.
import { MousePointerClick } from 'lucide-react';
import { lazy, Suspense, useEffect, useMemo } from 'react';
import type { NoteSummary } from '../../../../shared/model/note';
import type { SearchFilters } from '../../../../shared/contract/search';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Kbd } from '../../components/Kbd';
import { SelectionBar } from '../context/SelectionBar';
import type { NoteSelection } from '../context/use-note-selection';
import { SearchPane } from '../search/SearchPane';
import { ListResizer } from './ListResizer';
import { filterLabel, type NoteFilter } from './note-filter';
import { NotesList } from './NotesList';
import { whenIdle } from '../../lib/idle';
import { useStaleNotes } from './use-stale-notes';

// The note view brings the Markdown renderer, the sanitizer and the code highlighter: loaded after
// the list is painted (or at once when a note is open), not before.
const loadNoteView = () => import('./NoteView');
const NoteView = lazy(() => loadNoteView().then((module) => ({ default: module.NoteView })));

interface NotesPanesProps {
  filter: NoteFilter;
  /** The notes the filter chooses, once the notebook is read. */
  notes: NoteSummary[];
  reading: boolean;
  read: boolean;
  selection: NoteSelection;
  selectedId: string | null;
  select: (id: string | null) => void;
  /** What is typed in the search box, kept while other views are shown. */
  searchText: string;
  onSearchText: (text: string) => void;
  /** Bumped to put the cursor in the search box (Ctrl/Cmd-K). */
  searchFocus: number;
  onShowAll: () => void;
}

export function NotesPanes({ filter, notes, reading, read, selection, selectedId, select, searchText, onSearchText, searchFocus, onShowAll }: NotesPanesProps) {
  const stale = useStaleNotes();
  const scope = useMemo(() => searchScope(filter, stale), [filter, stale]);
  useEffect(
    () =>
      whenIdle(() => {
        void loadNoteView();
        return false;
      }),
    [],
  );
  return (
    <>
      <section className="list-pane" aria-label="Notes">
        <SearchPane scope={scope} onClearScope={onShowAll} selectedId={selectedId} onOpen={select} text={searchText} onText={onSearchText} focusRequest={searchFocus}>
          <header className="pane-header">
            <h2>{filterLabel(filter)}</h2>
            <span className="pane-count">{read ? notes.length : ''}</span>
          </header>
          {selection.ids.length > 0 && <SelectionBar ids={selection.ids} onClear={selection.clear} />}
          <FilteredNotes filter={filter} notes={notes} reading={reading} selection={selection} selectedId={selectedId} select={select} onShowAll={onShowAll} />
        </SearchPane>
        <ListResizer />
      </section>
      <main className="detail-pane">
        {selectedId ? (
          <Suspense fallback={<div className="note-view is-loading" aria-busy="true" />}>
            <NoteView key={selectedId} id={selectedId} select={select} />
          </Suspense>
        ) : (
          <EmptyState icon={<MousePointerClick />} title="Select a note to read it">
            <p>
              Move through the list with <Kbd keys={['↑', '↓']} />, or press <Kbd keys={['mod', 'K']} /> to search every
              note.
            </p>
          </EmptyState>
        )}
      </main>
    </>
  );
}

type FilteredNotesProps = Pick<NotesPanesProps, 'filter' | 'notes' | 'reading' | 'selection' | 'selectedId' | 'select' | 'onShowAll'>;

/** The list when nothing is searched: still reading, nothing chosen, or the notes. */
function FilteredNotes({ filter, notes, reading, selection, selectedId, select, onShowAll }: FilteredNotesProps) {
  if (reading) return <div className="list-loading" aria-busy="true">Reading notes…</div>;
  if (notes.length === 0) {
    return (
      <EmptyState title="No notes here" actions={<Button onClick={onShowAll}>Show all notes</Button>}>
        <p>Nothing in this notebook matches “{filterLabel(filter)}”.</p>
      </EmptyState>
    );
  }
  return <NotesList notes={notes} selectedId={selectedId} onSelect={select} label={filterLabel(filter)} selection={selection} />;
}

/** The sidebar's choice, as search filters: searching within a repo, a tag, a status or the stale notes. */
function searchScope(filter: NoteFilter, stale: ReadonlySet<string>): SearchFilters {
  switch (filter.kind) {
    case 'repo':
      return { repo: [filter.repo] };
    case 'tag':
      return { tag: [filter.tag] };
    case 'status':
      return { status: [filter.status] };
    case 'stale':
      return { ids: [...stale] };
    default:
      return {};
  }
}
