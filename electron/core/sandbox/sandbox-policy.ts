// What an agent run may touch, said once for every sandbox kind: the whole filesystem read-only,
// a private /tmp, and writable only the agent's own state (from its adapter) and the task's folders.
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { AgentAdapter, AgentMode, Env } from '../agents/agent-adapter';

const run = promisify(execFile);

export interface SandboxPolicy {
  mode: AgentMode;
  /** The folder the agent runs in; it keeps its path inside the sandbox. */
  cwd: string;
  /** Folders read as they are even when a private /tmp would hide them: the cwd, the codebase, the home folder. */
  readable: string[];
  /** Folders the agent may write: its state folders, and in poc the scratch checkout and its git metadata. */
  writable: string[];
  /** Single files the agent may write (a state file beside its folder, like ~/.claude.json). */
  writableFiles: string[];
  /** The run's TMPDIR, when it has one: inside it becomes a private, empty folder. */
  tmpDir?: string;
  /** Programs and files the agent starts besides its own (the notebook's MCP server), kept visible. */
  programs?: string[];
}

export interface PolicyInput {
  adapter: AgentAdapter;
  mode: AgentMode;
  cwd: string;
  env: Env;
  /** The codebase's folder (read-only): in poc it is not the cwd, and git worktrees point into it. */
  repoRoot?: string;
  /** The task's own folders besides the scratch checkout (the run folder its MCP server records into). */
  taskDirs?: string[];
  /** Folders and programs the run reads besides the codebase (the notebook and its MCP server's command line). */
  taskReads?: string[];
}

/**
 * The policy of one run. Creates the agent's state folders when missing (a sandbox can only bind
 * what exists). In poc the scratch checkout is writable, and of the repo's `.git` only what `git`
 * in a worktree writes: that worktree's own folder and the object store.
 */
export async function planPolicy(input: PolicyInput): Promise<SandboxPolicy> {
  const state = input.adapter.capabilities.sandboxNeeds?.(input.env) ?? { dirs: [], files: [] };
  await Promise.all(state.dirs.map((dir) => mkdir(dir, { recursive: true })));
  const writable = [...state.dirs, ...(input.taskDirs ?? [])];
  if (input.mode === 'poc') writable.push(input.cwd, ...(await worktreeGitDirs(input.cwd)));
  // The home folder is read as it is (git's and the agent's settings), never written.
  const readable = [input.cwd, ...(input.repoRoot ? [input.repoRoot] : []), ...(input.env.HOME ? [input.env.HOME] : [])];
  return { mode: input.mode, cwd: input.cwd, readable: unique(readable), writable: unique(writable), writableFiles: unique(state.files),
    ...(input.env.TMPDIR ? { tmpDir: path.resolve(input.env.TMPDIR) } : {}),
    ...(input.taskReads?.length ? { programs: input.taskReads } : {}) };
}

/** The git folders a linked worktree writes to outside itself (none for a plain repository). */
async function worktreeGitDirs(dir: string): Promise<string[]> {
  try {
    const { stdout } = await run('git', ['rev-parse', '--path-format=absolute', '--git-dir', '--git-common-dir'], { cwd: dir });
    const [gitDir, commonDir] = stdout.trim().split('\n');
    if (!gitDir || !commonDir || gitDir === commonDir || isInside(gitDir, dir)) return [];
    return [gitDir, path.join(commonDir, 'objects')];
  } catch {
    return [];
  }
}

export function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function unique(paths: string[]): string[] {
  return [...new Set(paths.map((p) => path.resolve(p)))];
}
