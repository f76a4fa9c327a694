// From a note as the notebook reads it to what the context formatter needs to know about it.
import type { ContextNote } from '../../../shared/context/context-bundle';
import type { NoteStaleness } from '../../../shared/contract/notes';
import type { Note } from '../../../shared/model/note';

/** The formatter's view of a note; `staleness` adds the stale warning when the note is stale. */
export function toContextNote(note: Note, staleness?: NoteStaleness): ContextNote {
  const { summary, frontmatter: fm } = note;
  const contextNote: ContextNote = {
    title: summary.title,
    path: summary.path,
    created: summary.created,
    status: summary.status,
    body: note.body,
  };
  if (fm?.question) contextNote.question = fm.question;
  if (fm?.repo) contextNote.repo = { name: fm.repo.name, commit: fm.repo.commit, branch: fm.repo.branch };
  if (fm?.agent) contextNote.agent = { id: fm.agent.id, model: fm.agent.model };
  if (fm?.error) contextNote.error = fm.error;
  if (fm?.warning) contextNote.warning = fm.warning;
  if (staleness?.stale && staleness.reason) contextNote.stale = { reason: staleness.reason };
  if (summary.problem) contextNote.problem = summary.problem.message;
  return contextNote;
}
