// Refreshing a note: the same question asked again of the same agent, at the repo's HEAD, with the
// old note attached as context. The new note says `supersedes: <old id>` from the start; the old
// one gains `superseded_by: <new id>` only once the new answer is done (a refresh that failed
// leaves the old note as it was). That write patches one frontmatter key through the notebook's
// compare-and-swap update, so an edit the user made to the old note meanwhile stays.
import { ApiError } from '../../../shared/contract/errors';
import { FINISHED_STATUSES, type Note, type NoteMode } from '../../../shared/model/note';
import type { Notebook } from '../notebook/notebook';

export interface RefreshPlan {
  question: string;
  mode: NoteMode;
  repoPath: string | null;
  agent: string;
  /** The old note, and the notes it was itself given, minus any that are gone. */
  context: string[];
  parent?: string;
  supersedes: string;
}

/** What a refresh of `note` asks, of whom and where; a clear error when it cannot be refreshed. */
export function planRefresh(notebook: Notebook, note: Note, options: { agent?: string; defaultAgent: string }): RefreshPlan {
  const fm = note.frontmatter;
  if (!fm) throw new ApiError('BAD_INPUT', 'That note has no Fieldnotes frontmatter, so there is no question to ask again.');
  if (!fm.question) throw new ApiError('BAD_INPUT', 'That note does not record a question to ask again.');
  if (!(FINISHED_STATUSES as readonly string[]).includes(fm.status)) {
    throw new ApiError('CONFLICT', 'That note’s task has not finished yet. Refresh it once it has.');
  }
  const successor = fm.superseded_by;
  if (successor && notebook.pathOf(successor) !== undefined) {
    throw new ApiError('CONFLICT', `That note was already refreshed by ${successor}; refresh the newer note instead.`);
  }
  const known = (id: string) => notebook.pathOf(id) !== undefined;
  return {
    question: fm.question,
    mode: fm.mode,
    repoPath: fm.repo?.path ?? null,
    agent: options.agent ?? fm.agent?.id ?? options.defaultAgent,
    context: [...new Set([fm.id, ...(fm.context ?? []).filter(known)])],
    ...(fm.parent && known(fm.parent) ? { parent: fm.parent } : {}),
    supersedes: fm.id,
  };
}

/**
 * Points the old note at the note that refreshed it. Never throws: an old note that was deleted
 * or broken meanwhile is logged and left alone.
 */
export async function linkSuccessor(notebook: Notebook, oldId: string, newId: string, log: (message: string) => void): Promise<void> {
  try {
    await notebook.update(oldId, { frontmatter: { superseded_by: newId } });
  } catch (error) {
    log(`could not mark ${oldId} as superseded by ${newId}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
