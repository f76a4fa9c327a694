// One task from its note's creation to its end: prepare where the agent works, run it, follow its
// events (transcript, live output, progress, sources, partial answer), and complete the note.
import type { AgentEvent } from '../../../shared/model/agent-event';
import { TextJoiner } from '../../../shared/model/text-blocks';
import type { NoteMode, NoteStatus, Usage } from '../../../shared/model/note';
import type { Task, TaskProgress } from '../../../shared/model/task';
import type { Env, RunRequest } from '../agents/agent-adapter';
import { startAgentRun, type AgentRun, type RunOutcome } from '../agents/agent-process';
import { AgentTextCleaner, cleanAgentEvent, cleanAgentText } from '../agents/agent-text';
import type { InstalledAgent } from '../agents/installed-agents';
import { createRedactor, type Redactor } from '../agents/secret-redactor';
import type { Notebook } from '../notebook/notebook';
import type { RepoFacts } from '../repos/repo-facts';
import type { MachineSandbox, RunSandbox, SandboxSettings } from '../sandbox/run-sandbox';
import { retryLine } from '../../../shared/model/retry-runs';
import { completeNote, type RunResult } from './task-completion';
import { OutputBatcher, type OutputBatch } from './task-events';
import type { TaskLeases } from './task-leases';
import { AnswerText, TaskNote, safeTitle } from './task-note';
import { noteAnswer } from './note-answer';
import { questionTitle } from './note-title';
import { discardUnused, prepareWorkspace, repoRef, scratchDirOf, type TaskWorkspace } from './task-workspace';
import { prepareConsult, type FieldnotesCommand, type NotebookConsult } from './notebook-consult';
import { INTERRUPTED_QUEUED, INTERRUPTED_RUNNING } from './recovery';
import { ReadCheck } from './read-check';
import { linkSuccessor } from './refresh';
import { SourceCollector } from './sources';
import { TranscriptWriter } from './transcript-writer';

/** What was asked: everything a task needs before it starts. */
export interface TaskSpec {
  question: string;
  mode: NoteMode;
  agent: InstalledAgent;
  /** The codebase as registered when asked; null for a poc in an empty scratch repository. */
  repo: RepoFacts | null;
  /** Notes given to the agent as context. */
  context: string[];
  parent?: string;
  /** The note this task refreshes: it gains `superseded_by` once this task is done. */
  supersedes?: string;
  /** Continue this session of the same agent (a follow-up where the CLI can resume). */
  resumeSession?: string;
  /** poc: continue in an earlier task's scratch checkout (a follow-up). */
  reuseCheckout?: string;
  /** The prompt, built when the task starts (context notes are read then). */
  prompt: () => Promise<string>;
  permissions: (dir: string) => string;
  idleTimeoutMs: number;
  wallTimeoutMs: number;
  /** Give the agent Fieldnotes' MCP server over the notebook for this run ("Let agents consult the notebook"). */
  consult?: { fieldnotes: FieldnotesCommand; userDataDir: string };
}

export interface TaskRunDeps {
  notebook: Notebook;
  env: Env;
  scratchRoot: string;
  killGraceMs: number;
  /** The OS sandbox agents run in, and whether the settings want it (`auto` when absent). */
  sandbox: MachineSandbox;
  sandboxSettings: () => SandboxSettings;
  leases: TaskLeases;
  /** The task's state, queue position or progress changed (`urgent` for state). */
  changed: (run: TaskRun, urgent: boolean) => void;
  output: (batch: OutputBatch) => void;
  finished: (run: TaskRun) => void;
  log: (message: string) => void;
}

/** Text kept in memory for the answer; beyond it the transcript alone has the rest. */
const MAX_TEXT_CHARS = 16 * 1024 * 1024;

export class TaskRun {
  status: NoteStatus = 'queued';
  title: string;
  error: string | undefined;
  /** Set when the agent could not read the code (see ReadCheck). */
  warning: string | undefined;
  started: string | undefined;
  finished: string | undefined;
  siblings: string[] = [];
  readonly progress: TaskProgress = { filesRead: 0, toolCalls: 0, textChars: 0 };
  /** Resolves once the note is complete and the task is over. */
  readonly over: Promise<void>;

  private readonly redactor: Redactor;
  private readonly transcript: TranscriptWriter;
  private readonly batcher: OutputBatcher;
  private readonly plannedDir: string | undefined;
  private permissions: string;
  private stopRequest: 'cancelled' | 'interrupted' | null = null;
  /** Set the moment the task starts ending: it is neither started nor stopped again. */
  private ending = false;
  private agentRun: AgentRun | null = null;
  private workspace: TaskWorkspace | null = null;
  private consult: NotebookConsult | null = null;
  private confinement: Extract<RunSandbox, { ok: true }> | null = null;
  private sources = new SourceCollector(null);
  private readCheck = new ReadCheck(null, 'explain');
  private readonly text = new AnswerText(MAX_TEXT_CHARS);
  /** The answer as notes and windows show it; the transcript alone keeps the raw text. */
  private readonly cleaner = new AgentTextCleaner();
  private readonly blocks = new TextJoiner();
  private resultText: string | undefined;
  private session: string | undefined;
  private model: string | undefined;
  private usage: Usage | undefined;
  private markOver!: () => void;

  private constructor(
    readonly note: TaskNote,
    readonly spec: TaskSpec,
    private readonly deps: TaskRunDeps,
  ) {
    this.title = safeTitle(questionTitle(spec.question));
    this.redactor = createRedactor(deps.env);
    this.transcript = new TranscriptWriter((events) => deps.notebook.appendTranscript(this.id, events), deps.log);
    this.batcher = new OutputBatcher(this.id, deps.output);
    this.plannedDir = spec.mode === 'poc' ? (spec.reuseCheckout ?? scratchDirOf(deps.scratchRoot, this.id)) : spec.repo?.path;
    this.permissions = spec.permissions(this.plannedDir ?? '');
    this.over = new Promise((resolve) => (this.markOver = resolve));
  }

  /** Writes the task's note (status `queued`); the task starts when the engine's queue says so. */
  static async create(spec: TaskSpec, deps: TaskRunDeps): Promise<TaskRun> {
    const note = await TaskNote.create(deps.notebook, {
      title: safeTitle(questionTitle(spec.question)),
      question: spec.question,
      mode: spec.mode,
      status: 'queued',
      ...(spec.repo ? { repo: repoRef(spec.repo) } : {}),
      agent: { id: spec.agent.adapter.id, ...(spec.agent.detection.version ? { version: spec.agent.detection.version } : {}) },
      ...(spec.context.length > 0 ? { context: spec.context } : {}),
      ...(spec.parent ? { parent: spec.parent } : {}),
      ...(spec.supersedes ? { supersedes: spec.supersedes } : {}),
      body: '',
    }, deps.log);
    // At once, so that another Fieldnotes on this notebook does not take the queued note for an orphan.
    await deps.leases.hold(note.id).catch(() => undefined);
    return new TaskRun(note, spec, deps);
  }

  get id(): string {
    return this.note.id;
  }

  get isOver(): boolean {
    return this.finished !== undefined;
  }

  /** Links the notes of one question asked of several agents. */
  setSiblings(ids: string[]): void {
    this.siblings = ids.filter((id) => id !== this.id);
    void this.note.patch({ siblings: this.siblings });
  }

  /** The live view of the task for the API. */
  snapshot(position?: number): Task {
    const notePath = this.note.path();
    return {
      id: this.id,
      ...(notePath ? { notePath } : {}),
      question: this.spec.question,
      title: this.title,
      mode: this.spec.mode,
      agent: this.spec.agent.adapter.id,
      repo: this.spec.repo ? { name: this.spec.repo.name, path: this.spec.repo.path } : null,
      status: this.status,
      ...(position !== undefined && this.status === 'queued' ? { position } : {}),
      created: this.note.created,
      ...(this.started ? { started: this.started } : {}),
      ...(this.finished ? { finished: this.finished } : {}),
      ...(this.error ? { error: this.error } : {}),
      ...(this.warning ? { warning: this.warning } : {}),
      permissions: this.permissions,
      ...(this.confinement ? { sandbox: this.confinement.kind } : {}),
      ...(this.spec.mode === 'poc' && this.plannedDir ? { scratchDir: this.workspace?.cwd ?? this.plannedDir } : {}),
      siblings: this.siblings,
      ...(this.spec.parent ? { parent: this.spec.parent } : {}),
      ...(this.spec.supersedes ? { supersedes: this.spec.supersedes } : {}),
      context: this.spec.context,
      progress: { ...this.progress },
    };
  }

  /** Runs the task (the queue calls this when a slot is free). Never rejects. */
  async start(): Promise<void> {
    if (this.ending) return;
    this.status = 'running';
    this.started = new Date().toISOString();
    this.deps.changed(this, true);
    let prompt: string;
    try {
      this.workspace = await prepareWorkspace({
        id: this.id, mode: this.spec.mode, repoPath: this.spec.repo?.path ?? null, scratchRoot: this.deps.scratchRoot,
        ...(this.spec.reuseCheckout ? { reuseCheckout: this.spec.reuseCheckout } : {}),
      });
      this.sources = new SourceCollector(this.workspace.sourceRoots);
      this.readCheck = new ReadCheck(this.workspace.sourceRoots, this.spec.mode);
      if (this.spec.consult) {
        this.consult = await prepareConsult(this.spec.consult.fieldnotes, { notebookRoot: this.deps.notebook.root, userDataDir: this.spec.consult.userDataDir });
      }
      const sandbox = await this.deps.sandbox.forRun({
        adapter: this.spec.agent.adapter, mode: this.spec.mode, cwd: this.workspace.cwd, env: this.deps.env,
        ...this.deps.sandboxSettings(), ...(this.workspace.repo?.root ? { repoRoot: this.workspace.repo.root } : {}),
        // The notebook's MCP server runs inside the agent's sandbox, and records what it served here.
        ...(this.consult ? {
          taskDirs: [this.consult.server.runDir],
          taskReads: [this.deps.notebook.root, this.consult.server.command, ...this.consult.server.args],
        } : {}),
      });
      if (!sandbox.ok) throw new Error(sandbox.error);
      this.confinement = sandbox;
      this.permissions = `${this.spec.permissions(this.workspace.cwd)} ${sandbox.words}`;
      prompt = await this.spec.prompt();
      await this.deps.leases.hold(this.id).catch(() => undefined);
      void this.note.patch({
        status: 'running',
        ...(this.workspace.repo ? { repo: repoRef(this.workspace.repo) } : {}),
      });
    } catch (error) {
      return this.finish({ status: 'failed', error: `Could not start the task: ${messageOf(error)}` });
    }
    if (this.stopRequest) {
      await discardUnused(this.workspace, this.deps.scratchRoot, this.id).catch(() => undefined);
      return this.finish(this.stopResult(false));
    }

    const { adapter } = this.spec.agent;
    let run: AgentRun;
    const request = this.runRequest(prompt);
    try {
      run = startAgentRun({
        adapter,
        request,
        onEvent: (event) => this.onEvent(event),
        idleTimeoutMs: this.spec.idleTimeoutMs,
        wallTimeoutMs: this.spec.wallTimeoutMs,
        killGraceMs: this.deps.killGraceMs,
        ...(this.confinement?.confine ? { confine: this.confinement.confine } : {}),
      });
    } catch (error) {
      return this.finish({ status: 'failed', error: `Could not start ${adapter.label}: ${messageOf(error)}` });
    }
    this.agentRun = run;
    if (run.pid !== undefined) {
      // How a later engine recognizes this process in `ps` (and never stops an unrelated one).
      const { command, args } = adapter.buildRun(request);
      const identity = [command.split(/[\\/]/).pop(), args[0]].filter(Boolean).join(' ');
      void this.deps.leases.hold(this.id, { pid: run.pid, command: identity, marker: run.marker }).catch(() => undefined);
    }
    const outcome = await run.outcome;
    const result = this.resultOf(outcome);
    if (result.status === 'done') {
      const warning = this.readCheck.warning({ sandbox: outcome.sandbox, reportsToolCalls: adapter.reportsToolCalls !== false });
      if (warning) result.warning = warning;
    }
    await this.finish(result, outcome.stderr);
  }

  /** What the agent is asked to run: in the task's workspace, with the user's environment. */
  private runRequest(prompt: string): RunRequest {
    const { detection } = this.spec.agent;
    return {
      mode: this.spec.mode,
      cwd: this.workspace!.cwd,
      prompt,
      env: this.deps.env,
      ...(detection.path ? { executable: detection.path } : {}),
      ...(this.spec.resumeSession ? { resumeSession: this.spec.resumeSession } : {}),
      ...(this.consult ? { notebookServer: this.consult.server } : {}),
    };
  }

  /** Stops the task: takes it out of the queue's hands (queued) or stops its agent (running). */
  cancel(): void {
    this.stop('cancelled');
  }

  /** Stops the task because the engine is closing: the note says it was interrupted. */
  interrupt(): void {
    this.stop('interrupted');
  }

  private stop(kind: 'cancelled' | 'interrupted'): void {
    if (this.ending || this.stopRequest) return;
    this.stopRequest = kind;
    if (this.status === 'queued') void this.finish(this.stopResult(true));
    else this.agentRun?.cancel();
  }

  private stopResult(queued: boolean): RunResult {
    if (this.stopRequest === 'interrupted') return { status: 'interrupted', error: queued ? INTERRUPTED_QUEUED : INTERRUPTED_RUNNING };
    return { status: 'cancelled', error: queued ? 'Cancelled before it started.' : 'Cancelled while it was running.' };
  }

  private resultOf(outcome: RunOutcome): RunResult {
    if (outcome.status === 'done') return { status: 'done' };
    if (outcome.status === 'cancelled') return this.stopResult(false);
    return { status: 'failed', error: outcome.error ?? `${this.spec.agent.adapter.label} failed.` };
  }

  /** The retries of the model endpoint so far: a failed task's note says what to check. */
  private retries: { count: number; reason?: string } | undefined;

  private onEvent(raw: AgentEvent): void {
    this.transcript.push(raw);
    const event = cleanAgentEvent(raw, this.cleaner);
    this.batcher.push(event);
    const text = this.blocks.add(event);
    this.progress.lastActivity = new Date().toISOString();
    this.readCheck.add(event);
    switch (event.type) {
      case 'text':
        this.text.push(text);
        this.progress.textChars += event.text.length;
        this.note.showPartial(this.text.preview());
        break;
      case 'tool_call':
        this.progress.toolCalls += 1;
        this.progress.lastTool = [event.name, event.summary].filter(Boolean).join(' ').slice(0, 160);
        if (this.sources.add(event)) this.progress.filesRead = this.sources.size;
        break;
      case 'tool_result':
        if (this.sources.add(event)) this.progress.filesRead = this.sources.size;
        break;
      case 'session':
        this.session = event.session;
        this.model = event.model ?? this.model;
        break;
      case 'usage':
        this.usage = { ...this.usage, ...withoutTime(event) };
        break;
      case 'retry':
        this.retries = { count: (this.retries?.count ?? 0) + 1, ...(event.reason ? { reason: event.reason } : {}) };
        break;
      case 'result':
        if (event.text !== undefined) this.resultText = event.text;
        if (event.session) this.session = event.session;
        break;
    }
    this.deps.changed(this, false);
  }

  /** Completes the note and ends the task. Never rejects. */
  private async finish(result: RunResult, stderr = ''): Promise<void> {
    if (this.ending) return;
    this.ending = true;
    const error = result.error === undefined ? undefined : cleanAgentText(this.redactor.text(result.error));
    const warning = result.warning === undefined ? undefined : cleanAgentText(this.redactor.text(result.warning));
    this.text.push(this.cleaner.end());
    if (result.status !== 'done' && stderr.trim()) {
      this.transcript.push({ type: 'diagnostic', message: `stderr (end): ${this.redactor.text(stderr).slice(-4000)}` });
    }
    this.batcher.flush();
    await this.transcript.end();
    const consulted = (await this.consult?.consulted().catch(() => [])) ?? [];
    await this.consult?.dispose().catch(() => undefined);
    const completed = await completeNote({
      note: this.note,
      notebook: this.deps.notebook,
      result: { status: result.status, ...(error ? { error } : {}), ...(warning ? { warning } : {}) },
      question: this.spec.question,
      workspace: this.workspace,
      answer: noteAnswer(this.text, this.resultText, result.status === 'done'),
      sourcePaths: this.sources.paths(),
      agent: { id: this.spec.agent.adapter.id, version: this.spec.agent.detection.version, model: this.model, session: this.session,
        sandbox: this.confinement?.kind },
      usage: this.usage,
      started: this.started,
      transcript: this.transcript.textKept,
      consulted,
      ...(this.retries && result.status === 'failed' ? { unreachable: retryLine(this.retries, this.spec.agent.adapter.reach) } : {}),
    });
    this.title = completed.title;
    await this.deps.leases.release(this.id).catch(() => undefined);
    this.status = completed.result.status;
    this.error = completed.result.error;
    this.warning = completed.result.warning;
    if (this.status === 'done' && this.spec.supersedes) await linkSuccessor(this.deps.notebook, this.spec.supersedes, this.id, this.deps.log);
    this.finished = new Date().toISOString();
    this.deps.finished(this);
    this.markOver();
  }
}

function withoutTime(event: Extract<AgentEvent, { type: 'usage' }>): Usage {
  const { type: _type, t: _t, ...usage } = event;
  return usage;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
