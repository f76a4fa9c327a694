// What a finished task's note becomes: its title (note-title.ts), the answer as the
// body (capped, with the whole of a huge one kept as an artifact), the poc diff, the sources with
// their blobs, usage, session, model, duration, and for a task that did not succeed, why.
import type { NoteStatus, Usage } from '../../../shared/model/note';
import type { Notebook } from '../notebook/notebook';
import { claimTitle, titleNote } from './note-title';
import { MAX_BODY_BYTES, capAnswer, composeBody, megabytes, safeTitle, type AnswerText, type TaskNote } from './task-note';
import { keepChanges, noteSources, type TaskWorkspace } from './task-workspace';

export interface RunResult {
  status: Exclude<NoteStatus, 'queued' | 'running'>;
  /** Why it did not succeed, in words for the person (already redacted). */
  error?: string;
}

export interface Completion {
  note: TaskNote;
  notebook: Notebook;
  result: RunResult;
  question: string;
  /** Null when the task ended before its workspace was ready. */
  workspace: TaskWorkspace | null;
  /** The agent's final answer (its own result text, else all the text it streamed). */
  answer: AnswerText;
  sourcePaths: readonly string[];
  agent: { id: string; version?: string | undefined; model?: string | undefined; session?: string | undefined };
  usage: Usage | undefined;
  started: string | undefined;
}

const LABELS: Record<RunResult['status'], string> = { done: 'Done', failed: 'Failed', cancelled: 'Cancelled', interrupted: 'Interrupted' };

/** Completes the note of a finished task; returns its title. */
export async function finishNote(input: Completion): Promise<string> {
  const { note, notebook, result, question, workspace } = input;
  const remarks: string[] = [];
  // The body shows at most MAX_BODY_BYTES: a longer answer is only read that far here.
  const titled = titleNote(input.answer.preview(), question, result.status === 'done');
  const claim = claimTitle(notebook, safeTitle(titled.title, safeTitle(question)), note.id);
  const title = claim.title;
  const answer = titled.body;
  if (result.status === 'done' && input.answer.preview().trim() === '') remarks.push('The agent finished without writing an answer.');
  const capped = capAnswer(answer, input.answer.length > MAX_BODY_BYTES);
  if (capped.cut) {
    const whole = await input.answer.encode();
    await notebook.writeArtifact(note.id, 'answer.md', whole);
    remarks.push(`The answer is ${megabytes(whole.length)}; this note shows its first ${megabytes(Buffer.byteLength(capped.text))}. `
      + 'The whole answer is kept with this note as `answer.md`.');
  }
  if (workspace?.checkout) {
    remarks.push(await keepChanges(workspace, notebook, note.id).catch((error: unknown) => `Could not save the changes of the scratch checkout: ${String(error)}`));
  }
  const repo = workspace?.repo;
  if (repo && !repo.commit) {
    remarks.push(`\`${repo.path}\` is ${repo.isGit ? 'a git repository without a commit yet' : 'not a git repository'}, `
      + 'so this note is not tied to a commit and its sources have no blob hashes.');
  }
  if (result.status !== 'done') remarks.push(`**${LABELS[result.status]}:** ${result.error ?? 'no reason given.'}`);

  const finished = new Date();
  const sources = workspace ? await noteSources(workspace, input.sourcePaths).catch(() => []) : [];
  const agent = Object.fromEntries(Object.entries(input.agent).filter(([, value]) => value !== undefined)) as { id: string };
  await note.complete(
    {
      title,
      status: result.status,
      finished: finished.toISOString(),
      ...(input.started ? { duration_ms: finished.getTime() - Date.parse(input.started) } : {}),
      ...(input.usage && Object.keys(input.usage).length > 0 ? { usage: input.usage } : {}),
      agent,
      sources,
      error: result.error ?? null,
    },
    composeBody(capped.text, remarks),
  ).finally(claim.release);
  return title;
}
