// After a crash or a kill: notes left `running` or `queued` by an engine that is gone are marked
// `interrupted`, with the answer text their transcript holds and a clear error; an agent process
// the dead engine left behind is stopped.
import { hostname } from 'node:os';
import { TextJoiner } from '../../../shared/model/text-blocks';
import type { Notebook } from '../notebook/notebook';
import { ProcessTree } from '../agents/process-tree';
import { agentStillRunning, heldByLiveEngine, heldElsewhere, type TaskLeases } from './task-leases';
import { capAnswer, composeBody } from './task-note';

export const INTERRUPTED_RUNNING = 'Fieldnotes stopped while this task was running; retry it.';
export const INTERRUPTED_QUEUED = 'Fieldnotes stopped before this task could start; retry it.';

export interface RecoveryOptions {
  notebook: Notebook;
  leases: TaskLeases;
  /** True for tasks this engine runs itself. */
  isLive: (id: string) => boolean;
  log: (message: string) => void;
}

/** Marks the notebook's orphaned task notes interrupted; returns their ids. */
export async function recoverInterruptedTasks({ notebook, leases, isLive, log }: RecoveryOptions): Promise<string[]> {
  const stale = notebook.list().filter((note) => (note.status === 'running' || note.status === 'queued') && !isLive(note.id) && !note.problem);
  const recovered: string[] = [];
  for (const note of stale) {
    try {
      const lease = await leases.read(note.id);
      if (lease && (heldByLiveEngine(lease) || heldElsewhere(lease))) continue;
      if (lease && (await agentStillRunning(lease))) {
        log(`stopping the agent (pid ${lease.agentPid}) a stopped Fieldnotes left running for ${note.path}`);
        await new ProcessTree(lease.agentPid!, lease.agentMarker).end(3_000);
      } else if (lease?.agentMarker && lease.host === hostname()) {
        // The agent itself is gone, but processes it started (sandboxes, shells) may not be.
        await new ProcessTree(null, lease.agentMarker).end(3_000);
      }
      await markInterrupted(notebook, note.id, note.status === 'running' ? INTERRUPTED_RUNNING : INTERRUPTED_QUEUED);
      await leases.release(note.id);
      recovered.push(note.id);
    } catch (error) {
      log(`could not recover the task of ${note.path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return recovered;
}

/** Sets the note's status, keeping the answer received so far (from the transcript, which has all of it). */
async function markInterrupted(notebook: Notebook, id: string, error: string): Promise<void> {
  const { events } = await notebook.readTranscript(id);
  const blocks = new TextJoiner();
  const text = events.map((event) => blocks.add(event)).join('');
  const current = await notebook.get(id);
  const answer = text.length >= current.body.trim().length ? capAnswer(text).text : current.body;
  await notebook.update(id, {
    frontmatter: { status: 'interrupted', error },
    body: composeBody(answer, [`**Interrupted:** ${error}`]),
  });
}
