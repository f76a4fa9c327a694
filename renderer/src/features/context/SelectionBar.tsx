// The bar under a list while notes are selected: how many, how many tokens together, what to know
// before pasting them (a failed or stale note), the copy button, and asking with them as context.
import { AlertTriangle, ClipboardCopy, MessageSquarePlus, X } from 'lucide-react';
import type { BundledNote } from '../../../../shared/contract/context';
import { Button } from '../../components/Button';
import { formatTokens } from '../../lib/format';
import { openAsk } from '../ask/ask-store';
import { useContextFormat } from './context-format';
import { copyAsContext } from './copy-context';
import { BudgetNotice } from './BudgetNotice';
import { FormatPicker } from './FormatPicker';
import { useContextEstimate } from './use-context-estimate';
import { useContextWindow } from './use-context-window';
import './Context.css';

const SHOWN_WARNINGS = 3;

/** "Failed", "Stale", "Failed, stale": what is wrong with a note, in a word or two. */
function warningLabel(note: BundledNote): string {
  const words = [...(note.status === 'done' ? [] : [note.status]), ...(note.stale ? ['stale'] : [])];
  const label = words.length > 0 ? words.join(', ') : 'unreadable';
  return label[0]!.toUpperCase() + label.slice(1);
}

export function SelectionBar({ ids, onClear }: { ids: readonly string[]; onClear: () => void }) {
  const format = useContextFormat();
  const estimate = useContextEstimate(ids, format);
  const window = useContextWindow();
  const over = estimate.data !== undefined && estimate.data.tokens > window.tokens;
  const warned = (estimate.data?.notes ?? []).filter((note) => ids.includes(note.id) && note.warnings.length > 0);
  const count = ids.length === 1 ? '1 note' : `${ids.length} notes`;
  return (
    <section className="selection-bar" aria-label="Selected notes">
      <div className="selection-bar-summary">
        <strong>{count} selected</strong>
        <span className={`selection-bar-tokens${over ? ' is-over' : ''}`} aria-live="polite" title={`${window.target}’s context window: ${window.tokens.toLocaleString()} tokens (Settings)`}>
          {estimate.isError ? 'tokens unknown' : estimate.data ? `≈ ${formatTokens(estimate.data.tokens)} of ${formatTokens(window.tokens)} tokens` : 'counting…'}
        </span>
        <button type="button" className="icon-button selection-bar-clear" onClick={onClear} aria-label="Clear the selection" title="Clear the selection (Esc)">
          <X />
        </button>
      </div>
      {estimate.data && <BudgetNotice ids={ids} format={format} tokens={estimate.data.tokens} window={window} />}
      {warned.length > 0 && (
        <ul className="selection-bar-warnings" aria-label="Warnings">
          {warned.slice(0, SHOWN_WARNINGS).map((note) => (
            <li key={note.id} title={note.warnings.map((warning) => warning.replace(/^Warning: /, '')).join('\n')}>
              <AlertTriangle aria-hidden />
              <span className="selection-bar-warning-label">{warningLabel(note)}</span>
              <span className="selection-bar-warning-title">{note.title}</span>
            </li>
          ))}
          {warned.length > SHOWN_WARNINGS && <li className="faint">and {warned.length - SHOWN_WARNINGS} more with warnings</li>}
        </ul>
      )}
      <div className="selection-bar-actions">
        <Button size="sm" icon={<MessageSquarePlus />} onClick={() => openAsk({ context: [...ids] })} title="Ask a question with these notes as context">
          Ask with these notes
        </Button>
        <span className="selection-bar-copy">
          <FormatPicker />
          <Button variant="primary" size="sm" icon={<ClipboardCopy />} onClick={() => void copyAsContext(ids, format)}>
            {`Copy ${count} as context`}
          </Button>
        </span>
      </div>
    </section>
  );
}
