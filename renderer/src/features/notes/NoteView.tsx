// The detail pane: a note's provenance and its rendered body.
import { FileWarning } from 'lucide-react';
import { useMemo, useRef } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { AnswerDiff } from './AnswerDiff';
import { CitationHover } from './CitationHover';
import { CitationsBar } from './CitationsBar';
import { NoteActivity } from './NoteActivity';
import { NoteChanges } from '../diff/NoteChanges';
import { conflictSides, NoteConflict } from '../sync/NoteConflict';
import { NoteHeader } from './NoteHeader';
import { useMarkdownBody } from './use-markdown-body';
import { useNoteActions } from './use-note-actions';
import { useNote } from './use-notes';
import './NoteView.css';

export function NoteView({ id, select }: { id: string; select: (id: string | null) => void }) {
  const { data: note, error, isPending } = useNote(id);
  const sides = useMemo(() => (note ? conflictSides(note) : null), [note]);
  const actions = useNoteActions(select);
  const bodyRef = useRef<HTMLDivElement>(null);
  const body = useMarkdownBody(bodyRef, sides ? undefined : note?.body);

  if (isPending) return <div className="note-view is-loading" aria-busy="true" />;
  if (error || !note) {
    return (
      <EmptyState icon={<FileWarning />} title="This note cannot be shown">
        <p>{error?.message ?? 'It may have been moved or deleted outside Fieldnotes.'}</p>
      </EmptyState>
    );
  }
  const onClick = actions.fileLinkClick(note);
  return (
    <article className="note-view" aria-label={note.summary.title}>
      <NoteHeader note={note} onTags={(tags) => void actions.setTags(note, tags)} onDelete={() => void actions.trash(note)} />
      <CitationsBar id={note.summary.id} />
      {sides && <NoteConflict note={note} sides={sides} />}
      {/* useMarkdownBody fills it with nodes sanitized by DOMPurify (renderMarkdownPiece). */}
      {!sides && <div className="markdown" ref={bodyRef} onClick={onClick} aria-busy={!body.complete} />}
      <CitationHover id={note.summary.id} bodyRef={bodyRef} version={body.version} />
      {note.frontmatter && (
        <>
          <AnswerDiff note={note} />
          <NoteChanges noteId={note.summary.id} />
          <NoteActivity noteId={note.summary.id} agent={note.summary.agent} />
        </>
      )}
    </article>
  );
}
