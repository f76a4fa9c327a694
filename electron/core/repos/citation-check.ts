// Checking the citations of notes against the commits they describe, and saying what changed in
// their files since. Notes are handled in batches by repo: a fixed number of git calls per repo
// and commit (resolve the commits; list each commit's files; read the cited files' contents in one
// call; diff each commit against HEAD), never one per citation. The check at a commit never
// changes, so it is kept in the notebook's cache (citation-cache.ts) and only staleness is redone.
import { stat } from 'node:fs/promises';
import type { CitationCheck, LineRange, NoteCitations, SourceChange } from '../../../shared/contract/citations';
import type { Note } from '../../../shared/model/note';
import { checkObjects } from './blob-hashes';
import type { CitationCache } from './citation-cache';
import { changedFiles, changedHunks, describeChange, touchedRanges } from './citation-changes';
import { findCitations, type FoundCitation } from './citations';
import { blobContents, commitTree, type CommitTree } from './commit-files';

/** Lines shown around the cited ones, and at most how many in all. */
const CONTEXT_LINES = 3;
const MAX_EXCERPT_LINES = 40;
const MAX_LINE_CHARS = 400;
/** Git processes run at once for one batch. */
const PARALLEL = 4;

interface Pending {
  note: Note;
  /** The commit checked against, resolved to its full hash. */
  commit: string;
  against: 'note' | 'head';
  citations?: CitationCheck[];
}

/** Each note's citations and changes, in the order given. */
export async function checkNotes(notes: readonly Note[], cache: CitationCache | null): Promise<NoteCitations[]> {
  const results = new Map<string, NoteCitations>();
  const byRepo = new Map<string, Note[]>();
  for (const note of notes) {
    const repoPath = note.frontmatter?.repo?.path;
    if (!repoPath) {
      results.set(note.summary.id, unchecked(note, 'The note does not say where its repository is (repo.path).'));
      continue;
    }
    byRepo.set(repoPath, [...(byRepo.get(repoPath) ?? []), note]);
  }
  for (const [repoPath, group] of byRepo) {
    for (const result of await checkRepo(repoPath, group, cache)) results.set(result.id, result);
  }
  return notes.map((note) => results.get(note.summary.id)!);
}

async function checkRepo(repoPath: string, notes: Note[], cache: CitationCache | null): Promise<NoteCitations[]> {
  if (!(await stat(repoPath).catch(() => null))?.isDirectory()) {
    return notes.map((note) => unchecked(note, `The repository folder ${repoPath} is not on this machine. If the codebase is here in another folder, map its remote to that folder (Settings ▸ Sharing).`));
  }
  const recorded = [...new Set(notes.map((note) => note.frontmatter?.repo?.commit).filter((commit): commit is string => Boolean(commit)))];
  const objects = await checkObjects(repoPath, ['HEAD', ...recorded.map((commit) => `${commit}^{commit}`)]).catch(() => null);
  const head = objects?.[0]?.type === 'commit' ? objects[0].hash : null;
  if (!objects || !head) return notes.map((note) => unchecked(note, `${repoPath} is not a git repository with a commit.`));
  const resolved = new Map(recorded.map((commit, i) => [commit, objects[i + 1]?.hash ?? null]));

  const pending: Pending[] = [];
  const done: NoteCitations[] = [];
  for (const note of notes) {
    const wanted = note.frontmatter?.repo?.commit;
    const commit = wanted ? resolved.get(wanted) : head;
    if (!commit) done.push(unchecked(note, `The note's commit ${wanted!.slice(0, 7)} is not in the repository at ${repoPath}.`));
    else pending.push({ note, commit, against: wanted ? 'note' : 'head' });
  }
  await Promise.all(pending.map(async (entry) => void (entry.citations = (await cache?.read(entry.commit, entry.note.body)) ?? undefined)));

  // Only notes the cache does not know are read for citations, and only their commits listed and read.
  const toCheck = pending.filter((entry) => !entry.citations).map((entry) => ({ entry, found: findCitations(entry.note.body) }));
  const trees = new Map<string, CommitTree | null>();
  await inParallel([...new Set(toCheck.map(({ entry }) => entry.commit))], async (commit) => trees.set(commit, await commitTree(repoPath, commit)));
  const resolvedCitations = toCheck.map(({ entry, found }) => found.map((citation) => resolve(citation, trees.get(entry.commit) ?? null, repoPath)));
  const contents = await blobContents(repoPath, resolvedCitations.flat().flatMap((citation) => (citation.blob ? [citation.blob] : [])));
  const texts = fileLines(contents);
  const writes = toCheck.map(({ entry }, i) => {
    entry.citations = resolvedCitations[i]!.flatMap((citation) => judge(citation, texts, entry.commit));
    return cache?.write(entry.commit, entry.note.body, entry.citations);
  });

  const [changes] = await Promise.all([changesSince(repoPath, head, pending), ...writes]);
  for (const entry of pending) {
    const citations = entry.citations!;
    const changed = changes.get(entry.note.summary.id) ?? [];
    done.push({
      id: entry.note.summary.id,
      commit: entry.commit,
      head,
      against: entry.against,
      total: citations.length,
      ok: citations.filter((citation) => citation.ok).length,
      citations,
      stale: changed.length > 0,
      changed,
    });
  }
  return done;
}

interface Resolved {
  found: FoundCitation;
  path: string;
  blob?: string;
  /** Why it cannot be checked further; `drop` for a bare path that names no file (not a citation). */
  problem?: string | 'drop';
}

/** The repo file a citation names: exactly, from the repo's absolute folder, or by an unambiguous ending. */
function resolve(found: FoundCitation, tree: CommitTree | null, repoPath: string): Resolved {
  if (!tree) return { found, path: found.path, problem: 'git could not list the files of the commit' };
  let path = found.path;
  const root = repoPath.replace(/\/+$/, '') + '/';
  if (path.startsWith(root)) path = path.slice(root.length);
  path = path.replace(/^\/+/, '');
  const exact = tree.blobs.get(path);
  if (exact) return { found, path, blob: exact };
  if (tree.folders.has(path)) return { found, path, problem: found.bare ? 'drop' : 'a folder, not a file' };
  const name = path.split('/').pop()!;
  const endings = (tree.byName.get(name) ?? []).filter((candidate) => candidate.endsWith(`/${path}`));
  if (endings.length === 1) return { found, path: endings[0]!, blob: tree.blobs.get(endings[0]!) };
  if (found.bare) return { found, path, problem: 'drop' };
  if (endings.length > 1) return { found, path, problem: `ambiguous: ${endings.length} files end with ${path} (${endings.slice(0, 3).join(', ')}${endings.length > 3 ? ', …' : ''})` };
  return { found, path, problem: 'no such file' };
}

/** A file's lines by blob, split once however many citations name it; null for a binary file. */
function fileLines(contents: Map<string, Buffer>): (blob: string) => string[] | null | undefined {
  const split = new Map<string, string[] | null>();
  return (blob) => {
    if (!split.has(blob)) {
      const content = contents.get(blob);
      if (!content) return undefined;
      split.set(blob, content.subarray(0, 8000).includes(0) ? null : splitLines(content.toString('utf8')));
    }
    return split.get(blob);
  };
}

function judge(citation: Resolved, linesOf: (blob: string) => string[] | null | undefined, commit: string): CitationCheck[] {
  const { found, path, problem } = citation;
  if (problem === 'drop') return [];
  const base = { text: found.text, path, ...(found.lines ? { lines: found.lines } : {}) };
  const at = `at ${commit.slice(0, 7)}`;
  if (problem) return [{ ...base, ok: false, why: `${problem} ${at}` }];
  const text = linesOf(citation.blob!);
  if (text === undefined) return [{ ...base, ok: false, why: `git could not read ${path} ${at}` }];
  const binary = text === null;
  const lines = text ?? [];
  const count = lines.length;
  if (found.lines && found.lines.end > count) {
    const past = found.lines.start > count ? found.lines.start : found.lines.end;
    return [{ ...base, ok: false, why: `line ${past} is past the end (${path} has ${count} ${count === 1 ? 'line' : 'lines'} ${at})` }];
  }
  return [{ ...base, ok: true, ...(binary ? {} : { excerpt: excerpt(lines, found.lines) }) }];
}

function splitLines(text: string): string[] {
  if (text.length === 0) return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function excerpt(lines: string[], range: LineRange | undefined): { start: number; lines: string[] } {
  const first = range ? Math.max(1, range.start - CONTEXT_LINES) : 1;
  const last = range ? Math.min(lines.length, range.end + CONTEXT_LINES, first + MAX_EXCERPT_LINES - 1) : Math.min(lines.length, 8);
  return { start: first, lines: lines.slice(first - 1, last).map((line) => (line.length > MAX_LINE_CHARS ? line.slice(0, MAX_LINE_CHARS) + '…' : line)) };
}

/** Per note id, what changed in its sources and cited files between its commit and HEAD. */
async function changesSince(repoPath: string, head: string, pending: Pending[]): Promise<Map<string, SourceChange[]>> {
  const changes = new Map<string, SourceChange[]>();
  const byCommit = new Map<string, Pending[]>();
  for (const entry of pending) {
    if (entry.against !== 'note' || entry.commit === head) continue;
    byCommit.set(entry.commit, [...(byCommit.get(entry.commit) ?? []), entry]);
  }
  await inParallel([...byCommit], async ([commit, entries]) => {
    const files = await changedFiles(repoPath, commit, head);
    if (!files || files.size === 0) return;
    const watched = entries.map((entry) => ({ entry, paths: watchedPaths(entry) }));
    const touched = [...new Set(watched.flatMap(({ paths }) => [...paths.keys()]))].filter((path) => files.has(path));
    const pathspec = touched.flatMap((path) => [path, ...(files.get(path)?.to ? [files.get(path)!.to!] : [])]);
    const hunks = await changedHunks(repoPath, commit, head, pathspec);
    for (const { entry, paths } of watched) {
      const noteChanges: SourceChange[] = [];
      for (const [path, ranges] of paths) {
        const diff = files.get(path);
        if (!diff) continue;
        noteChanges.push(describeChange(path, diff, ranges, diff.how === 'deleted' ? [] : touchedRanges(ranges, hunks.get(path) ?? [])));
      }
      if (noteChanges.length > 0) changes.set(entry.note.summary.id, noteChanges);
    }
  });
  return changes;
}

/** The files a note depends on: those its agent read and those it cites, with the cited ranges. */
function watchedPaths(entry: Pending): Map<string, LineRange[]> {
  const paths = new Map<string, LineRange[]>();
  for (const source of entry.note.frontmatter?.sources ?? []) if (source.path) paths.set(source.path, paths.get(source.path) ?? []);
  for (const citation of entry.citations ?? []) {
    if (!citation.ok) continue;
    const ranges = paths.get(citation.path) ?? [];
    if (citation.lines) ranges.push(citation.lines);
    paths.set(citation.path, ranges);
  }
  return paths;
}

function unchecked(note: Note, why: string): NoteCitations {
  return { id: note.summary.id, commit: null, against: 'none', why, total: 0, ok: 0, citations: [], stale: false, changed: [] };
}

async function inParallel<T>(items: readonly T[], work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, lane));
}
