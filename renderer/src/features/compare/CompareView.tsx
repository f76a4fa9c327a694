// The Compare view (#/compare/<id>): one question's answers from several agents, side by side. The
// focused column (←/→ or [ ]) is the one C copies as context; A copies them all.
import { useQueries } from '@tanstack/react-query';
import { ArrowLeft, ClipboardCopy, Columns3, Copy, FileWarning } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { Note } from '../../../../shared/model/note';
import { api } from '../../api';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Kbd } from '../../components/Kbd';
import { shortCommit } from '../../lib/format';
import { openNote } from '../app/use-route';
import { getContextFormat } from '../context/context-format';
import { copyAsContext } from '../context/copy-context';
import { FormatPicker } from '../context/FormatPicker';
import { noteKeys, useNote } from '../notes/use-notes';
import { useAgentLabels } from '../settings/use-settings';
import { CompareColumn } from './CompareColumn';
import { filesReadByAll, filesReadByEach, siblingGroup } from './compare-facts';
import { useCompareKeys } from './use-compare-keys';
import './Compare.css';

export function CompareView({ noteId }: { noteId: string }) {
  const { data: opened, error, isPending } = useNote(noteId);
  if (isPending) return <main className="compare-view" aria-busy="true" />;
  if (error || !opened) {
    return (
      <main className="compare-view">
        <EmptyState icon={<FileWarning />} title="This note cannot be shown">
          <p>{error?.message ?? 'It may have been moved or deleted outside Fieldnotes.'}</p>
        </EmptyState>
      </main>
    );
  }
  if (!opened.frontmatter?.siblings?.length) {
    return (
      <main className="compare-view">
        <EmptyState icon={<Columns3 />} title="No other answers to compare" actions={<Button onClick={() => openNote(noteId)}>Back to the note</Button>}>
          <p>Ask a question of several agents at once (pick more than one in Ask) and their answers can be compared here.</p>
        </EmptyState>
      </main>
    );
  }
  return <SiblingColumns opened={opened} />;
}

/** The notes that could be read, in order; how many could not; whether some are still on their way. */
function group(results: Array<{ data?: Note; isError: boolean; isPending: boolean }>) {
  return {
    // A note that is gone keeps its last data beside the error: it is not shown (as in the note view).
    notes: results.flatMap((result) => (result.data && !result.isError ? [result.data] : [])),
    missing: results.filter((result) => result.isError).length,
    loading: results.some((result) => result.isPending),
  };
}

function SiblingColumns({ opened }: { opened: Note }) {
  const labelOf = useAgentLabels();
  const ids = useMemo(() => siblingGroup(opened), [opened]);
  const { notes, missing, loading } = useQueries({ queries: ids.map((id) => ({ queryKey: noteKeys.one(id), queryFn: () => api.notes.get({ id }) })), combine: group });
  // The focus is a note, not a place: a column that comes or goes does not move it.
  const [focusId, setFocusId] = useState(opened.summary.id);
  const focused = Math.max(0, notes.findIndex((note) => note.summary.id === focusId));
  const columnsRef = useRef<HTMLDivElement>(null);

  const files = useMemo(() => filesReadByEach(notes), [notes]);
  const shared = useMemo(() => filesReadByAll(notes), [notes]);
  const labels = notes.map((note) => labelOf(note.frontmatter?.agent?.id ?? note.summary.agent ?? 'agent'));
  const noteIds = notes.map((note) => note.summary.id).join(' ');
  const focusedId = notes[focused]?.summary.id;

  const move = useCallback(
    (step: -1 | 1) => {
      const next = notes[Math.min(Math.max(0, focused + step), notes.length - 1)];
      if (next) setFocusId(next.summary.id);
    },
    [notes, focused],
  );
  const copyFocused = useCallback(() => {
    if (focusedId) void copyAsContext([focusedId], getContextFormat());
  }, [focusedId]);
  const copyAll = useCallback(() => {
    if (noteIds) void copyAsContext(noteIds.split(' '), getContextFormat());
  }, [noteIds]);
  useCompareKeys({ count: notes.length, onMove: move, onCopyFocused: copyFocused, onCopyAll: copyAll });

  // The focused column is brought into view when the columns scroll sideways (small windows);
  // only sideways: the page stays where the reader left it.
  useEffect(() => {
    const row = columnsRef.current;
    const column = row?.querySelectorAll<HTMLElement>('[data-compare-column]')[focused];
    if (!row || !column) return;
    // The row is the column's offsetParent (position: relative), so this is unaffected by scrolling.
    const left = column.offsetLeft;
    const margin = 24;
    if (left - margin < row.scrollLeft) row.scrollTo({ left: left - margin });
    else if (left + column.offsetWidth + margin > row.scrollLeft + row.clientWidth) row.scrollTo({ left: left + column.offsetWidth + margin - row.clientWidth });
  }, [focused]);

  const fm = opened.frontmatter;
  const question = fm?.question?.trim() || opened.summary.title;
  return (
    <main className="compare-view" aria-label="Compare answers">
      <header className="compare-header">
        <div className="compare-header-top">
          <Button variant="ghost" size="sm" icon={<ArrowLeft />} onClick={() => openNote(opened.summary.id)}>
            Back to the note
          </Button>
          <span className="eyebrow">
            Compare answers · {ids.length} agents
            {fm?.repo && ` · ${fm.repo.name}`}
            {fm?.repo?.commit && ` @ ${shortCommit(fm.repo.commit)}`}
          </span>
        </div>
        <h1 className="compare-question" title={question}>
          {question}
        </h1>
        <div className="compare-toolbar">
          <FormatPicker />
          <Button size="sm" icon={<Copy />} onClick={copyFocused} disabled={!focusedId} title="Copy the focused answer as context (C)">
            Copy {labels[focused] ?? 'this'}’s answer
          </Button>
          <Button size="sm" icon={<ClipboardCopy />} onClick={copyAll} disabled={notes.length === 0} title="Copy every answer as context (A)">
            Copy all {notes.length}
          </Button>
          <span className="compare-summary">
            {[
              notes.length > 1 ? (shared === 1 ? '1 file read by all' : `${shared} files read by all`) : null,
              missing > 0 ? `${missing === 1 ? '1 answer is' : `${missing} answers are`} not in this notebook (deleted or moved)` : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </span>
        </div>
      </header>
      <div className="compare-columns" ref={columnsRef} style={{ '--compare-columns': Math.max(notes.length, 1) } as CSSProperties} aria-busy={loading || undefined}>
        {notes.map((note, index) => (
          <CompareColumn key={note.summary.id} note={note} label={labels[index]!} files={files[index] ?? []} focused={index === focused} onFocus={() => setFocusId(note.summary.id)} />
        ))}
      </div>
      <footer className="compare-keys" aria-label="Keys">
        <span>
          <Kbd keys={['←', '→']} /> or <Kbd keys={['[', ']']} /> switch answers
        </span>
        <span>
          <Kbd keys={['C']} /> copy this answer
        </span>
        <span>
          <Kbd keys={['A']} /> copy all
        </span>
      </footer>
    </main>
  );
}
