// The detail pane: a note's provenance and its rendered body.
import { FileWarning } from 'lucide-react';
import { useMemo } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { renderMarkdown } from './markdown';
import { NoteHeader } from './NoteHeader';
import { useNote } from './use-notes';
import './NoteView.css';

export function NoteView({ id }: { id: string }) {
  const { data: note, error, isPending } = useNote(id);
  const html = useMemo(() => (note ? renderMarkdown(note.body) : ''), [note]);

  if (isPending) return <div className="note-view is-loading" aria-busy="true" />;
  if (error || !note) {
    return (
      <EmptyState icon={<FileWarning />} title="This note cannot be shown">
        <p>{error?.message ?? 'It may have been moved or deleted outside Fieldnotes.'}</p>
      </EmptyState>
    );
  }
  return (
    <article className="note-view" aria-label={note.summary.title}>
      <NoteHeader note={note} />
      {/* The HTML comes from renderMarkdown, which sanitizes it with DOMPurify. */}
      <div className="markdown" dangerouslySetInnerHTML={{ __html: html }} />
    </article>
  );
}
