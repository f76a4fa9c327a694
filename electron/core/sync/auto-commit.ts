// Auto-commit: Fieldnotes' own changes to notes (finished notes, edits, retitles, tag changes,
// imports, deletions) become one commit each, with a message that says what changed. A note a task
// still writes into (status queued or running) waits until its task ends; the user's own edits and
// staged changes are left alone (`git commit --only` takes just the note's paths).
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { NoteSummary } from '../../../shared/model/note';
import type { Notebook } from '../notebook/notebook';
import { syncGit } from './sync-git';

export interface NoteChangeEvent {
  kind: 'added' | 'changed' | 'removed';
  path: string;
  id: string;
}

export interface CommitChoices {
  transcripts: boolean;
  artifacts: boolean;
}

/** The commit message for a change to one note. */
export function commitMessage(kinds: ReadonlySet<NoteChangeEvent['kind']>, note: Pick<NoteSummary, 'title' | 'repo' | 'agent' | 'imported'> | null, fallbackTitle: string): string {
  const title = note?.title ?? fallbackTitle;
  if (!note) return `delete: ${title}`;
  const where = [note.repo, note.agent].filter(Boolean).join(', ');
  const about = where ? `${title} (${where})` : title;
  if (kinds.has('added') && kinds.has('removed')) return `retitle: ${about}`;
  if (kinds.has('added')) return note.imported ? `import: ${about}` : `note: ${about}`;
  return `edit: ${about}`;
}

/** Commits the notes named by change events, once each is finished. */
export async function commitNoteChanges(notebook: Notebook, changes: readonly NoteChangeEvent[], choices: CommitChoices): Promise<{ committed: string[]; waiting: NoteChangeEvent[] }> {
  const byId = new Map<string, NoteChangeEvent[]>();
  for (const change of changes) byId.set(change.id, [...(byId.get(change.id) ?? []), change]);
  const listed = new Map(notebook.list().map((note) => [note.id, note]));
  const committed: string[] = [];
  const waiting: NoteChangeEvent[] = [];
  for (const [id, group] of byId) {
    const note = listed.get(id) ?? null;
    if (note && (note.status === 'running' || note.status === 'queued')) {
      waiting.push(...group);
      continue;
    }
    const paths = new Set(group.map((change) => change.path));
    if (note) paths.add(note.path);
    if (choices.transcripts) paths.add(`.fieldnotes/transcripts/${id}.jsonl`);
    if (choices.artifacts) paths.add(`.fieldnotes/artifacts/${id}`);
    const present = await pathsGitKnows(notebook.root, [...paths]);
    if (present.length === 0) continue;
    const trashed = note ? null : (await notebook.listTrash()).find((entry) => entry.id === id);
    const message = commitMessage(new Set(group.map((change) => change.kind)), note, trashed?.title ?? group[0]!.path);
    const added = await syncGit(notebook.root, ['add', '-A', '--', ...present]);
    if (added.code !== 0) throw new Error(`git add failed: ${added.stderr.trim()}`);
    const staged = await syncGit(notebook.root, ['diff', '--cached', '--quiet', 'HEAD', '--', ...present]);
    if (staged.code === 0) continue; // Nothing new for git (a change undone, a rewrite to the same bytes).
    const result = await syncGit(notebook.root, ['commit', '--quiet', '--only', '-m', message, '--', ...present]);
    if (result.code !== 0) throw new Error(`git commit failed: ${(result.stderr || result.stdout).trim().split('\n').slice(-2).join(' ')}`);
    committed.push(message);
  }
  return { committed, waiting };
}

/** The paths that exist on disk or that git tracks (a deletion): git refuses the others by name. */
async function pathsGitKnows(root: string, paths: string[]): Promise<string[]> {
  const known: string[] = [];
  for (const path of paths) {
    if (await stat(join(root, path)).then(() => true, () => false)) {
      const ignored = await syncGit(root, ['check-ignore', '-q', '--', path]);
      if (ignored.code !== 0) known.push(path);
    } else if ((await syncGit(root, ['ls-files', '--error-unmatch', '--', path])).code === 0) known.push(path);
  }
  return known;
}
