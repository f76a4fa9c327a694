// "Copy as context" in the engine: reads the chosen notes, checks whether they are stale, formats
// them with the shared formatter, and counts tokens. Counts of single notes are cached by their
// exact document text, so the estimate for a selection is a sum that is ready at once, and a note
// that changed (or went stale, or is asked for in another format) is counted again by itself.
import { createHash } from 'node:crypto';
import { formatContext, noteWarnings, type ContextFormat, type ContextNote } from '../../../shared/context/context-bundle';
import type { BundledNote, ContextBudget, ContextBundle, ContextEstimate } from '../../../shared/contract/context';
import { ApiError } from '../../../shared/contract/errors';
import type { NoteStaleness } from '../../../shared/contract/notes';
import type { Note } from '../../../shared/model/note';
import type { Notebook } from '../notebook/notebook';
import { CitationCache } from '../repos/citation-cache';
import { noteStaleness } from '../repos/note-staleness';
import { fitBudget, type NoteFit } from './context-budget';
import { toContextNote } from './context-note';
import { summaryBody } from './note-summary';
import type { TokenCounter } from './token-counter';

export interface ContextBundlerOptions {
  /** The notebook the notes are in (the open one, for the app). */
  notebook: () => Notebook;
  counter: TokenCounter;
  /** Points notes from another machine at this machine's copy of their codebase (repo-locator.ts). */
  localize?: (notes: readonly Note[]) => Promise<Note[]>;
  /** How many single-note counts to remember (least recently used go first). */
  cacheSize?: number;
}

interface Gathered {
  /** Each note's document on its own, and what the API reports about it (tokens still 0). */
  notes: Array<{ document: string; facts: BundledNote }>;
  /** The formatter's input, in bundle order. */
  contextNotes: ContextNote[];
  /** The files each note's agent read (for a summary's citations). */
  sources: string[][];
}

export class ContextBundler {
  private readonly counts = new Map<string, number>();
  private readonly cacheSize: number;

  constructor(private readonly options: ContextBundlerOptions) {
    this.cacheSize = options.cacheSize ?? 5000;
  }

  /**
   * The bundle of these notes (in this order; repeated ids once), counted exactly. With a budget,
   * trimmed to fit it (see context-budget.ts), and saying what was left out or cut to a summary.
   */
  async build(ids: readonly string[], format: ContextFormat, budget?: ContextBudget): Promise<ContextBundle> {
    const gathered = await this.gather(ids, format);
    if (budget) return this.buildWithin(gathered, format, budget);
    const text = formatContext(gathered.contextNotes, format);
    const perNote = await this.countDocuments(gathered.notes.map((note) => note.document));
    // One note's bundle is its own document: its count is already known.
    const [tokens] = gathered.notes.length === 1 ? perNote : await this.options.counter.count([text]);
    return { ...this.facts(gathered, format, perNote, tokens!), text };
  }

  /**
   * What `build` would report, without formatting or counting the whole bundle: the sum of the
   * notes' own counts (cached), plus what joining documents into one bundle adds or saves.
   */
  async estimate(ids: readonly string[], format: ContextFormat): Promise<ContextEstimate> {
    const gathered = await this.gather(ids, format);
    const [joined, perNote] = await Promise.all([this.joinCost(format), this.countDocuments(gathered.notes.map((note) => note.document))]);
    const sum = perNote.reduce((total, count) => total + count, 0);
    return this.facts(gathered, format, perNote, Math.max(0, sum + joined * (perNote.length - 1)));
  }

  private async buildWithin(gathered: Gathered, format: ContextFormat, budget: ContextBudget): Promise<ContextBundle> {
    const whole = await this.countDocuments(gathered.notes.map((note) => note.document));
    const summaries = budget.trim === 'summaries' ? gathered.contextNotes.map((note, i) => ({ ...note, body: summaryBody(note.body, gathered.sources[i]) })) : null;
    const summaryCounts = summaries ? await this.countDocuments(summaries.map((note) => formatContext([note], format))) : null;
    const sizes = whole.map((count, i) => ({ whole: count, summary: summaryCounts?.[i] ?? null }));
    const chosen = (fits: readonly NoteFit[]) => fits.flatMap((fit, i) => (fit === 'out' ? [] : [i]));
    const notesOf = (fits: readonly NoteFit[]) => chosen(fits).map((i) => (fits[i] === 'summary' ? summaries![i]! : gathered.contextNotes[i]!));
    let text = '';
    const { fits, tokens } = await fitBudget(sizes, budget, await this.joinCost(format), async (fits) => {
      text = formatContext(notesOf(fits), format);
      const [count] = await this.options.counter.count([text]);
      return count!;
    });
    const inside = chosen(fits);
    return {
      format,
      tokens,
      tokenizer: this.options.counter.name,
      notes: inside.map((i) => ({ ...gathered.notes[i]!.facts, tokens: fits[i] === 'summary' ? summaryCounts![i]! : whole[i]! })),
      trimmed: {
        maxTokens: budget.maxTokens,
        trim: budget.trim,
        leftOut: fits.flatMap((fit, i) => (fit === 'out' ? [{ id: gathered.notes[i]!.facts.id, title: gathered.notes[i]!.facts.title, tokens: whole[i]! }] : [])),
        summarized: fits.flatMap((fit, i) => (fit === 'summary' ? [gathered.notes[i]!.facts.id] : [])),
      },
      text,
    };
  }

  /** Whether one note may be stale (see note-staleness.ts). */
  async staleness(id: string): Promise<NoteStaleness> {
    const notebook = this.options.notebook();
    const note = await notebook.get(id);
    return (await noteStaleness(await this.localize([note]), CitationCache.of(notebook))).get(note.summary.id) ?? { stale: false, changed: [] };
  }

  /**
   * Tokens a bundle of two notes has beyond the two single-note bundles: negative for xml (the
   * `<documents>` wrapper is shared), positive for markdown (the blank line between notes).
   * Measured on a probe note rather than derived from the format, so it follows the formatter.
   */
  private async joinCost(format: ContextFormat): Promise<number> {
    const probe: ContextNote = { title: 'Probe', path: 'probe.md', created: '2000-01-01T00:00:00.000Z', status: 'done', body: 'Probe.\n' };
    const [one, two] = await this.countDocuments([formatContext([probe], format), formatContext([probe, probe], format)]);
    return two! - 2 * one!;
  }

  private facts(gathered: Gathered, format: ContextFormat, perNote: number[], tokens: number): ContextEstimate {
    return {
      format,
      tokens,
      tokenizer: this.options.counter.name,
      notes: gathered.notes.map((note, i) => ({ ...note.facts, tokens: perNote[i]! })),
    };
  }

  private localize(notes: readonly Note[]): Promise<readonly Note[]> {
    return this.options.localize ? this.options.localize(notes) : Promise.resolve(notes);
  }

  private async gather(ids: readonly string[], format: ContextFormat): Promise<Gathered> {
    const notes = await this.read(ids);
    const staleness = await noteStaleness(await this.localize(notes), CitationCache.of(this.options.notebook()));
    const contextNotes = notes.map((note) => toContextNote(note, staleness.get(note.summary.id)));
    return {
      contextNotes,
      sources: notes.map((note) => (note.frontmatter?.sources ?? []).map((source) => source.path)),
      notes: contextNotes.map((contextNote, i) => ({
        document: formatContext([contextNote], format),
        facts: {
          id: notes[i]!.summary.id,
          title: contextNote.title,
          path: contextNote.path,
          status: notes[i]!.summary.status,
          stale: contextNote.stale !== undefined,
          tokens: 0,
          warnings: noteWarnings(contextNote),
        },
      })),
    };
  }

  /** The notes, in order, each once; one error naming every id that is not in the notebook. */
  private async read(ids: readonly string[]): Promise<Note[]> {
    const notebook = this.options.notebook();
    const unique = [...new Set(ids)];
    const missing: string[] = [];
    const notes = await Promise.all(
      unique.map((id) =>
        notebook.get(id).catch((error: unknown) => {
          if (!(error instanceof ApiError) || error.code !== 'NOTE_NOT_FOUND') throw error;
          missing.push(id);
          return null;
        }),
      ),
    );
    if (missing.length > 0) {
      const list = unique.filter((id) => missing.includes(id)).join(', ');
      throw new ApiError(
        'NOTE_NOT_FOUND',
        missing.length === 1
          ? `No note with id ${list} in this notebook: it was deleted or moved, or the id is mistyped. Choose the notes again.`
          : `No notes with the ids ${list} in this notebook: they were deleted or moved, or the ids are mistyped. Choose the notes again.`,
      );
    }
    return notes.filter((note): note is Note => note !== null);
  }

  /** Counts documents, asking the tokenizer only for those not counted before. */
  private async countDocuments(documents: string[]): Promise<number[]> {
    const keys = documents.map(cacheKey);
    const known = new Map<string, number>();
    const missing = new Map<string, string>();
    keys.forEach((key, i) => {
      const count = this.counts.get(key);
      if (count === undefined) missing.set(key, documents[i]!);
      else {
        known.set(key, count);
        // Used again: it moves to the back of the least-recently-used order.
        this.counts.delete(key);
        this.counts.set(key, count);
      }
    });
    if (missing.size > 0) {
      const counted = await this.options.counter.count([...missing.values()]);
      [...missing.keys()].forEach((key, i) => {
        known.set(key, counted[i]!);
        this.remember(key, counted[i]!);
      });
    }
    return keys.map((key) => known.get(key)!);
  }

  private remember(key: string, count: number): void {
    this.counts.set(key, count);
    while (this.counts.size > this.cacheSize) this.counts.delete(this.counts.keys().next().value!);
  }
}

function cacheKey(document: string): string {
  return createHash('sha256').update(document).digest('base64');
}
