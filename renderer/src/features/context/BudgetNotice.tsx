// Under the selection's token count when the bundle is bigger than the target's context window:
// by how much, and two ways to copy what fits (leave notes out, or keep only summaries).
import { AlertTriangle, ListMinus, Scissors } from 'lucide-react';
import type { ContextFormat } from '../../../../shared/context/context-bundle';
import { Button } from '../../components/Button';
import { formatTokens } from '../../lib/format';
import { copyAsContext } from './copy-context';
import type { ContextWindow } from './use-context-window';

interface BudgetNoticeProps {
  ids: readonly string[];
  format: ContextFormat;
  tokens: number;
  window: ContextWindow;
}

export function BudgetNotice({ ids, format, tokens, window }: BudgetNoticeProps) {
  if (tokens <= window.tokens) return null;
  const budget = window.tokens;
  return (
    <div className="budget-notice" role="status">
      <p>
        <AlertTriangle aria-hidden />
        <span>
          {`${formatTokens(tokens)} tokens is over ${window.target}’s ${formatTokens(budget)} window by ${formatTokens(tokens - budget)}.`}
        </span>
      </p>
      <div className="budget-notice-actions">
        {ids.length > 1 && (
          <Button size="sm" icon={<ListMinus />} onClick={() => void copyAsContext(ids, format, { maxTokens: budget, trim: 'leave-out' })} title="Copy the notes that fit, in order; the last ones are left out">
            Copy what fits
          </Button>
        )}
        <Button size="sm" icon={<Scissors />} onClick={() => void copyAsContext(ids, format, { maxTokens: budget, trim: 'summaries' })} title="Keep only the summary and citations of notes, last first, until the bundle fits">
          {ids.length > 1 ? 'Copy with summaries' : 'Copy summary only'}
        </Button>
      </div>
    </div>
  );
}
