// How a follow-up question continues an earlier note: by resuming the agent's own session where
// the CLI can (same agent, a recorded session, and the same working directory to resume from),
// else by sending the earlier note along as context. A poc follow-up continues in the scratch
// checkout the earlier work left, while it is still there. The plan says which it will be, in words,
// so the follow-up dialog can say so before asking.
import { stat } from 'node:fs/promises';
import { ApiError } from '../../../shared/contract/errors';
import type { Note, NoteMode } from '../../../shared/model/note';
import type { AgentRegistry } from '../agents/registry';
import type { Notebook } from '../notebook/notebook';
import { scratchDirOf } from './task-workspace';

/** How far up a chain of follow-ups to look for the scratch checkout they share. */
const MAX_CHAIN = 20;

export interface FollowUpPlan {
  agent: string;
  mode: NoteMode;
  repoPath: string | null;
  /** The session to resume, when the CLI can. */
  resumeSession?: string;
  /** poc: the scratch checkout to continue in. */
  reuseCheckout?: string;
  /** Notes sent along as context (the earlier note, when its session is not resumed). */
  context: string[];
  /** Whether the session goes on, or why not, in one sentence for the user. */
  summary: string;
}

export interface FollowUpOptions {
  /** The agent to ask; the note's own agent when absent, else `defaultAgent`. */
  agent?: string;
  defaultAgent: string;
  scratchRoot: string;
  /** The agents, for whether one can resume a session (and its name). */
  agents: AgentRegistry;
}

export async function planFollowUp(notebook: Notebook, note: Note, options: FollowUpOptions): Promise<FollowUpPlan> {
  const fm = note.frontmatter;
  if (!fm) {
    throw new ApiError('BAD_INPUT', `${note.summary.path} has no Fieldnotes frontmatter to follow up on. Ask a new question and attach it as context instead.`);
  }
  const mode = fm.mode;
  const repoPath = fm.repo?.path ?? null;
  if (mode === 'explain' && !repoPath) {
    throw new ApiError('BAD_INPUT', `${note.summary.path} does not say which codebase it is about (no repo path). Ask a new question with it as context instead.`);
  }
  const agent = options.agent ?? fm.agent?.id ?? options.defaultAgent;
  const reuseCheckout = mode === 'poc' ? await findCheckout(notebook, note, options.scratchRoot) : undefined;
  const session = fm.agent?.session;
  const adapter = options.agents.get(agent);
  const label = adapter?.label ?? agent;
  const sameDirectory = mode === 'explain' ? repoPath !== null && (await isFolder(repoPath)) : reuseCheckout !== undefined;
  const checkout = reuseCheckout ? { reuseCheckout } : {};
  if (session && agent === fm.agent?.id && adapter?.capabilities.resume && sameDirectory) {
    const where = mode === 'poc' ? 'in the scratch checkout it worked in' : `in ${fm.repo?.name ?? 'the codebase'}`;
    const summary = `Continues ${label}’s session ${where}: the agent remembers the whole conversation.`;
    return { agent, mode, repoPath, resumeSession: session, ...checkout, context: [], summary };
  }
  const why =
    agent !== fm.agent?.id ? `${label} did not write this note`
    : !adapter?.capabilities.resume ? `${label} has no sessions to resume`
    : !session ? 'no session was recorded'
    : mode === 'poc' ? 'its scratch checkout is gone'
    : 'its codebase folder is gone';
  return { agent, mode, repoPath, ...checkout, context: [fm.id], summary: `Sends this note as context to a new session (${why}).` };
}

/** The scratch checkout of this note, or of the note it followed up, and so on up the chain. */
async function findCheckout(notebook: Notebook, note: Note, scratchRoot: string): Promise<string | undefined> {
  let current: Note | null = note;
  for (let depth = 0; current?.frontmatter && depth < MAX_CHAIN; depth++) {
    const dir = scratchDirOf(scratchRoot, current.frontmatter.id);
    if (await isFolder(dir)) return dir;
    const parent: string | undefined = current.frontmatter.parent;
    current = parent && notebook.pathOf(parent) !== undefined ? await notebook.get(parent).catch(() => null) : null;
  }
  return undefined;
}

async function isFolder(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() === true;
}
