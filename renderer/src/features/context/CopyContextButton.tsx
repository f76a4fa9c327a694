// "Copy as context · 3.2k tokens" for the note being read, with the format beside it.
import { ClipboardCopy, Scissors } from 'lucide-react';
import { formatTokens } from '../../lib/format';
import { MOD_LABEL } from '../../lib/platform';
import { useContextFormat } from './context-format';
import { copyAsContext } from './copy-context';
import { FormatPicker } from './FormatPicker';
import { useContextEstimate } from './use-context-estimate';
import { useContextWindow } from './use-context-window';
import './Context.css';

export function CopyContextButton({ id }: { id: string }) {
  const format = useContextFormat();
  const estimate = useContextEstimate([id], format);
  const tokens = estimate.data?.tokens;
  const window = useContextWindow();
  const over = tokens !== undefined && tokens > window.tokens;
  return (
    <div className={`copy-context${over ? ' is-over' : ''}`}>
      <FormatPicker />
      <button
        type="button"
        className="button button-secondary button-sm copy-context-button"
        onClick={() => void copyAsContext([id], format)}
        title={`Copy this note as a prompt-ready ${format === 'xml' ? 'XML' : 'Markdown'} document (${MOD_LABEL}-Shift-C)`}
      >
        <ClipboardCopy />
        <span>Copy as context</span>
        {tokens !== undefined && <span className="copy-context-tokens">· {over ? `${formatTokens(tokens)} of ${formatTokens(window.tokens)}` : formatTokens(tokens)} tokens</span>}
      </button>
      {over && (
        <button
          type="button"
          className="button button-ghost button-sm copy-context-trim"
          onClick={() => void copyAsContext([id], format, { maxTokens: window.tokens, trim: 'summaries' })}
          title={`This note is over ${window.target}’s ${formatTokens(window.tokens)} window by ${formatTokens(tokens - window.tokens)}: copy only its summary and citations`}
        >
          <Scissors />
          <span>Summary only</span>
        </button>
      )}
    </div>
  );
}
