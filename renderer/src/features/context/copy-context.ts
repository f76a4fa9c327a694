// Copying notes as context. In the desktop app the engine builds the bundle and writes it with
// Electron's clipboard (the text never crosses IPC). In a browser the page writes it with
// navigator.clipboard; when the browser refuses (no permission, an insecure context, no focus),
// the text is shown selected in a dialog to copy by hand — never a silent failure.
import { useSyncExternalStore } from 'react';
import type { ContextFormat } from '../../../../shared/context/context-bundle';
import type { ContextEstimate } from '../../../../shared/contract/context';
import { api } from '../../api';
import { showError, showToast } from '../../components/toast-store';
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
  return `Copied ${notes} as ${FORMAT_LABELS[facts.format]} context · ${numbers.format(facts.tokens)} tokens`;
}

/** Copies the notes (in this order) as context and says so in a toast. */
export async function copyAsContext(ids: readonly string[], format: ContextFormat): Promise<void> {
  if (ids.length === 0) return;
  try {
    if (api.transport === 'ipc') {
      showToast({ message: copiedMessage(await api.context.copy({ ids: [...ids], format })) });
      return;
    }
    const { text, ...facts } = await api.context.build({ ids: [...ids], format });
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
