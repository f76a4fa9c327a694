// What a finished task's note becomes: its title (note-title.ts), the answer as the body (capped,
// with more of a huge one kept as an artifact), the poc diff, the sources with their blobs, usage,
// session, model, duration, and for a task that did not succeed, why. A note is never left
// `running`: a final write that keeps failing is retried, then the note is marked failed.
import type { NoteStatus, Usage } from '../../../shared/model/note';
import type { Notebook } from '../notebook/notebook';
import { claimTitle, titleNote } from './note-title';
import { MAX_BODY_BYTES, capAnswer, composeBody, megabytes, safeTitle, type AnswerText, type TaskNote } from './task-note';
import { keepChanges, noteSources, type TaskWorkspace } from './task-workspace';
import type { TranscriptWriter } from './transcript-writer';
import { writeFailure } from './write-failure';

export interface RunResult {
  status: Exclude<NoteStatus, 'queued' | 'running'>;
  /** Why it did not succeed, in words for the person (already redacted). */
  error?: string;
  /** Why a task that ended well may not rest on the code (see ReadCheck), already redacted. */
  warning?: string;
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
  agent: { id: string; version?: string | undefined; model?: string | undefined; session?: string | undefined; sandbox?: string | undefined };
  usage: Usage | undefined;
  started: string | undefined;
  /** What the transcript kept of the text, for a note that shows only part of a huge answer. */
  transcript: TranscriptWriter['textKept'];
  /** Notes the agent read through Fieldnotes' MCP server. */
  consulted?: readonly string[];
  /** For a failed task whose agent kept retrying its model endpoint: the retries in one line, and what to check. */
  unreachable?: string;
}

/** Waits before each retry of a final write that failed. */
const RETRY_DELAYS_MS = [250, 1_000];

const LABELS: Record<RunResult['status'], string> = { done: 'Done', failed: 'Failed', cancelled: 'Cancelled', interrupted: 'Interrupted' };

/**
 * Completes the note of a finished task, retrying a write that fails. When it keeps failing, the
 * note becomes a small failed note saying why (if even that cannot be written, the next start
 * marks it interrupted), and so does the result. Returns the title and the result as they ended up.
 */
export async function completeNote(input: Completion): Promise<{ title: string; result: RunResult }> {
  let failure: unknown;
  let gone = false;
  for (let attempt = 0; attempt <= RETRY_DELAYS_MS.length && !gone; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[attempt - 1]));
    try {
      return { title: await finishNote(input), result: input.result };
    } catch (error) {
      failure = error;
      // A rename that went through before the write failed, or one made outside: find the note again.
      await input.notebook.rescan().catch(() => undefined);
      gone = input.notebook.pathOf(input.note.id) === undefined;
    }
  }
  const why = `Could not write ${input.result.status === 'done' ? 'the answer' : 'the end of the task'} into this note: ${writeFailure(failure, input.notebook.root)}`;
  const result: RunResult = { status: 'failed', error: input.result.status === 'done' || !input.result.error ? why : `${input.result.error} ${why}` };
  if (gone) return { title: safeTitle(input.question), result };
  const finished = new Date();
  try {
    await input.note.complete(
      {
        status: 'failed',
        finished: finished.toISOString(),
        ...(input.started ? { duration_ms: finished.getTime() - Date.parse(input.started) } : {}),
        error: result.error!,
      },
      composeBody('', [`**Failed:** ${result.error!}`, 'What the agent wrote is in the task\'s transcript, as far as it could be written; retry the task once the note can be written.']),
    );
  } catch {
    result.error += ' The note could not be marked failed either: it says `running` until Fieldnotes starts again and can write it.';
  }
  return { title: safeTitle(input.question), result };
}

/** Completes the note of a finished task; returns its title. Rejects when the note's write fails. */
async function finishNote(input: Completion): Promise<string> {
  const { note, notebook, result, question, workspace } = input;
  const remarks: string[] = [];
  // The body shows at most MAX_BODY_BYTES: a longer answer is only read that far here.
  const titled = titleNote(input.answer.preview(), question, result.status === 'done');
  const claim = claimTitle(notebook, safeTitle(titled.title, safeTitle(question)), note.id);
  const title = claim.title;
  const answer = titled.body;
  if (result.status === 'done' && input.answer.preview().trim() === '') remarks.push('The agent finished without writing an answer.');
  const capped = capAnswer(answer, input.answer.length > MAX_BODY_BYTES);
  if (capped.cut) remarks.push(await keepAnswer(input, Buffer.byteLength(capped.text)));
  if (workspace?.checkout) {
    remarks.push(await keepChanges(workspace, notebook, note.id).catch((error: unknown) => `Could not save the changes of the scratch checkout: ${String(error)}`));
  }
  const repo = workspace?.repo;
  if (repo && !repo.commit) {
    remarks.push(`\`${repo.path}\` is ${repo.isGit ? 'a git repository without a commit yet' : 'not a git repository'}, `
      + 'so this note is not tied to a commit and its sources have no blob hashes.');
  }
  // A cancel is the user's own doing: the note's banner (its `error`) says so, the body need not.
  if (input.unreachable) remarks.push(input.unreachable);
  if (result.status !== 'done' && result.status !== 'cancelled') remarks.push(`**${LABELS[result.status]}:** ${result.error ?? 'no reason given.'}`);

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
      ...(input.consulted?.length ? { consulted: [...input.consulted] } : {}),
      error: result.error ?? null,
      warning: result.warning ?? null,
    },
    composeBody(capped.text, remarks),
  ).finally(claim.release);
  return title;
}

/** Keeps the answer a note cannot show whole as `answer.md`; says exactly what was kept where. */
async function keepAnswer({ answer, note, notebook, transcript }: Completion, shownBytes: number): Promise<string> {
  const said = `The answer is ${megabytes(answer.bytes)}; this note shows its first ${megabytes(shownBytes)}.`;
  const inTranscript = transcript.kind === 'all' ? 'the transcript has all of it'
    : transcript.kind === 'first' ? `the transcript its first ${megabytes(transcript.chars)}`
      : 'the transcript has what could be written of it';
  try {
    const bytes = await answer.encode();
    await notebook.writeArtifact(note.id, 'answer.md', bytes);
    if (!answer.cut) return `${said} The whole answer is kept with this note as \`answer.md\`.`;
    return `${said} Its first ${megabytes(bytes.length)} are kept with this note as \`answer.md\`; ${inTranscript}.`;
  } catch (error) {
    return `${said} The rest could not be kept with this note as \`answer.md\` (${writeFailure(error, notebook.root)}); ${inTranscript}.`;
  }
}
