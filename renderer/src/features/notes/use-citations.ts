// A note's citations, checked by the engine in the background: the note's text never waits for them.
import { useQuery } from '@tanstack/react-query';
import type { CitationCheck, NoteCitations } from '../../../../shared/contract/citations';
import { api } from '../../api';
import { noteKeys } from './use-notes';

export function useCitations(id: string) {
  return useQuery({
    // Under noteKeys.all, so a change to any note (notes.changed) checks again.
    queryKey: [...noteKeys.all, 'citations', id] as const,
    queryFn: () => api.notes.citations({ id }),
    staleTime: 30_000,
  });
}

/** How a link in the rendered body (`data-file`) is written in a citation's text. */
export function citationKey(target: string): string {
  return target.trim().replace(/^\.\//, '');
}

/** The citations by the text they were written with. */
export function citationsByText(result: NoteCitations | undefined): Map<string, CitationCheck> {
  return new Map((result?.citations ?? []).map((citation) => [citationKey(citation.text), citation]));
}
