// The files an agent read, for the note's `sources`: paths from its tool calls, made relative to
// the repository root, kept only when they lie inside it, each once, with its git blob at the commit.
import { stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { AgentEvent } from '../../../shared/model/agent-event';
import type { Source } from '../../../shared/model/note';
import { blobHashes } from '../repos/blob-hashes';

/** Tools that only write; the paths they name were not read. Shell commands count as reads. */
const WRITE_ONLY_TOOLS = new Set(['Write', 'Edit', 'MultiEdit', 'NotebookEdit', 'write_file', 'replace', 'edit', 'file_change']);
/** More than this and the frontmatter stops being readable; the transcript keeps every call. */
const MAX_SOURCES = 500;

export interface SourceRoots {
  /** The folder the agent worked in; relative tool paths are relative to it. */
  cwd: string;
  /** The folder `cwd` stands for, whose files count: the repo root, or the scratch checkout of it. */
  root: string;
  /** The user's own repo root when the agent worked in a scratch checkout of it (absolute paths there count too). */
  alsoRoot?: string;
}

/**
 * Collects the distinct files an agent's tool calls named, as paths relative to the root. A call
 * that carries an id counts once its result comes back ok: a Read of a missing file, or a command
 * the sandbox refused, read nothing. A call whose result never came (or that has no id) counts.
 */
export class SourceCollector {
  private readonly found = new Set<string>();
  /** Paths of calls still waiting for their result, by call id. */
  private readonly pending = new Map<string, string[]>();

  constructor(private readonly roots: SourceRoots | null) {}

  /** Takes a tool call or its result; returns true when a new file was seen. */
  add(event: AgentEvent): boolean {
    if (this.roots === null) return false;
    if (event.type === 'tool_result') {
      const paths = event.id === undefined ? undefined : this.pending.get(event.id);
      if (paths === undefined) return false;
      this.pending.delete(event.id!);
      return event.ok ? this.take(paths) : false;
    }
    if (event.type !== 'tool_call' || WRITE_ONLY_TOOLS.has(event.name)) return false;
    if (event.id === undefined) return this.take(event.paths);
    this.pending.set(event.id, event.paths);
    return false;
  }

  private take(paths: readonly string[]): boolean {
    let added = false;
    for (const path of paths) {
      const inRepo = this.inRepo(path);
      if (inRepo !== null && this.found.size < MAX_SOURCES && !this.found.has(inRepo)) {
        this.found.add(inRepo);
        added = true;
      }
    }
    return added;
  }

  get size(): number {
    return this.found.size;
  }

  /** The files read, with those of calls still waiting for a result (nothing said they failed). */
  paths(): string[] {
    for (const paths of this.pending.values()) this.take(paths);
    this.pending.clear();
    return [...this.found];
  }

  private inRepo(path: string): string | null {
    if (!this.roots || path === '' || path.includes('\0')) return null;
    const absolute = resolve(this.roots.cwd, path);
    for (const root of [this.roots.root, this.roots.alsoRoot]) {
      if (root === undefined) continue;
      const inside = relative(root, absolute);
      if (inside !== '' && !inside.startsWith('..') && !isAbsolute(inside)) return inside.split(sep).join('/');
    }
    return null;
  }
}

/**
 * The sources of a note: each collected path that is a file, with its blob hash at `commit` when
 * the repo is a git repository. In a scratch checkout (`atCommitOnly`) only files of the commit
 * count: what the agent wrote itself is not a source. Folders the agent searched are left out.
 */
export async function resolveSources(
  paths: readonly string[],
  repo: { root: string; commit?: string; filesDir: string; atCommitOnly: boolean },
): Promise<Source[]> {
  if (paths.length === 0) return [];
  const hashes = repo.commit ? await blobHashes(repo.root, repo.commit, paths).catch(() => new Map<string, string>()) : new Map<string, string>();
  const sources = await Promise.all(
    paths.map(async (path): Promise<Source | null> => {
      const blob = hashes.get(path);
      if (blob) return { path, blob };
      if (repo.atCommitOnly) return null;
      const info = await stat(join(repo.filesDir, path)).catch(() => null);
      return info?.isFile() ? { path } : null;
    }),
  );
  return sources.filter((source): source is Source => source !== null);
}
