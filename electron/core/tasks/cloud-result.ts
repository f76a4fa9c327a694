// What a finished cloud task's note becomes: the agent's final message as the body, its diff as
// an artifact (as for a local poc), the task's page and the pull request in the frontmatter
// (`agent.task_url`, `pr`), usage when the service gives it, and for a task that failed, why.
import type { AgentRef, NoteStatus, Usage } from '../../../shared/model/note';
import type { Notebook } from '../notebook/notebook';
import { claimTitle, titleNote } from './note-title';
import { capAnswer, composeBody, safeTitle, type TaskNote } from './task-note';
import { changedFiles } from './task-workspace';
import { writeFailure } from './write-failure';

export interface CloudOutcome {
  status: Exclude<NoteStatus, 'queued' | 'running'>;
  /** Why it did not succeed, in words for the person (already redacted). */
  error?: string;
  message?: string;
  diff?: string;
  pr?: string;
  usage?: Usage;
}

export interface CloudCompletion {
  note: TaskNote;
  notebook: Notebook;
  question: string;
  outcome: CloudOutcome;
  agent: AgentRef;
  /** The service in words ("Jules"), for the remarks. */
  label: string;
  started: string | undefined;
  /** Said about the repository when the task was asked (uncommitted changes stayed here). */
  repoNote?: string;
}

const LABELS: Record<CloudOutcome['status'], string> = { done: 'Done', failed: 'Failed', cancelled: 'Cancelled', interrupted: 'Interrupted' };

/** Completes the note; returns its title. Rejects when the write fails. */
export async function completeCloudNote(input: CloudCompletion): Promise<string> {
  const { note, notebook, outcome } = input;
  const done = outcome.status === 'done';
  const remarks: string[] = [];
  const titled = titleNote(outcome.message ?? '', input.question, done);
  const claim = claimTitle(notebook, safeTitle(titled.title, safeTitle(input.question)), note.id);
  if (done && !outcome.message?.trim()) remarks.push(`${input.label} finished without a message; its page has what it did: ${input.agent.task_url ?? ''}`.trim());
  if (outcome.diff?.trim()) remarks.push(await keepDiff(notebook, note.id, outcome.diff, input.label));
  else if (done) remarks.push(`${input.label} changed no files.`);
  if (outcome.pr) remarks.push(`Pull request: ${outcome.pr}`);
  if (input.agent.task_url) remarks.push(`The task at ${input.label}: ${input.agent.task_url}`);
  if (input.repoNote) remarks.push(input.repoNote);
  if (!done) remarks.push(`**${LABELS[outcome.status]}:** ${outcome.error ?? 'no reason given.'}`);
  const finished = new Date();
  await note.complete(
    {
      title: claim.title,
      status: outcome.status,
      finished: finished.toISOString(),
      ...(input.started ? { duration_ms: Math.max(0, finished.getTime() - Date.parse(input.started)) } : {}),
      ...(outcome.usage && Object.keys(outcome.usage).length > 0 ? { usage: outcome.usage } : {}),
      agent: input.agent,
      ...(outcome.pr ? { pr: outcome.pr } : {}),
      error: outcome.error ?? null,
    },
    composeBody(capAnswer(titled.body).text, remarks),
  ).finally(claim.release);
  return claim.title;
}

async function keepDiff(notebook: Notebook, id: string, diff: string, label: string): Promise<string> {
  const name = `${id}.patch`;
  const files = changedFiles(diff);
  try {
    await notebook.writeArtifact(id, name, diff.endsWith('\n') ? diff : `${diff}\n`);
  } catch (error) {
    return `${label}'s diff could not be kept with this note (${writeFailure(error, notebook.root)}).`;
  }
  const list = files.slice(0, 20).map((file) => `\`${file}\``).join(', ') + (files.length > 20 ? `, and ${files.length - 20} more` : '');
  return `${label} changed ${files.length} ${files.length === 1 ? 'file' : 'files'}${list ? `: ${list}` : ''}. The diff is kept with this note as \`${name}\`.`;
}
