// The foot of a composer (Ask, follow-up): what stands in the way or went wrong, Cancel, and the
// send button; Ctrl/Cmd-Enter anywhere in the form sends too (sendOnModEnter).
import { Send } from 'lucide-react';
import type { KeyboardEvent } from 'react';
import { Button } from '../../components/Button';
import { Kbd } from '../../components/Kbd';
import { hasMod } from '../../lib/platform';

interface ComposerFooterProps {
  /** The engine's refusal of the last send, shown instead of the hint. */
  error: Error | null;
  /** After "Ctrl-Enter to ask": why it cannot be sent yet, when that is worth saying. */
  problem?: string | null;
  sendLabel: string;
  onSend: () => void;
  onCancel: () => void;
  disabled: boolean;
  title?: string;
}

export function ComposerFooter({ error, problem, sendLabel, onSend, onCancel, disabled, title }: ComposerFooterProps) {
  return (
    <>
      <div className="ask-status">
        {error ? (
          <p className="field-error" role="alert">
            {error.message}
          </p>
        ) : (
          <span className="faint">
            <Kbd keys={['mod', '↵']} /> to ask{problem ? ` · ${problem}` : ''}
          </span>
        )}
      </div>
      <Button variant="ghost" onClick={onCancel}>
        Cancel
      </Button>
      <Button variant="primary" icon={<Send />} onClick={onSend} disabled={disabled} title={title}>
        {sendLabel}
      </Button>
    </>
  );
}

/** The form's key handler: Ctrl/Cmd-Enter sends. */
export function sendOnModEnter(send: () => void): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.key === 'Enter' && hasMod(event)) {
      event.preventDefault();
      send();
    }
  };
}
