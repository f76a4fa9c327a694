// Which composer is open, and the question being written. A tiny store (like the toasts'), so
// anything can open the composer — the sidebar, Ctrl/Cmd-N, the palette, the selection bar, a
// task — without threading props. The draft outlives the dialog: closing it by mistake, or an
// error from the engine, never loses what was typed; it is cleared once the question is sent.
import { useSyncExternalStore } from 'react';
import type { AskDraft } from './plan-question';

export type { AskDraft };

export type Composer = { kind: 'closed' } | { kind: 'ask' } | { kind: 'follow-up'; noteId: string };

interface State {
  composer: Composer;
  draft: AskDraft;
}

const EMPTY_DRAFT: AskDraft = { question: '', mode: 'explain', context: [] };

let state: State = { composer: { kind: 'closed' }, draft: EMPTY_DRAFT };
const listeners = new Set<() => void>();

function publish(next: State): void {
  state = next;
  for (const listener of listeners) listener();
}

/** Opens the composer, with the draft so far; `prefill` replaces the parts it names. */
export function openAsk(prefill: Partial<AskDraft> = {}): void {
  publish({ composer: { kind: 'ask' }, draft: { ...state.draft, ...prefill } });
}

/** Opens the composer for the same question asked again (of other agents): a fresh draft. */
export function askAgain(draft: Partial<AskDraft>): void {
  publish({ composer: { kind: 'ask' }, draft: { ...EMPTY_DRAFT, ...draft } });
}

export function openFollowUp(noteId: string): void {
  publish({ ...state, composer: { kind: 'follow-up', noteId } });
}

export function closeComposer(): void {
  publish({ ...state, composer: { kind: 'closed' } });
}

export function updateDraft(patch: Partial<AskDraft>): void {
  publish({ ...state, draft: { ...state.draft, ...patch } });
}

/**
 * The question was sent: the next one starts empty, about the same codebase and of the same agents,
 * and in Explain: a PoC (where the agent may write) is chosen each time, never carried over.
 */
export function clearDraft(): void {
  const { repoPath, agents } = state.draft;
  publish({ composer: { kind: 'closed' }, draft: { ...EMPTY_DRAFT, repoPath, ...(agents ? { agents } : {}) } });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useComposer(): Composer {
  return useSyncExternalStore(subscribe, () => state.composer);
}

export function useDraft(): AskDraft {
  return useSyncExternalStore(subscribe, () => state.draft);
}
