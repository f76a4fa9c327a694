// Short messages at the bottom of the window ("Moved to the trash — Undo", "Could not open the
// file"). A tiny store, so any hook can show one without threading props through the tree.
import { useSyncExternalStore } from 'react';

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  action?: { label: string; run: () => void };
}

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function publish(next: Toast[]): void {
  toasts = next;
  for (const listener of listeners) listener();
}

/** Shows a toast for a few seconds (longer when it offers an action); returns its id. */
export function showToast(toast: Omit<Toast, 'id' | 'tone'> & { tone?: Toast['tone'] }): number {
  const id = nextId++;
  publish([...toasts.slice(-2), { tone: 'info', ...toast, id }]);
  setTimeout(() => dismissToast(id), toast.action ? 8000 : 5000);
  return id;
}

export function dismissToast(id: number): void {
  if (toasts.some((toast) => toast.id === id)) publish(toasts.filter((toast) => toast.id !== id));
}

/** Shows an error's message (an ApiError's message is written for the user). */
export function showError(error: unknown): void {
  showToast({ message: error instanceof Error ? error.message : String(error), tone: 'error' });
}

export function useToasts(): Toast[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => toasts,
  );
}
