// The format "copy as context" uses, xml or markdown: one choice for the whole app, remembered.
import { useSyncExternalStore } from 'react';
import type { ContextFormat } from '../../../../shared/context/context-bundle';

const STORAGE_KEY = 'fieldnotes.context-format';
const listeners = new Set<() => void>();

export const FORMAT_LABELS: Record<ContextFormat, string> = { xml: 'XML', markdown: 'Markdown' };

/** The current format (outside React too: keyboard shortcuts). */
export function getContextFormat(): ContextFormat {
  return window.localStorage.getItem(STORAGE_KEY) === 'markdown' ? 'markdown' : 'xml';
}

export function setContextFormat(format: ContextFormat): void {
  window.localStorage.setItem(STORAGE_KEY, format);
  for (const listener of listeners) listener();
}

export function useContextFormat(): ContextFormat {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getContextFormat,
  );
}
