// Copying notes as context. In the desktop app the engine builds the bundle and writes it with
// Electron's clipboard (the text never crosses IPC). In a browser the page writes it with
// navigator.clipboard; when the browser refuses (no permission, an insecure context, no focus),
// the text is shown selected in a dialog to copy by hand — never a silent failure.
import { useSyncExternalStore } from 'react';
import type { ContextFormat } from '../../../../shared/context/context-bundle';
import type { ContextBudget, ContextEstimate } from '../../../../shared/contract/context';
import { api } from '../../api';
import { showError, showToast } from '../../components/toast-store';
import { formatTokens } from '../../lib/format';
import { FORMAT_LABELS } from './context-format';

/** A bundle the browser would not put on the clipboard, waiting to be copied by hand. */
export interface PendingCopy {
  text: string;
  facts: ContextEstimate;
  reason: string;
}

let pending: PendingCopy | null = null;
const listeners = new Set<() => void>();

function publish(next: PendingCopy | null): void {
  pending = next;
  for (const listener of listeners) listener();
}

export function usePendingCopy(): PendingCopy | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => pending,
  );
}

export function dismissPendingCopy(): void {
  publish(null);
}

const numbers = new Intl.NumberFormat();

/** "Copied 2 notes as XML context · 6,412 tokens". */
export function copiedMessage(facts: ContextEstimate): string {
  const notes = facts.notes.length === 1 ? '1 note' : `${facts.notes.length} notes`;
  return `Copied ${notes} as ${FORMAT_LABELS[facts.format]} context · ${numbers.format(facts.tokens)} tokens${trimmedWords(facts)}`;
}

/** " · 2 left out, 1 as summary, to fit 200k": what trimming to a budget did, when it did anything. */
function trimmedWords(facts: ContextEstimate): string {
  const trimmed = facts.trimmed;
  if (!trimmed || (trimmed.leftOut.length === 0 && trimmed.summarized.length === 0)) return '';
  const parts = [
    ...(trimmed.leftOut.length > 0 ? [`${trimmed.leftOut.length} left out`] : []),
    ...(trimmed.summarized.length > 0 ? [`${trimmed.summarized.length} as summary`] : []),
  ];
  return ` · ${parts.join(', ')}, to fit ${formatTokens(trimmed.maxTokens)}`;
}

/** Copies the notes (in this order) as context, trimmed to a budget when given, and says so in a toast. */
export async function copyAsContext(ids: readonly string[], format: ContextFormat, budget?: ContextBudget): Promise<void> {
  if (ids.length === 0) return;
  const input = { ids: [...ids], format, ...(budget ? { budget } : {}) };
  try {
    if (api.transport === 'ipc') {
      showToast({ message: copiedMessage(await api.context.copy(input)) });
      return;
    }
    const { text, ...facts } = await api.context.build(input);
    try {
      if (!navigator.clipboard) throw new Error('this page has no clipboard access (it is not a secure context)');
      await navigator.clipboard.writeText(text);
    } catch (error) {
      publish({ text, facts, reason: (error instanceof Error ? error.message : String(error)).replace(/\.$/, '') });
      return;
    }
    showToast({ message: copiedMessage(facts) });
  } catch (error) {
    showError(error);
  }
}
