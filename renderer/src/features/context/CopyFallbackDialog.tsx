// When the browser will not let the page write to the clipboard: the bundle, selected, in a
// read-only box, to copy by hand. Copying it from there closes the dialog with the usual toast.
import { useEffect, useRef } from 'react';
import { Button } from '../../components/Button';
import { Kbd } from '../../components/Kbd';
import { showToast } from '../../components/toast-store';
import { copiedMessage, dismissPendingCopy, usePendingCopy } from './copy-context';
import '../../components/ConfirmDialog.css';
import './Context.css';

export function CopyFallbackDialog() {
  const pending = usePendingCopy();
  const box = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (!pending) return;
    box.current?.focus();
    box.current?.select();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') dismissPendingCopy();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pending]);

  if (!pending) return null;
  return (
    <div className="dialog-backdrop" onMouseDown={dismissPendingCopy}>
      <div className="dialog copy-fallback" role="dialog" aria-modal="true" aria-label="Copy the context yourself" onMouseDown={(event) => event.stopPropagation()}>
        <h2>Copy the context yourself</h2>
        <div className="dialog-body">
          <p>
            The browser did not let Fieldnotes write to the clipboard ({pending.reason}). The text is selected: press{' '}
            <Kbd keys={['mod', 'C']} /> to copy it.
          </p>
        </div>
        <textarea
          ref={box}
          className="copy-fallback-text"
          readOnly
          value={pending.text}
          aria-label="Context to copy"
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
          onCopy={() => {
            showToast({ message: copiedMessage(pending.facts) });
            // After the browser has taken the selection.
            setTimeout(dismissPendingCopy, 0);
          }}
        />
        <div className="dialog-actions">
          <Button variant="secondary" onClick={dismissPendingCopy}>
            Close
          </Button>
        </div>
      </div>
    </div>
  );
}
