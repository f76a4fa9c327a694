// The codebases a notebook's notes are about: each repo name's folder as its newest note records
// it (`repo.path`), with how many notes name it. Reads one note per codebase, not every note.
import type { Notebook } from '../notebook/notebook';

export interface NotebookRepo {
  path: string;
  /** Notes of this codebase in the notebook. */
  notes: number;
}

/** Most-noted first; codebases whose notes record no folder are left out. */
export async function notebookRepos(notebook: Notebook, log: (message: string) => void): Promise<NotebookRepo[]> {
  const newest = new Map<string, { id: string; created: string; notes: number }>();
  for (const summary of notebook.list()) {
    if (!summary.repo) continue;
    const seen = newest.get(summary.repo);
    if (!seen) newest.set(summary.repo, { id: summary.id, created: summary.created, notes: 1 });
    else {
      seen.notes += 1;
      if (summary.created > seen.created) Object.assign(seen, { id: summary.id, created: summary.created });
    }
  }
  const read = await Promise.all(
    [...newest.values()].map(async ({ id, notes }) => {
      const note = await notebook.get(id).catch((error: unknown) => {
        log(`could not read note ${id} for its codebase: ${String(error)}`);
        return null;
      });
      const path = note?.frontmatter?.repo?.path;
      return path ? { path, notes } : null;
    }),
  );
  const byPath = new Map<string, NotebookRepo>();
  for (const repo of read) {
    if (!repo) continue;
    const known = byPath.get(repo.path);
    if (known) known.notes += repo.notes;
    else byPath.set(repo.path, { ...repo });
  }
  return [...byPath.values()].sort((a, b) => b.notes - a.notes);
}
