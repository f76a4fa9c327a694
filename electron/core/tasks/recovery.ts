// After a crash or a kill: notes left `running` or `queued` by an engine that is gone are marked
// `interrupted`, with the answer text their transcript holds and a clear error; an agent process
// the dead engine left behind is stopped. A note an older Fieldnotes made unreadable with an
// agent's NUL bytes is read again without them first.
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { isUlid } from '../../../shared/model/ulid';
import { TextJoiner } from '../../../shared/model/text-blocks';
import { cleanAgentEvents, cleanAgentText } from '../agents/agent-text';
import { ProcessTree } from '../agents/process-tree';
import { writeFileAtomic } from '../fs/atomic-write';
import { parseNoteText } from '../notebook/note-file';
import type { Notebook } from '../notebook/notebook';
import { agentStillRunning, heldByLiveEngine, heldElsewhere, type Lease, type TaskLeases } from './task-leases';
import { capAnswer, composeBody } from './task-note';

export const INTERRUPTED_RUNNING = 'Fieldnotes stopped while this task was running; retry it.';
export const INTERRUPTED_QUEUED = 'Fieldnotes stopped before this task could start; retry it.';

export interface RecoveryOptions {
  notebook: Notebook;
  leases: TaskLeases;
  /** True for tasks this engine runs itself. */
  isLive: (id: string) => boolean;
  /** Follows a note's task again instead of marking it interrupted (a cloud task still runs at its service); true when it does. */
  resume?: (note: { id: string }) => Promise<boolean>;
  log: (message: string) => void;
}

export interface Recovery {
  /** The notes marked interrupted. */
  recovered: string[];
  /** Notes left running that another live Fieldnotes on this machine holds: check again later. */
  waiting: number;
}

/** Marks the notebook's orphaned task notes interrupted. */
export async function recoverInterruptedTasks({ notebook, leases, isLive, resume, log }: RecoveryOptions): Promise<Recovery> {
  const ours = async (lease: Lease | null) => !lease || (!(await heldByLiveEngine(lease)) && !heldElsewhere(lease));
  if (await readPoisonedNotes(notebook, async (id) => !isLive(id) && (await ours(await leases.read(id))), log)) await notebook.rescan();
  const stale = notebook.list().filter((note) => (note.status === 'running' || note.status === 'queued') && !isLive(note.id) && !note.problem);
  const result: Recovery = { recovered: [], waiting: 0 };
  for (const note of stale) {
    try {
      const lease = await leases.read(note.id);
      if (lease && !(await ours(lease))) {
        if (!heldElsewhere(lease)) result.waiting += 1;
        continue;
      }
      if (note.status === 'running' && resume && (await resume(note))) continue;
      if (lease && (await agentStillRunning(lease))) {
        log(`stopping the agent (pid ${lease.agentPid}) a stopped Fieldnotes left running for ${note.path}`);
        await new ProcessTree(lease.agentPid!, lease.agentMarker).end(3_000);
      } else if (lease?.agentMarker && lease.host === hostname()) {
        // The agent itself is gone, but processes it started (sandboxes, shells) may not be.
        await new ProcessTree(null, lease.agentMarker).end(3_000);
      }
      await markInterrupted(notebook, note.id, note.status === 'running' ? INTERRUPTED_RUNNING : INTERRUPTED_QUEUED);
      await leases.release(note.id);
      result.recovered.push(note.id);
    } catch (error) {
      log(`could not recover the task of ${note.path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return result;
}

/**
 * Task notes that NUL bytes from an agent made unreadable (Fieldnotes before 2026-12 wrote them
 * raw), left running by an engine that is gone: rewritten without the NUL bytes, so that they can
 * be marked interrupted like any other. Returns whether any was rewritten.
 */
async function readPoisonedNotes(notebook: Notebook, orphaned: (id: string) => Promise<boolean>, log: (message: string) => void): Promise<boolean> {
  let rewritten = false;
  for (const summary of notebook.list().filter((note) => note.problem?.code === 'BINARY')) {
    const file = join(notebook.root, ...summary.path.split('/'));
    try {
      const bytes = await readFile(file);
      const text = bytes.toString('utf8').replaceAll('\u0000', '');
      const { frontmatter } = parseNoteText(summary.path, text, { mtimeMs: 0, size: 0 });
      if (!frontmatter || !isUlid(frontmatter.id) || (frontmatter.status !== 'running' && frontmatter.status !== 'queued')) continue;
      if (!(await orphaned(frontmatter.id))) continue;
      // Only the file as it was read: an edit made meanwhile is the person's, not ours to touch.
      if (!bytes.equals(await readFile(file))) continue;
      await writeFileAtomic(file, text);
      rewritten = true;
    } catch (error) {
      log(`could not read ${summary.path} again without its NUL bytes: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return rewritten;
}

/** Sets the note's status, keeping the answer received so far (from the transcript, which has all of it). */
async function markInterrupted(notebook: Notebook, id: string, error: string): Promise<void> {
  const { events } = await notebook.readTranscript(id);
  const blocks = new TextJoiner();
  const text = cleanAgentEvents(events).map((event) => blocks.add(event)).join('');
  const body = cleanAgentText((await notebook.get(id)).body);
  const answer = text.length >= body.trim().length ? capAnswer(text).text : body;
  await notebook.update(id, {
    frontmatter: { status: 'interrupted', error },
    body: composeBody(answer, [`**Interrupted:** ${error}`]),
  });
}
