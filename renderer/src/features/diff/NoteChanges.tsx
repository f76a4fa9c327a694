// A poc note's diff, read from the patch kept with the note (so it outlives the task): the files
// changed with their +/− counts, the readable diff, and the patch to copy or save.
import { ClipboardCopy, Download, FileDiff } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Button } from '../../components/Button';
import { showError, showToast } from '../../components/toast-store';
import { DiffDialog } from './DiffDialog';
import { patchFiles, type PatchFile } from './patch-files';
import { usePatchArtifact, usePatchText } from './use-patch';

const KIND_LABEL: Record<PatchFile['kind'], string | null> = { added: 'new', deleted: 'deleted', renamed: 'renamed', binary: 'binary', changed: null };

export function NoteChanges({ noteId }: { noteId: string }) {
  const artifact = usePatchArtifact(noteId);
  const patch = usePatchText(noteId, artifact.data?.name);
  const files = useMemo(() => (patch.data ? patchFiles(patch.data.text) : []), [patch.data]);
  const [showDiff, setShowDiff] = useState(false);
  if (!artifact.data) return null;
  const name = artifact.data.name;
  const added = files.reduce((sum, file) => sum + file.added, 0);
  const removed = files.reduce((sum, file) => sum + file.removed, 0);

  const copy = async (): Promise<void> => {
    if (!patch.data) return;
    try {
      if (!navigator.clipboard) throw new Error('This browser gives no clipboard access here: save the patch instead.');
      await navigator.clipboard.writeText(patch.data.text);
      showToast({ message: patch.data.truncated ? 'Copied the first megabyte of the patch; save it for all of it.' : 'Copied the patch.' });
    } catch (error) {
      showError(error);
    }
  };
  const save = (): void => {
    if (!patch.data) return;
    const url = URL.createObjectURL(new Blob([patch.data.text], { type: 'text/x-diff' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: name });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <section className="note-section" aria-label="Changes">
      <div className="note-section-head">
        <h2 className="eyebrow">
          Changes{files.length > 0 && ` · ${files.length} ${files.length === 1 ? 'file' : 'files'}`}
          {files.length > 0 && (
            <span className="diff-counts">
              <span className="diff-added"> +{added}</span> <span className="diff-removed">−{removed}</span>
            </span>
          )}
        </h2>
        <div className="note-section-actions">
          <Button size="sm" variant="ghost" icon={<FileDiff />} onClick={() => setShowDiff(true)} disabled={!patch.data}>
            View diff
          </Button>
          <Button size="sm" variant="ghost" icon={<ClipboardCopy />} onClick={() => void copy()} disabled={!patch.data}>
            Copy patch
          </Button>
          <Button size="sm" variant="ghost" icon={<Download />} onClick={save} disabled={!patch.data} title={`Save ${name}`}>
            Save as patch
          </Button>
        </div>
      </div>
      {patch.error && <p className="field-error" role="alert">{patch.error.message}</p>}
      {patch.data && files.length === 0 && <p className="task-empty-line">The patch changes no file.</p>}
      {files.length > 0 && (
        <ul className="diff-files" aria-label="Files changed">
          {files.map((file) => (
            <li key={file.path}>
              <code title={file.from ? `${file.from} → ${file.path}` : file.path}>{file.path}</code>
              {KIND_LABEL[file.kind] && <span className="faint">{KIND_LABEL[file.kind]}</span>}
              <span className="diff-added" aria-label={`${file.added} added`}>+{file.added}</span>
              <span className="diff-removed" aria-label={`${file.removed} removed`}>−{file.removed}</span>
            </li>
          ))}
        </ul>
      )}
      {patch.data?.truncated && <p className="field-hint">The patch is longer than a megabyte: these are the files of its first megabyte.</p>}
      {showDiff && <DiffDialog noteId={noteId} artifact={name} onClose={() => setShowDiff(false)} />}
    </section>
  );
}
