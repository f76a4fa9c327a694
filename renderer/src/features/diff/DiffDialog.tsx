// A poc's diff (the patch kept with its note), highlighted by the notes' own sanitizing renderer.
import { useMemo } from 'react';
import { CopyText } from '../../components/CopyText';
import { Modal } from '../../components/Modal';
import { useAppInfo } from '../app/use-app-info';
import { renderMarkdown } from '../notes/markdown';
import { usePatchText } from './use-patch';
import './Diff.css';

/** A fenced block longer than any run of backticks in the text, so the patch cannot close it. */
function fenced(text: string, language: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text}\n${fence}\n`;
}

export function DiffDialog({ noteId, artifact, onClose }: { noteId: string; artifact: string; onClose: () => void }) {
  const patch = usePatchText(noteId, artifact);
  const notebook = useAppInfo().data?.notebook?.path;
  const file = notebook ? `${notebook}/.fieldnotes/artifacts/${noteId}/${artifact}` : artifact;
  const html = useMemo(() => (patch.data ? renderMarkdown(fenced(patch.data.text, 'diff')) : ''), [patch.data]);
  return (
    <Modal title={`Diff: ${artifact}`} className="diff-dialog" onClose={onClose}>
      {patch.isPending && <p className="faint">Reading the diff…</p>}
      {patch.error && <p className="field-error" role="alert">{patch.error.message}</p>}
      {patch.data?.truncated && (
        <p className="field-hint">
          The diff is {(patch.data.size / 1024 / 1024).toFixed(1)} MB; this shows its first megabyte. The whole of it is
          in {file}.
        </p>
      )}
      {patch.data && (
        <>
          <p className="diff-apply">
            Apply it to your working tree with <CopyText text={`git apply '${file}'`} label="the git apply command" />
          </p>
          {/* The HTML comes from renderMarkdown, which sanitizes it with DOMPurify. */}
          <div className="markdown diff-view" dangerouslySetInnerHTML={{ __html: html }} />
        </>
      )}
    </Modal>
  );
}
