// A note's body rendered into an element a piece at a time: the first screenful at once, the rest
// in short tasks after it (lib/idle.ts), so a 1 MB note shows its start at once and the window
// never freezes while the rest comes in (a few seconds). When the note changes (a running task writes more, an edit
// outside), only the pieces from the first changed one on are rendered again.
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { whenIdle } from '../../lib/idle';
import { CodeHighlighter } from './code-highlighter';
import { splitMarkdown } from './markdown-blocks';
import { renderMarkdownPiece } from './markdown';

/** Markdown rendered before the first paint: more than a tall window shows. */
const FIRST_SCREEN = 5_000;
/** At most this much in one go: garbage collection and layout of what is added come on top. */
const MOST = 12_000;
/** What one piece may hold at least (a long code block is one piece, however long). */
const PIECE = 2_000;
/** Before anything is measured: ms per character to render (parse, sanitize, insert). */
const FIRST_GUESS = 0.002;
/** Of a slice, the share given to rendering: style and layout of the new nodes follow. */
const SHARE = 0.8;

/** Rendered source, and the nodes it became. */
interface Rendered {
  start: number;
  source: string;
  nodes: ChildNode[];
}

export interface MarkdownBody {
  /** Grows each time pieces are added to the element (for decorating the new nodes). */
  version: number;
  /** The whole body is in the element. */
  complete: boolean;
}

export function useMarkdownBody(ref: RefObject<HTMLElement | null>, body: string | undefined): MarkdownBody {
  const rendered = useRef<Rendered[]>([]);
  const msPerChar = useRef(FIRST_GUESS);
  const [state, setState] = useState<MarkdownBody>({ version: 0, complete: false });

  useLayoutEffect(() => {
    const root = ref.current;
    if (!root || body === undefined) return;
    const { pieces, definitions } = splitMarkdown(body, PIECE);
    const kept = keepUnchanged(rendered.current, pieces, body);
    for (const old of rendered.current.slice(kept.length)) for (const node of old.nodes) node.remove();
    rendered.current = kept;
    const highlighter = new CodeHighlighter();
    for (const old of kept) highlighter.watch(old.nodes);

    // The kept pieces end at a cut of the new ones: rendering goes on from the piece after it.
    let at = kept.reduce((sum, piece) => sum + piece.source.length, 0);
    let next = 0;
    for (let covered = 0; covered < at; ) covered += pieces[next++]!.length;

    /** Renders pieces worth about `chars` characters (at least one). */
    const renderSome = (chars: number): void => {
      let source = pieces[next++]!;
      while (next < pieces.length && source.length + pieces[next]!.length <= chars) source += pieces[next++];
      const started = performance.now();
      // One element per rendered part: the body holds a few hundred, not thousands of blocks,
      // so laying out what was just added does not walk all that came before.
      const part = document.createElement('div');
      part.className = 'markdown-part';
      part.append(renderMarkdownPiece(source, definitions));
      root.append(part);
      const nodes = [part];
      highlighter.watch(nodes);
      rendered.current.push({ start: at, source, nodes });
      at += source.length;
      if (source.length > 0) msPerChar.current = Math.max(0.0002, (msPerChar.current + (performance.now() - started) / source.length) / 2);
    };

    if (next < pieces.length && at < FIRST_SCREEN) renderSome(FIRST_SCREEN - at);
    const done = (): void => setState((current) => ({ version: current.version + 1, complete: next >= pieces.length }));
    done();
    if (next >= pieces.length) return () => highlighter.disconnect();
    const stop = whenIdle((timeLeft) => {
      const until = performance.now() + timeLeft() * SHARE;
      while (next < pieces.length) {
        const left = until - performance.now();
        if (left < 1) break;
        renderSome(Math.min(MOST, left / msPerChar.current));
      }
      done();
      return next < pieces.length;
    });
    return () => {
      stop();
      highlighter.disconnect();
    };
  }, [ref, body]);

  return state;
}

/** The rendered pieces at the start that the new body still has, cut at the same places. */
function keepUnchanged(rendered: Rendered[], pieces: string[], body: string): Rendered[] {
  const cuts = new Set<number>();
  let offset = 0;
  for (const piece of pieces) cuts.add((offset += piece.length));
  const kept: Rendered[] = [];
  for (const piece of rendered) {
    const end = piece.start + piece.source.length;
    if (!cuts.has(end) || !body.startsWith(piece.source, piece.start) || !piece.nodes.every((node) => node.isConnected)) break;
    kept.push(piece);
  }
  return kept;
}
