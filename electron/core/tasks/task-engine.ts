// The tasks engine: questions become tasks (one per agent, each with its note), a FIFO queue runs N
// at once, and their activity goes out as events. It also recovers the notes of tasks a stopped
// Fieldnotes left behind, and on close interrupts the tasks it runs.
import { ApiError } from '../../../shared/contract/errors';
import type { ParsedInput } from '../../../shared/contract';
import type { EventBus } from '../../../shared/event-bus';
import type { AgentEvent } from '../../../shared/model/agent-event';
import type { Note, NoteMode } from '../../../shared/model/note';
import type { Task } from '../../../shared/model/task';
import type { Env } from '../agents/agent-adapter';
import { cleanAgentEvents } from '../agents/agent-text';
import type { InstalledAgents } from '../agents/installed-agents';
import type { EngineEvents } from '../engine-events';
import type { Notebook } from '../notebook/notebook';
import type { NotebookSession } from '../notebook/notebook-session';
import type { RepoRegistry } from '../repos/repo-registry';
import type { SettingsStore } from '../settings';
import { contextNotes } from './context-notes';
import { planFollowUp, type FollowUpPlan } from './follow-up';
import { describePermissions } from './permissions';
import { buildPrompt } from './prompt';
import type { FieldnotesCommand } from './notebook-consult';
import { recoverInterruptedTasks } from './recovery';
import { planRefresh } from './refresh';
import { latestEvents } from '../../../shared/model/event-tail';
import { ChangeThrottle } from './task-events';
import { TaskLeases } from './task-leases';
import { TaskQueue } from './task-queue';
import { TaskRun, type TaskRunDeps } from './task-run';
import { MachineSandbox, sandboxSettingsOf } from '../sandbox/run-sandbox';
import type { CloudAgents } from '../agents/cloud/cloud-agents';
import { CloudTaskRun, DEFAULT_POLL, type CloudTaskRunDeps, type PollPace } from './cloud-task-run';
import { cloudRepoOf, parseGitHubRemote as parseRemoteUrl } from '../agents/cloud/github-repo';
import { TaskNote } from './task-note';
import type { RepoFacts } from '../repos/repo-facts';

export interface TaskEngineDeps {
  session: NotebookSession;
  settings: SettingsStore;
  events: EventBus<EngineEvents>;
  agents: InstalledAgents;
  repos: RepoRegistry;
  /** The environment agents inherit (the user's). */
  env: Env;
  /** Where poc tasks' scratch checkouts go (`<userData>/scratch`). */
  scratchRoot: string;
  /** Time between SIGTERM and SIGKILL when a task is stopped. Default 5 s. */
  killGraceMs?: number;
  /** How to run `fieldnotes` (for each task's own MCP server); agents cannot consult the notebook without it. */
  fieldnotes?: FieldnotesCommand;
  /** The app's own folder, the task MCP servers' FIELDNOTES_HOME. */
  userDataDir?: string;
  log: (message: string) => void;
  /** The OS sandbox agents run in (shared with agents.list); one of its own when absent. */
  machineSandbox?: MachineSandbox;
  /** The cloud agents (Jules, Copilot, Codex Cloud); none when absent. */
  cloud?: CloudAgents;
  /** How often cloud tasks are looked at (tests shorten it). */
  cloudPoll?: PollPace;
}

/** A task of a local agent or of a cloud agent: the engine treats both alike. */
type EngineRun = TaskRun | CloudTaskRun;

/** How long a cloud task is followed unless the question says otherwise: they run for hours. */
const CLOUD_WALL_TIMEOUT_MS = 24 * 3600 * 1000;

/** What a task is asked to do, whichever way it was asked (question, retry, follow-up). */
interface TaskRequest {
  question: string;
  mode: NoteMode;
  repoPath?: string | null;
  agents?: string[];
  context: string[];
  parent?: string;
  supersedes?: string;
  resumeSession?: string;
  reuseCheckout?: string;
  idleTimeoutSec?: number;
  wallTimeoutSec?: number;
}

/** Finished tasks kept for `tasks.list`; older ones are only notes. */
const MAX_FINISHED = 200;
/** How often notes another live Fieldnotes runs are checked, in case it died. */
const RECHECK_MS = 2_000;

export class TaskEngine {
  private readonly runs = new Map<string, EngineRun>();
  private readonly queue: TaskQueue;
  private readonly throttle: ChangeThrottle;
  private readonly leases = new Map<string, TaskLeases>();
  private readonly sandbox: MachineSandbox;
  private readonly unsubscribe: () => void;
  private recheck: NodeJS.Timeout | undefined;
  private closing = false;

  constructor(private readonly deps: TaskEngineDeps) {
    this.sandbox = deps.machineSandbox ?? new MachineSandbox(() => deps.env);
    this.queue = new TaskQueue(deps.settings.get().tasks.concurrency);
    this.throttle = new ChangeThrottle((ids) => this.emit('tasks.changed', { tasks: ids.flatMap((id) => this.snapshotOf(id) ?? []) }));
    // Every waiting task's place in line moves when the queue changes.
    this.queue.onChange((snapshot) => snapshot.queued.forEach((id) => this.throttle.mark(id, true)));
    const offs = [
      deps.events.on('notebook.changed', () => void this.recover()),
      // Another Fieldnotes's task notes appear and change: they are orphans once it is gone.
      deps.events.on('notes.changed', ({ source }) => source === 'disk' && void this.recover()),
    ];
    this.unsubscribe = () => offs.forEach((off) => off());
  }

  /** Asks each agent the question: one task and one note each, queued in order. */
  async ask(input: ParsedInput<'tasks.ask'>): Promise<Task[]> {
    const runs = await this.createTasks({ ...input, repoPath: input.repoPath ?? null });
    return runs.map((run) => this.snapshot(run));
  }

  /** Running and queued tasks in queue order, then finished ones, newest first. */
  list(): Task[] {
    const { running, queued } = this.queue.snapshot();
    const order = [...running, ...queued];
    const runs = [...this.runs.values()];
    const active = [
      ...order.flatMap((id) => this.runs.get(id) ?? []),
      ...runs.filter((run) => !order.includes(run.id)),
    ].filter((run) => !run.isOver);
    const finished = runs.filter((run) => run.isOver).sort((a, b) => (a.finished! < b.finished! ? 1 : a.finished! > b.finished! ? -1 : 0));
    return [...active, ...finished].map((run) => this.snapshot(run));
  }

  /** One task and its latest events (from its transcript), with at most `maxTextChars` of their text. */
  async get(id: string, maxEvents: number, maxTextChars = Infinity): Promise<{ task: Task; events: AgentEvent[]; truncated: boolean }> {
    const run = this.require(id);
    const { events } = await run.note.notebook.readTranscript(id).catch(() => ({ events: [] as AgentEvent[] }));
    const latest = latestEvents(cleanAgentEvents(events), { maxEvents, maxTextChars });
    return { task: this.snapshot(run), events: latest.events, truncated: latest.cut };
  }

  /** Stops a running task or takes a queued one out of the queue. A finished task stays as it is. */
  async cancel(id: string): Promise<Task> {
    const run = this.require(id);
    if (this.queue.remove(id)) {
      run.cancel();
      await run.over;
    } else {
      run.cancel();
    }
    return this.snapshot(run);
  }

  /** Asks a finished task's question again, of the same agent or another one. */
  async retry(id: string, agent?: string): Promise<Task> {
    const running = this.runs.get(id);
    if (running && !running.isOver) throw new ApiError('CONFLICT', 'That task has not finished yet. Cancel it first, or wait for it to end.');
    const fm = (await this.deps.session.require().get(id)).frontmatter;
    if (!fm?.question) throw new ApiError('BAD_INPUT', 'That note does not record a question to ask again.');
    const [run] = await this.createTasks({
      question: fm.question,
      mode: fm.mode,
      repoPath: fm.repo?.path ?? null,
      agents: [agent ?? fm.agent?.id ?? this.deps.settings.get().tasks.defaultAgents[0]!],
      context: fm.context ?? [],
      ...(fm.parent ? { parent: fm.parent } : {}),
    });
    return this.snapshot(run!);
  }

  /** Asks a note's question again at its repo's HEAD, of the same agent, with the old note as context. */
  async refresh(noteId: string, agent?: string): Promise<Task> {
    const live = this.runs.get(noteId);
    if (live && !live.isOver) throw new ApiError('CONFLICT', 'That task is still running; refresh its note once it has finished.');
    const notebook = this.deps.session.require();
    const plan = planRefresh(notebook, await notebook.get(noteId), { ...(agent ? { agent } : {}), defaultAgent: this.deps.settings.get().tasks.defaultAgents[0]! });
    const pending = [...this.runs.values()].find((run) => !run.isOver && 'supersedes' in run.spec && run.spec.supersedes === plan.supersedes);
    if (pending) throw new ApiError('CONFLICT', 'That note is being refreshed already; wait for that task to end.');
    const [run] = await this.createTasks({ ...plan, agents: [plan.agent] });
    return this.snapshot(run!);
  }

  /** What a follow-up on a note would do: which agent, and whether it resumes its session (in words too). */
  async planFollowUp(noteId: string, agent?: string): Promise<{ agent: string; mode: NoteMode; resumes: boolean; summary: string }> {
    const { plan } = await this.followUpPlan(noteId, agent);
    return { agent: plan.agent, mode: plan.mode, resumes: plan.resumeSession !== undefined, summary: plan.summary };
  }

  /** A follow-up on a note: resumes the agent's session where the CLI can, else sends the note as context. */
  async followUp(noteId: string, question: string, agent?: string): Promise<Task> {
    const live = this.runs.get(noteId);
    if (live && !live.isOver) throw new ApiError('CONFLICT', 'That task is still running; follow up once it has finished.');
    const { note, plan } = await this.followUpPlan(noteId, agent);
    const [run] = await this.createTasks({
      question,
      mode: plan.mode,
      repoPath: plan.repoPath,
      agents: [plan.agent],
      context: plan.context,
      parent: note.frontmatter!.id,
      ...(plan.resumeSession ? { resumeSession: plan.resumeSession } : {}),
      ...(plan.reuseCheckout ? { reuseCheckout: plan.reuseCheckout } : {}),
    });
    return this.snapshot(run!);
  }

  private async followUpPlan(noteId: string, agent?: string): Promise<{ note: Note; plan: FollowUpPlan }> {
    const notebook = this.deps.session.require();
    const note = await notebook.get(noteId);
    const plan = await planFollowUp(notebook, note, {
      ...(agent ? { agent } : {}),
      defaultAgent: this.deps.settings.get().tasks.defaultAgents[0]!,
      scratchRoot: this.deps.scratchRoot,
      agents: this.deps.agents.registry(),
    });
    return { note, plan };
  }

  /** Applies changed settings at once (concurrency; timeouts apply to tasks that start from now on). */
  applySettings(): void {
    this.queue.setConcurrency(this.deps.settings.get().tasks.concurrency);
  }

  /** True while a task of this engine works in this folder (a scratch checkout). */
  isUsing(dir: string): boolean {
    return [...this.runs.values()].some((run) => !run.isOver && run.snapshot().scratchDir === dir);
  }

  /** Marks notes that a stopped Fieldnotes left `running` or `queued` as interrupted. */
  async recover(): Promise<string[]> {
    const notebook = this.deps.session.notebook;
    if (!notebook || this.closing) return [];
    const { recovered, waiting } = await recoverInterruptedTasks({
      notebook,
      leases: this.leasesOf(notebook),
      isLive: (id) => this.runs.has(id) && !this.runs.get(id)!.isOver,
      resume: (note) => this.resumeCloud(note),
      log: this.deps.log,
    }).catch((error: unknown) => {
      this.deps.log(`recovering interrupted tasks failed: ${String(error)}`);
      return { recovered: [], waiting: 0 };
    });
    // Another Fieldnotes runs those notes: look again, for their notes outlive it if it is killed.
    clearTimeout(this.recheck);
    if (waiting > 0 && !this.closing) this.recheck = setTimeout(() => void this.recover(), RECHECK_MS).unref();
    return recovered;
  }

  /** Interrupts every task (their notes say so) and waits until they are over. */
  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.recheck);
    this.unsubscribe();
    const open = [...this.runs.values()].filter((run) => !run.isOver);
    for (const run of open) this.queue.remove(run.id);
    for (const run of open) run.interrupt();
    await Promise.all(open.map((run) => run.over));
    this.throttle.flush();
    this.throttle.dispose();
  }

  private async createTasks(request: TaskRequest): Promise<EngineRun[]> {
    if (this.closing) throw new ApiError('UNAVAILABLE', 'Fieldnotes is shutting down; ask again once it has started.');
    const notebook = this.deps.session.require();
    const settings = this.deps.settings.get().tasks;
    const ids = [...new Set(request.agents ?? settings.defaultAgents)];
    const cloud = this.deps.cloud;
    const cloudIds = ids.filter((id) => cloud?.isCloud(id));
    const agents = await Promise.all(ids.filter((id) => !cloudIds.includes(id)).map((id) => this.deps.agents.require(id)));
    const cloudAgents = await Promise.all(cloudIds.map((id) => cloud!.require(id)));
    const repo = request.repoPath ? await this.deps.repos.add(request.repoPath) : null;
    const cloudChecks = await Promise.all(cloudAgents.map(async ({ agent }) => {
      const check = await cloudRepoOf(repo, agent.label);
      if (!check.ok) throw new ApiError('BAD_INPUT', check.error);
      return check;
    }));
    if (request.mode === 'explain' && !repo) {
      throw new ApiError('BAD_INPUT', 'Explain mode needs a codebase: give the folder to ask about (poc mode can start from an empty scratch repository).');
    }
    if (request.mode === 'poc' && repo && !repo.commit) {
      throw new ApiError('BAD_INPUT', `PoC mode works in a git worktree of the codebase's last commit, and ${repo.path} has ${repo.isGit ? 'no commit yet' : 'no git repository'}. `
        + 'Use explain mode, commit first (git init && git add -A && git commit), or leave the codebase out to start from an empty scratch repository.');
    }
    for (const id of [...request.context, ...(request.parent ? [request.parent] : [])]) {
      if (notebook.pathOf(id) === undefined) throw new ApiError('NOTE_NOT_FOUND', `No note with id ${id} in this notebook to give as context.`);
    }
    const created: EngineRun[] = [];
    const prompt = (notebookTools: boolean) => async () => buildPrompt({
      question: request.question,
      mode: request.mode,
      context: await contextNotes(notebook, request.context, this.deps.log),
      codebase: repo !== null,
      refresh: request.supersedes !== undefined,
      notebookTools,
    });
    try {
      for (const [index, { agent, version }] of cloudAgents.entries()) {
        const check = cloudChecks[index]!;
        if (!check.ok) continue;
        const run = await CloudTaskRun.create({
          question: request.question,
          mode: request.mode,
          agent,
          ...(version ? { agentVersion: version } : {}),
          repo: repo!,
          cloudRepo: check.repo,
          context: request.context,
          ...(request.parent ? { parent: request.parent } : {}),
          prompt: prompt(false),
          wallTimeoutMs: request.wallTimeoutSec ? request.wallTimeoutSec * 1000 : CLOUD_WALL_TIMEOUT_MS,
          ...(check.note ? { repoNote: check.note } : {}),
        }, this.cloudDeps(notebook, agent.id));
        this.runs.set(run.id, run);
        created.push(run);
      }
      for (const agent of agents) {
        const fieldnotes = settings.consultNotebook && agent.adapter.capabilities.notebookServer ? this.deps.fieldnotes : undefined;
        const run = await TaskRun.create({
          question: request.question,
          mode: request.mode,
          agent,
          repo,
          context: request.context,
          ...(request.parent ? { parent: request.parent } : {}),
          ...(request.supersedes ? { supersedes: request.supersedes } : {}),
          ...(request.resumeSession ? { resumeSession: request.resumeSession } : {}),
          ...(request.reuseCheckout ? { reuseCheckout: request.reuseCheckout } : {}),
          prompt: prompt(fieldnotes !== undefined),
          ...(fieldnotes ? { consult: { fieldnotes, userDataDir: this.deps.userDataDir ?? this.deps.scratchRoot } } : {}),
          permissions: (dir) => describePermissions(agent, request.mode, dir),
          idleTimeoutMs: (request.idleTimeoutSec ?? settings.idleTimeoutSec) * 1000,
          wallTimeoutMs: (request.wallTimeoutSec ?? settings.wallTimeoutSec) * 1000,
        }, this.runDeps(notebook));
        this.runs.set(run.id, run);
        created.push(run);
      }
    } catch (error) {
      // All or nothing: notes already written for this question say why they never ran.
      for (const run of created) run.cancel();
      throw error;
    }
    if (created.length > 1) for (const run of created) run.setSiblings(created.map((other) => other.id));
    for (const run of created) {
      // A cloud task runs at its service: it takes no slot of this machine's queue.
      if (run instanceof CloudTaskRun) void run.start();
      else this.queue.enqueue(run.id, () => run.start());
    }
    return created;
  }

  private cloudDeps(notebook: Notebook, agentId: string): CloudTaskRunDeps {
    const cloud = this.deps.cloud!;
    const agent = cloud.get(agentId)!;
    return {
      notebook,
      leases: this.leasesOf(notebook),
      context: () => cloud.context(agent),
      redactor: () => cloud.redactor(agent),
      poll: this.deps.cloudPoll ?? DEFAULT_POLL,
      changed: (run, urgent) => this.throttle.mark(run.id, urgent),
      output: (batch) => this.emit('tasks.output', batch),
      finished: (run) => this.finished(run),
      log: this.deps.log,
    };
  }

  /**
   * A note a stopped Fieldnotes left `running` whose cloud task was sent: follows it again. False
   * for any other note (recovery marks it interrupted).
   */
  private async resumeCloud(summary: { id: string }): Promise<boolean> {
    const notebook = this.deps.session.notebook;
    const cloud = this.deps.cloud;
    if (!notebook || !cloud || this.closing || this.runs.has(summary.id)) return this.runs.has(summary.id);
    const note = await notebook.get(summary.id);
    const fm = note.frontmatter;
    const agent = fm?.agent ? cloud.get(fm.agent.id) : undefined;
    if (!fm || !agent || fm.status !== 'running' || !fm.agent?.task_id || !fm.agent.task_url || !fm.repo?.path) return false;
    const facts: RepoFacts = { ...fm.repo, path: fm.repo.path, isGit: true };
    const github = parseRemote(fm.repo.remote);
    const run = CloudTaskRun.resume({
      question: fm.question ?? fm.title,
      mode: fm.mode,
      agent,
      ...(fm.agent.version ? { agentVersion: fm.agent.version } : {}),
      repo: facts,
      cloudRepo: { owner: github?.owner ?? '', name: github?.name ?? fm.repo.name, branch: fm.repo.branch ?? '', commit: fm.repo.commit ?? '' },
      context: fm.context ?? [],
      ...(fm.parent ? { parent: fm.parent } : {}),
      prompt: async () => fm.question ?? fm.title,
      wallTimeoutMs: CLOUD_WALL_TIMEOUT_MS,
    }, this.cloudDeps(notebook, agent.id), {
      note: TaskNote.existing(notebook, fm.id, fm.created, this.deps.log),
      remote: { id: fm.agent.task_id, url: fm.agent.task_url },
      started: fm.created,
    });
    this.runs.set(run.id, run);
    this.deps.log(`following the ${agent.label} task ${fm.agent.task_id} of ${note.summary.path} again`);
    void run.start();
    return true;
  }

  private runDeps(notebook: Notebook): TaskRunDeps {
    return {
      notebook,
      env: this.deps.env,
      scratchRoot: this.deps.scratchRoot,
      killGraceMs: this.deps.killGraceMs ?? 5_000,
      sandbox: this.sandbox,
      sandboxSettings: () => sandboxSettingsOf(this.deps.settings.get().tasks),
      leases: this.leasesOf(notebook),
      changed: (run, urgent) => this.throttle.mark(run.id, urgent),
      output: (batch) => this.emit('tasks.output', batch),
      finished: (run) => this.finished(run),
      log: this.deps.log,
    };
  }

  private finished(run: EngineRun): void {
    this.throttle.mark(run.id, true);
    this.throttle.flush();
    this.emit('tasks.finished', { task: this.snapshot(run) });
    const over = [...this.runs.values()].filter((other) => other.isOver);
    for (const old of over.slice(0, Math.max(0, over.length - MAX_FINISHED))) this.runs.delete(old.id);
  }

  private snapshot(run: EngineRun): Task {
    return run instanceof CloudTaskRun ? run.snapshot() : run.snapshot(this.queue.position(run.id));
  }

  private snapshotOf(id: string): Task | undefined {
    const run = this.runs.get(id);
    return run ? this.snapshot(run) : undefined;
  }

  private require(id: string): EngineRun {
    const run = this.runs.get(id);
    if (!run) {
      throw new ApiError('NOT_FOUND', `No task ${id} since Fieldnotes started. Earlier tasks live on as notes: open the note, or read its transcript.`);
    }
    return run;
  }

  private leasesOf(notebook: Notebook): TaskLeases {
    let leases = this.leases.get(notebook.root);
    if (!leases) this.leases.set(notebook.root, (leases = new TaskLeases(notebook.root)));
    return leases;
  }

  private emit<E extends keyof EngineEvents>(event: E, payload: EngineEvents[E]): void {
    try {
      this.deps.events.emit(event, payload);
    } catch (error) {
      this.deps.log(`a ${String(event)} listener failed: ${String(error)}`);
    }
  }
}

function parseRemote(url: string | undefined): { owner: string; name: string } | undefined {
  return url ? parseRemoteUrl(url) : undefined;
}
