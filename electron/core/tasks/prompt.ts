// What an agent is asked, and how its answer becomes a note: the prompt carries the question,
// any context notes (as an xml bundle) and short instructions for a good note.
import { formatContext, type ContextNote } from '../../../shared/context/context-bundle';
import type { NoteMode } from '../../../shared/model/note';

export interface PromptInput {
  question: string;
  mode: NoteMode;
  /** Notes attached as context. */
  context?: readonly ContextNote[];
  /** False for a poc that starts from an empty scratch repository (no codebase was given). */
  codebase?: boolean;
  /** The agent has Fieldnotes' MCP tools over the notebook for this run. */
  notebookTools?: boolean;
  /** The question was answered before at an older commit: the first context note is that answer. */
  refresh?: boolean;
}

export function buildPrompt({ question, mode, context = [], codebase = true, notebookTools = false, refresh = false }: PromptInput): string {
  const parts: string[] = [];
  if (context.length > 0) {
    parts.push(
      refresh
        ? 'This question was answered before, at an older commit; that answer is the first note below. The code has changed since: '
          + 'answer again from the code as it is now, keep what still holds, and correct what no longer does.'
        : 'Earlier research notes about this codebase, for context. They may be out of date; check them against the code.',
      formatContext(context, 'xml').trimEnd(),
      '',
    );
  }
  parts.push(
    mode === 'explain'
      ? 'Answer the question below about the codebase in the current directory. Read the code you need; do not change any file.'
      : `Work on the task below in the current directory, ${codebase ? 'a scratch copy of the codebase' : 'an empty scratch git repository'}: `
        + 'you may edit files and run code to try things out. Report what you found and what you changed.',
    '',
    ...(notebookTools
      ? ['Past research notes about codebases can be searched with the fieldnotes tools (search_notes, read_note, recent_notes, build_context). '
        + 'Look there first when it may help; a note may be stale, so check what you use against the code.', '']
      : []),
    'Write your answer as a research note in Markdown:',
    '- First line: a short title for the note (one line, no more than 80 characters, no Markdown).',
    '- Then the explanation. Cite the code you rely on as `path:line` (paths relative to the repository root).',
    '- Be precise and concrete; prefer short sections and code excerpts over long prose.',
    '',
    'Question:',
    question.trim(),
  );
  return parts.join('\n') + '\n';
}
