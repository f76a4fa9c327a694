// The best K of the matching notes, kept in a heap while they stream past, so ten thousand
// matches cost a comparison each instead of a full sort. Ties on relevance go to the newer note.
import type { SearchSort } from '../../../shared/contract/search';
import type { ScoredNote } from './query-executor';
import type { Segment } from './segment';

export class TopNotes {
  total = 0;
  /** A min-heap on `before`: the root is the worst note kept. */
  private readonly heap: ScoredNote[] = [];
  private readonly before: (a: ScoredNote, b: ScoredNote) => boolean;
  /** Compared against the heap before a note is worth an object of its own. */
  private readonly probe: ScoredNote = { segment: null as unknown as Segment, note: 0, score: 0 };

  constructor(
    private readonly keep: number,
    sort: SearchSort,
  ) {
    const created = (note: ScoredNote): number => note.segment.createdMs[note.note]!;
    this.before =
      sort === 'newest'
        ? (a, b) => created(a) > created(b)
        : (a, b) => a.score > b.score || (a.score === b.score && created(a) > created(b));
  }

  offer(segment: Segment, note: number, score: number): void {
    this.total++;
    if (this.keep === 0) return;
    const probe = this.probe;
    probe.segment = segment;
    probe.note = note;
    probe.score = score;
    if (this.heap.length < this.keep) {
      this.heap.push({ segment, note, score });
      this.up(this.heap.length - 1);
    } else if (this.before(probe, this.heap[0]!)) {
      this.heap[0] = { segment, note, score };
      this.down(0);
    }
  }

  /** The kept notes, best first. */
  best(): ScoredNote[] {
    return this.heap.slice().sort((a, b) => (this.before(a, b) ? -1 : this.before(b, a) ? 1 : 0));
  }

  private up(at: number): void {
    const heap = this.heap;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.before(heap[parent]!, heap[at]!)) break;
      [heap[parent], heap[at]] = [heap[at]!, heap[parent]!];
      at = parent;
    }
  }

  private down(at: number): void {
    const heap = this.heap;
    for (;;) {
      const left = at * 2 + 1;
      const right = left + 1;
      let worst = at;
      if (left < heap.length && this.before(heap[worst]!, heap[left]!)) worst = left;
      if (right < heap.length && this.before(heap[worst]!, heap[right]!)) worst = right;
      if (worst === at) return;
      [heap[worst], heap[at]] = [heap[at]!, heap[worst]!];
      at = worst;
    }
  }
}
