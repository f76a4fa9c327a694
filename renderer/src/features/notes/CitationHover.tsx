// Citations in a note's rendered body become links: marked as checking out or not (with why), and
// on hover or focus they show the cited lines as they were at the note's commit. The body is
// drawn first; this decorates it once the engine's check arrives, and then each part of the body
// as it comes in (a long note is rendered a piece at a time), in short slices.
import { useEffect, useRef, useState, type RefObject } from 'react';
import { whenIdle } from '../../lib/idle';
import type { CitationCheck, NoteCitations } from '../../../../shared/contract/citations';
import { shortCommit } from '../../lib/format';
import { citationKey, citationsByText, useCitations } from './use-citations';

interface Hovered {
  citation: CitationCheck;
  top: number;
  left: number;
}

/** `version` changes whenever nodes were added to the body. */
export function CitationHover({ id, bodyRef, version }: { id: string; bodyRef: RefObject<HTMLElement | null>; version: number }) {
  const { data } = useCitations(id);
  const [hovered, setHovered] = useState<Hovered | null>(null);
  const decorated = useRef<{ data: NoteCitations; nodes: WeakSet<Element> } | null>(null);

  // The body's top-level elements not yet decorated for these citations, a few per slice.
  useEffect(() => {
    const root = bodyRef.current;
    if (!root || !data) return;
    if (decorated.current?.data !== data) decorated.current = { data, nodes: new WeakSet() };
    const { nodes } = decorated.current;
    const pending = [...root.children].filter((element) => !nodes.has(element));
    if (pending.length === 0) return;
    const byText = citationsByText(data);
    let next = 0;
    return whenIdle((timeLeft) => {
      while (next < pending.length && timeLeft() > 1) {
        const element = pending[next++]!;
        nodes.add(element);
        if (element.isConnected) decorate(element, byText);
      }
      return next < pending.length;
    });
  }, [bodyRef, data, version]);

  useEffect(() => {
    const root = bodyRef.current;
    if (!root || !data) return;
    const byText = citationsByText(data);
    const show = (event: Event): void => {
      const link = (event.target as Element).closest<HTMLElement>('a[data-citation]');
      const citation = link ? byText.get(link.dataset.citation ?? '') : undefined;
      if (!link || !citation) return;
      const rect = link.getBoundingClientRect();
      setHovered({ citation, top: rect.bottom + 6, left: Math.max(8, Math.min(rect.left, window.innerWidth - 520)) });
    };
    const hide = (event: Event): void => {
      if ((event.target as Element).closest('a[data-citation]')) setHovered(null);
    };
    root.addEventListener('mouseover', show);
    root.addEventListener('focusin', show);
    root.addEventListener('mouseout', hide);
    root.addEventListener('focusout', hide);
    return () => {
      root.removeEventListener('mouseover', show);
      root.removeEventListener('focusin', show);
      root.removeEventListener('mouseout', hide);
      root.removeEventListener('focusout', hide);
    };
  }, [bodyRef, data]);

  if (!hovered || !data) return null;
  const { citation } = hovered;
  return (
    <div className="citation-preview" role="tooltip" style={{ top: hovered.top, left: hovered.left }}>
      <div className="citation-preview-title">
        <code>{citation.path}</code>
        {citation.lines && ` lines ${citation.lines.start}–${citation.lines.end}`} at {shortCommit(data.commit ?? '')}
      </div>
      {citation.ok && citation.excerpt ? (
        <pre className="citation-preview-code">
          {citation.excerpt.lines.map((line, i) => {
            const number = citation.excerpt!.start + i;
            const cited = citation.lines !== undefined && number >= citation.lines.start && number <= citation.lines.end;
            return (
              <div key={number} className={cited ? 'is-cited' : undefined}>
                <span className="citation-line-number">{number}</span>
                {line}
              </div>
            );
          })}
        </pre>
      ) : (
        <p className="citation-preview-why">{citation.ok ? 'No preview (not a text file).' : `Does not check out: ${citation.why}`}</p>
      )}
    </div>
  );
}

/** Marks the citations in one part of the body as checking out or not. */
function decorate(root: Element, byText: Map<string, CitationCheck>): void {
  linkPlainCitations(root, byText);
  const links = root.matches('a[data-file]') ? [root as HTMLElement] : [];
  for (const link of [...links, ...root.querySelectorAll<HTMLElement>('a[data-file]')]) {
    const citation = byText.get(link.dataset.citation ?? citationKey(link.dataset.file ?? ''));
    if (!citation) continue;
    link.dataset.citation = citationKey(citation.text);
    // A click opens the file the citation resolved to (`math.ts:2` may be `src/util/math.ts`).
    if (citation.ok) link.dataset.file = `${citation.path}${citation.lines ? `:${citation.lines.start}` : ''}`;
    link.classList.add('citation', citation.ok ? 'is-ok' : 'is-broken');
    link.title = citation.ok ? `Open ${citation.path}${citation.lines ? ` at line ${citation.lines.start}` : ''}` : `Does not check out: ${citation.why}`;
  }
}

/** Citations written as plain text or in code spans that are not links yet become links. */
function linkPlainCitations(root: Element, byText: Map<string, CitationCheck>): void {
  for (const code of root.querySelectorAll<HTMLElement>('code')) {
    if (code.closest('a, pre')) continue;
    const key = citationKey(code.textContent ?? '');
    if (byText.has(key)) wrap(code, key);
  }
  if (byText.size === 0) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!(node.parentElement?.closest('a, pre, code') ?? null)) nodes.push(node as Text);
  }
  for (const node of nodes) {
    const text = node.data;
    const matches = [...text.matchAll(PATH_LIKE)].filter((match) => byText.has(citationKey(match[0])));
    if (matches.length === 0) continue;
    const fragment = document.createDocumentFragment();
    let at = 0;
    for (const match of matches) {
      fragment.append(text.slice(at, match.index));
      const link = document.createElement('a');
      link.append(match[0]);
      fragment.append(link);
      wrap(link, match[0], true);
      at = match.index + match[0].length;
    }
    fragment.append(text.slice(at));
    node.replaceWith(fragment);
  }
}

/**
 * Words shaped like a path, with a line or range (`src/a.ts:4-9`, `a.ts#L3`): the citations written
 * as plain text are among them. One pass and a lookup per word: a regular expression of every
 * citation of a long note (thousands) took seconds over its text.
 */
const PATH_LIKE = /(?<![\w./-])(?:\.{0,2}\/)?[\w@+-][\w.@+-]*(?:\/[\w.@+-]+)*(?::\d+(?:-\d+)?(?::\d+)?|#L\d+(?:-L?\d+)?)?(?![\w/])/g;

function wrap(element: HTMLElement, target: string, isLink = false): void {
  const link = isLink ? (element as HTMLAnchorElement) : document.createElement('a');
  link.href = '#';
  link.className = 'file-link';
  link.dataset.file = target;
  if (!isLink) {
    element.replaceWith(link);
    link.append(element);
  }
}
