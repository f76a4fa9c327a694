// Citation checks kept under the notebook's cache folder (`.fieldnotes/cache/citations/`). A check
// depends only on the note's body and the commit it is checked against, so the file is named by a
// hash of the two: nothing to invalidate, and a missing or unreadable file is simply checked again.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { CitationCheck } from '../../../shared/contract/citations';

/** Bumped when what a check finds changes, so older results are not reused. */
const FORMAT = 'citations-1';

const Stored = z.object({ format: z.literal(FORMAT), citations: z.array(CitationCheck) });

export class CitationCache {
  /** The folder is made once per cache, not once per write. */
  private made: Promise<unknown> | null = null;

  constructor(
    private readonly dir: string,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  /** The cache of a notebook, in its cache folder. */
  static of(notebook: { cacheDir: string }, log?: (message: string) => void): CitationCache {
    return new CitationCache(join(notebook.cacheDir, 'citations'), log);
  }

  async read(commit: string, body: string): Promise<CitationCheck[] | null> {
    const text = await readFile(this.file(commit, body), 'utf8').catch(() => null);
    if (text === null) return null;
    try {
      const stored = Stored.safeParse(JSON.parse(text));
      return stored.success ? stored.data.citations : null;
    } catch {
      return null;
    }
  }

  /** Written beside and renamed into place, so a reader never sees half a file. Failures are only logged. */
  async write(commit: string, body: string, citations: CitationCheck[]): Promise<void> {
    const file = this.file(commit, body);
    const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      this.made ??= mkdir(this.dir, { recursive: true });
      await this.made;
      await writeFile(temp, JSON.stringify({ format: FORMAT, citations }));
      await rename(temp, file);
    } catch (error) {
      this.log(`could not keep a citation check in ${this.dir}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private file(commit: string, body: string): string {
    return join(this.dir, `${createHash('sha256').update(`${FORMAT}\0${commit}\0${body}`).digest('hex').slice(0, 40)}.json`);
  }
}
