import { Check, Copy } from 'lucide-react';
import { useEffect, useState } from 'react';
import { MOD_LABEL } from '../lib/platform';
import { showToast } from './toast-store';
import './CopyText.css';

/**
 * A command or a path to copy: shown in full (a click selects all of it), with a copy button. When
 * the browser refuses the clipboard, the text is left selected to copy by hand.
 */
export function CopyText({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async (code: HTMLElement | null): Promise<void> => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard access here');
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      if (code) window.getSelection()?.selectAllChildren(code);
      showToast({ message: `The browser did not let Fieldnotes copy it: the text is selected, press ${MOD_LABEL}-C.` });
    }
  };

  return (
    <span className="copy-text">
      <code>{text}</code>
      <button
        type="button"
        className="icon-button copy-text-button"
        aria-label={copied ? 'Copied' : `Copy ${label}`}
        title={copied ? 'Copied' : `Copy ${label}`}
        onClick={(event) => void copy(event.currentTarget.previousElementSibling as HTMLElement | null)}
      >
        {copied ? <Check /> : <Copy />}
      </button>
    </span>
  );
}
