// Colors a note's code blocks when they come near the screen, not all at once: a 1 MB note holds
// hundreds of blocks, and coloring them in one go held the window for a sixth of a second.
import { whenIdle } from '../../lib/idle';
import { highlightBlock } from './markdown';

/** How far outside the visible part of the page a block is colored ahead of being scrolled to. */
const AHEAD = '600px 0px';
const BLOCKS = 'pre.code-block > code[class*="language-"]';

export class CodeHighlighter {
  private readonly observer: IntersectionObserver;
  private readonly due = new Set<HTMLElement>();
  private stop: (() => void) | null = null;

  constructor() {
    this.observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          this.observer.unobserve(entry.target);
          this.due.add(entry.target as HTMLElement);
        }
        this.schedule();
      },
      { rootMargin: AHEAD },
    );
  }

  /** Watches the code blocks in these nodes (just added to the page). */
  watch(nodes: readonly Node[]): void {
    for (const node of nodes) {
      if (!(node instanceof Element)) continue;
      for (const code of node.querySelectorAll<HTMLElement>(BLOCKS)) this.observer.observe(code);
    }
  }

  disconnect(): void {
    this.observer.disconnect();
    this.stop?.();
    this.stop = null;
    this.due.clear();
  }

  private schedule(): void {
    if (this.stop || this.due.size === 0) return;
    this.stop = whenIdle((timeLeft) => {
      for (const code of this.due) {
        if (timeLeft() <= 1) return true;
        this.due.delete(code);
        if (code.isConnected) highlightBlock(code);
      }
      this.stop = null;
      return false;
    });
  }
}
