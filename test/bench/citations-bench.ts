// Checking citations: 1,000 notes with 10 citations each against a real git repository (200 files
// of 300 lines, five commits, notes spread over the first four so staleness is worked out too).
// Cold: nothing cached; warm: the checks at each commit come from the cache and only staleness is
// redone; one note: what the note view's bar waits for (the note's text never waits for it).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Note } from '../../shared/model/note';
import { CitationCache } from '../../electron/core/repos/citation-cache';
import { checkNotes } from '../../electron/core/repos/citation-check';
import { gitIn } from '../support/git-repo';
import { removeDir, tempDir } from '../support/temp';
import type { BenchContext, BenchRow } from './run';
import { medianTime } from './stats';

const FILES = 200;
const LINES = 300;
const NOTES = 1000;
const CITATIONS = 10;

export async function citationsBench(context: BenchContext): Promise<BenchRow[]> {
  const dir = await tempDir('fieldnotes-citations-bench-');
  try {
    const repo = join(dir, 'repo');
    const commits = await makeRepo(repo);
    let random = context.seed || 1;
    const next = (n: number): number => {
      random = (random * 48271) % 2147483647;
      return random % n;
    };
    const notes: Note[] = Array.from({ length: NOTES }, (_, i) => {
      const lines = Array.from({ length: CITATIONS }, () => {
        const start = 1 + next(LINES + 20); // some run past the end
        return `- \`src/module-${next(FILES + 5)}.ts:${start}-${start + next(10)}\` does a thing.`;
      });
      const id = `note-${i}`;
      return {
        summary: { id, path: `repo/${id}.md`, title: id, mode: 'explain', status: 'done', created: '2026-12-01T00:00:00.000Z', tags: [], excerpt: '' },
        frontmatter: { id, title: id, mode: 'explain', status: 'done', created: '2026-12-01T00:00:00.000Z', repo: { name: 'repo', path: repo, commit: commits[i % 4]! }, sources: [], tags: [] },
        body: `# Note ${i}\n\n${lines.join('\n')}\n`,
      } as Note;
    });
    let cacheDir = join(dir, 'cache-0');
    let round = 0;
    const cold = await medianTime(
      context.runs,
      () => checkNotes(notes, new CitationCache(cacheDir)),
      async () => {
        cacheDir = join(dir, `cache-${++round}`);
      },
    );
    const warmCache = new CitationCache(join(dir, 'cache-warm'));
    await checkNotes(notes, warmCache);
    const warm = await medianTime(context.runs, () => checkNotes(notes, warmCache));
    const one = await medianTime(context.runs, () => checkNotes([notes[0]!], new CitationCache(join(dir, `one-${++round}`))));
    const checked = await checkNotes(notes, warmCache);
    const broken = checked.reduce((sum, note) => sum + note.total - note.ok, 0);
    const stale = checked.filter((note) => note.stale).length;
    const facts = `${NOTES * CITATIONS} citations, ${broken} broken, ${stale} notes stale; ${FILES} files × ${LINES} lines, 4 commits`;
    return [
      { area: 'citations', case: 'check, cold (nothing cached)', notes: NOTES, ms: cold, note: facts },
      { area: 'citations', case: 'check, warm (cached at each commit)', notes: NOTES, ms: warm, note: 'staleness is worked out again' },
      { area: 'citations', case: 'one note, cold (the note view’s bar)', notes: 1, ms: one, note: 'the text is shown before, without waiting' },
    ];
  } finally {
    await removeDir(dir);
  }
}

/** The repository, with five commits that each change 20 files; the commits' hashes, oldest first. */
async function makeRepo(repo: string): Promise<string[]> {
  await mkdir(join(repo, 'src'), { recursive: true });
  gitIn(repo, 'init', '-q', '-b', 'main');
  const commits: string[] = [];
  for (let commit = 0; commit < 5; commit++) {
    for (let file = 0; file < FILES; file++) {
      if (commit > 0 && file % 10 !== commit) continue;
      const text = Array.from({ length: LINES }, (_, line) => `export const value${line} = ${line * (line % 7 === commit ? commit + 1 : 1)};`).join('\n');
      await writeFile(join(repo, 'src', `module-${file}.ts`), text + '\n');
    }
    gitIn(repo, 'add', '-A');
    gitIn(repo, 'commit', '-q', '-m', `commit ${commit}`);
    commits.push(gitIn(repo, 'rev-parse', 'HEAD').trim());
  }
  return commits;
}
