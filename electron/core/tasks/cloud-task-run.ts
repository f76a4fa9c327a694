// One task of a cloud agent, from its note to its end: send the question to the service, record
// the remote task in the note (`agent.task_id`, `agent.task_url`) so that a restarted Fieldnotes
// follows it again, poll it with backoff (outside the local queue: it uses no slot of this
// machine), and complete the note with the result. Closing Fieldnotes leaves the note `running`.
import type { AgentEvent } from '../../../shared/model/agent-event';
import type { AgentRef, NoteMode, NoteStatus } from '../../../shared/model/note';
import type { CloudProgress, Task, TaskProgress } from '../../../shared/model/task';
import type { CloudAgent, CloudContext, CloudRepo, CloudStatus, Dispatched } from '../agents/cloud/cloud-agent';
import { CloudError, isFinal } from '../agents/cloud/cloud-agent';
import type { Redactor } from '../agents/secret-redactor';
import type { Notebook } from '../notebook/notebook';
import type { RepoFacts } from '../repos/repo-facts';
import { completeCloudNote, type CloudOutcome } from './cloud-result';
import { OutputBatcher, type OutputBatch } from './task-events';
import type { TaskLeases } from './task-leases';
import { TaskNote, safeTitle } from './task-note';
import { questionTitle } from './note-title';
import { TranscriptWriter } from './transcript-writer';
import { repoRef } from './task-workspace';

export interface CloudTaskSpec {
  question: string;
  mode: NoteMode;
  agent: CloudAgent;
  /** The version of the agent's CLI (Codex Cloud's `codex`), when it has one. */
  agentVersion?: string;
  repo: RepoFacts;
  cloudRepo: CloudRepo;
  context: string[];
  parent?: string;
  prompt: () => Promise<string>;
  /** Stop following (the note fails, saying the task may still run) after this long. */
  wallTimeoutMs: number;
  /** Said about the repository when asked (uncommitted changes stay here). */
  repoNote?: string;
}

/** How often a cloud task is looked at: the first wait, and the longest one while nothing changes. */
export interface PollPace {
  firstMs: number;
  maxMs: number;
}

export const DEFAULT_POLL: PollPace = { firstMs: 5_000, maxMs: 60_000 };
/** Service errors in a row (not rate limits) after which following stops. */
const MAX_FAILURES = 6;
/** Tries of a rate-limited dispatch. */
const DISPATCH_TRIES = 5;

export interface CloudTaskRunDeps {
  notebook: Notebook;
  leases: TaskLeases;
  /** The credential and settings, looked up at each call (a key entered meanwhile is used). */
  context: () => Promise<CloudContext>;
  redactor: () => Promise<Redactor>;
  poll: PollPace;
  changed: (run: CloudTaskRun, urgent: boolean) => void;
  output: (batch: OutputBatch) => void;
  finished: (run: CloudTaskRun) => void;
  log: (message: string) => void;
}

/** A remote task already dispatched, as its note records it (for a restart). */
export interface CloudResume {
  note: TaskNote;
  remote: Dispatched;
  started: string;
}

export class CloudTaskRun {
  status: NoteStatus = 'queued';
  title: string;
  error: string | undefined;
  warning: string | undefined;
  started: string | undefined;
  finished: string | undefined;
  siblings: string[] = [];
  readonly progress: TaskProgress = { filesRead: 0, toolCalls: 0, textChars: 0 };
  readonly over: Promise<void>;

  private remote: Dispatched | undefined;
  private cloud: CloudProgress;
  private stopRequest: 'cancelled' | 'interrupted' | null = null;
  private ending = false;
  private wake: (() => void) | undefined;
  private readonly transcript: TranscriptWriter;
  private readonly batcher: OutputBatcher;
  private markOver!: () => void;

  private constructor(
    readonly note: TaskNote,
    readonly spec: CloudTaskSpec,
    private readonly deps: CloudTaskRunDeps,
    resume?: CloudResume,
  ) {
    this.title = safeTitle(questionTitle(spec.question));
    this.transcript = new TranscriptWriter((events) => deps.notebook.appendTranscript(this.id, events), deps.log);
    this.batcher = new OutputBatcher(this.id, deps.output);
    this.cloud = { state: resume ? 'following again' : 'not sent yet', branch: spec.cloudRepo.branch };
    if (resume) {
      this.remote = resume.remote;
      this.cloud.url = resume.remote.url;
      this.started = resume.started;
      this.status = 'running';
    }
    this.over = new Promise((resolve) => (this.markOver = resolve));
  }

  /** Writes the task's note (status `queued`); `start` sends it to the service. */
  static async create(spec: CloudTaskSpec, deps: CloudTaskRunDeps): Promise<CloudTaskRun> {
    const note = await TaskNote.create(deps.notebook, {
      title: safeTitle(questionTitle(spec.question)),
      question: spec.question,
      mode: spec.mode,
      status: 'queued',
      repo: repoRef(spec.repo),
      agent: { id: spec.agent.id, ...(spec.agentVersion ? { version: spec.agentVersion } : {}) },
      ...(spec.context.length > 0 ? { context: spec.context } : {}),
      ...(spec.parent ? { parent: spec.parent } : {}),
      body: '',
    }, deps.log);
    await deps.leases.hold(note.id).catch(() => undefined);
    return new CloudTaskRun(note, spec, deps);
  }

  /** A task whose note says it was sent to the service: followed again (after a restart). */
  static resume(spec: CloudTaskSpec, deps: CloudTaskRunDeps, resume: CloudResume): CloudTaskRun {
    return new CloudTaskRun(resume.note, spec, deps, resume);
  }

  get id(): string {
    return this.note.id;
  }

  get isOver(): boolean {
    return this.finished !== undefined;
  }

  setSiblings(ids: string[]): void {
    this.siblings = ids.filter((id) => id !== this.id);
    void this.note.patch({ siblings: this.siblings });
  }

  snapshot(): Task {
    const notePath = this.note.path();
    const { owner, name, branch } = this.spec.cloudRepo;
    return {
      id: this.id,
      ...(notePath ? { notePath } : {}),
      question: this.spec.question,
      title: this.title,
      mode: this.spec.mode,
      agent: this.spec.agent.id,
      repo: { name: this.spec.repo.name, path: this.spec.repo.path },
      status: this.status,
      created: this.note.created,
      ...(this.started ? { started: this.started } : {}),
      ...(this.finished ? { finished: this.finished } : {}),
      ...(this.error ? { error: this.error } : {}),
      ...(this.warning ? { warning: this.warning } : {}),
      permissions: `Runs at ${this.spec.agent.service} on ${owner}/${name}, branch ${branch} as pushed: the question and the code leave this machine.`,
      siblings: this.siblings,
      ...(this.spec.parent ? { parent: this.spec.parent } : {}),
      context: this.spec.context,
      progress: { ...this.progress },
      cloud: { ...this.cloud },
    };
  }

  /** Sends the task (unless it was sent before a restart) and follows it to its end. Never rejects. */
  async start(): Promise<void> {
    if (this.ending) return;
    this.status = 'running';
    this.started ??= new Date().toISOString();
    this.deps.changed(this, true);
    try {
      await this.deps.leases.hold(this.id).catch(() => undefined);
      if (!this.remote) await this.dispatch();
      if (this.stopRequest) return await this.stopped();
      await this.follow();
    } catch (error) {
      await this.finish({ status: 'failed', error: await this.redacted(messageOf(error)) });
    }
  }

  cancel(): void {
    this.stop('cancelled');
  }

  /** Fieldnotes is closing: stop following; the note stays `running`, and the next start follows on. */
  interrupt(): void {
    this.stop('interrupted');
  }

  private stop(kind: 'cancelled' | 'interrupted'): void {
    if (this.ending || this.stopRequest) return;
    this.stopRequest = kind;
    if (this.status === 'queued') void this.stopped();
    this.wake?.();
  }

  private async dispatch(): Promise<void> {
    const prompt = await this.spec.prompt();
    const { agent } = this.spec;
    this.event({ type: 'diagnostic', message: `Sending the task to ${agent.label} (${this.spec.cloudRepo.owner}/${this.spec.cloudRepo.name}, branch ${this.spec.cloudRepo.branch}).` });
    const remote = await this.withRateLimit(async () => agent.dispatch({ prompt, repo: this.spec.cloudRepo, mode: this.spec.mode, title: this.title }, await this.deps.context()));
    this.remote = remote;
    this.cloud = { ...this.cloud, state: 'sent', url: remote.url };
    this.event({ type: 'session', session: remote.id });
    this.event({ type: 'diagnostic', message: `${agent.label} task ${remote.id}: ${remote.url}` });
    // The one record a restarted Fieldnotes follows the task by: written before anything else.
    await this.note.patch({ status: 'running', agent: this.agentRef() });
    this.deps.changed(this, true);
  }

  private async follow(): Promise<void> {
    const { agent } = this.spec;
    const remote = this.remote!;
    const deadline = Date.parse(this.started!) + this.spec.wallTimeoutMs;
    let wait = this.deps.poll.firstMs;
    let failures = 0;
    let last = '';
    for (;;) {
      if (this.stopRequest) return this.stopped();
      let status: CloudStatus | undefined;
      try {
        status = await agent.poll(remote.id, await this.deps.context());
        failures = 0;
      } catch (error) {
        if (error instanceof CloudError && error.code === 'RATE_LIMITED') {
          this.cloud.message = error.message;
          this.event({ type: 'retry', reason: error.message, delay_ms: error.retryAfterMs });
          wait = Math.max(this.deps.poll.firstMs, error.retryAfterMs ?? this.deps.poll.maxMs);
        } else if (error instanceof CloudError && (error.code === 'SIGN_IN' || error.code === 'NOT_FOUND' || error.code === 'SETUP')) {
          return this.finish({ status: 'failed', error: await this.redacted(`${error.message} The task may still run at ${agent.label}: ${remote.url}`) });
        } else if (++failures >= MAX_FAILURES) {
          return this.finish({ status: 'failed', error: await this.redacted(`Following the task failed ${failures} times in a row: ${messageOf(error)} It may still run at ${agent.label}: ${remote.url}`) });
        } else {
          this.event({ type: 'retry', attempt: failures, reason: messageOf(error) });
        }
        this.deps.changed(this, true);
      }
      if (status) {
        const seen = `${status.detail}|${status.pr ?? ''}|${status.reason ?? ''}`;
        if (seen !== last) {
          last = seen;
          wait = this.deps.poll.firstMs;
          this.cloud = { ...this.cloud, state: status.detail, ...(status.pr ? { pr: status.pr } : {}) };
          if (status.reason) this.cloud.message = status.reason;
          else delete this.cloud.message;
          this.progress.lastActivity = new Date().toISOString();
          this.event({ type: 'diagnostic', message: `${agent.label}: ${status.detail}${status.reason ? ` — ${status.reason}` : ''}` });
          this.deps.changed(this, true);
        }
        if (isFinal(status.state)) return this.finishWith(status);
      }
      if (Date.now() >= deadline) {
        return this.finish({ status: 'failed', error: `Stopped following after ${Math.round(this.spec.wallTimeoutMs / 60_000)} min without an end. The task may still run at ${agent.label}: ${remote.url}` });
      }
      await this.sleep(Math.min(wait, Math.max(0, deadline - Date.now())));
      wait = Math.min(wait * 2, this.deps.poll.maxMs);
    }
  }

  private async finishWith(status: CloudStatus): Promise<void> {
    const { label } = this.spec.agent;
    if (status.message) {
      this.event({ type: 'text', text: status.message });
      this.progress.textChars += status.message.length;
    }
    if (status.usage) this.event({ type: 'usage', ...status.usage });
    const base = { ...(status.message ? { message: status.message } : {}), ...(status.diff ? { diff: status.diff } : {}), ...(status.pr ? { pr: status.pr } : {}), ...(status.usage ? { usage: status.usage } : {}) };
    if (status.state === 'done') return this.finish({ status: 'done', ...base });
    if (status.state === 'cancelled') return this.finish({ status: 'cancelled', ...base, error: `${label} says the task was cancelled (${status.detail}).` });
    const why = status.reason ?? (status.state === 'timed_out' ? `${label} timed the task out (${status.detail}).` : `${label} ended the task as failed (${status.detail}).`);
    return this.finish({ status: 'failed', ...base, error: await this.redacted(why) });
  }

  private async stopped(): Promise<void> {
    if (this.stopRequest === 'interrupted') return this.leave();
    const { agent } = this.spec;
    if (!this.remote) return this.finish({ status: 'cancelled', error: 'Cancelled before it was sent.' });
    if (agent.cancels && agent.cancel) {
      try {
        await agent.cancel(this.remote.id, await this.deps.context());
        return this.finish({ status: 'cancelled', error: `Cancelled; ${agent.label} stopped the task.` });
      } catch (error) {
        return this.finish({ status: 'cancelled', error: await this.redacted(`Stopped following, but ${agent.label} did not stop the task (${messageOf(error)}): it may still run at ${this.remote.url}`) });
      }
    }
    return this.finish({ status: 'cancelled', error: `Stopped following. ${agent.label} cannot be cancelled from outside: the task may still run at ${this.remote.url}; stop it there.` });
  }

  /** Leaves the note `running` with the remote task in it, for the next start to follow. */
  private async leave(): Promise<void> {
    if (this.ending) return;
    this.ending = true;
    this.batcher.flush();
    await this.transcript.end();
    await this.note.settled();
    await this.deps.leases.release(this.id).catch(() => undefined);
    if (!this.remote) {
      // Never sent: nothing to follow later.
      await this.note.complete({ status: 'interrupted', error: 'Fieldnotes stopped before the task was sent; retry it.' }, '').catch(() => undefined);
    }
    this.status = 'interrupted';
    this.error = this.remote ? `Fieldnotes stopped following; it follows the task again when it starts. ${this.remote.url}` : 'Fieldnotes stopped before the task was sent.';
    this.finished = new Date().toISOString();
    this.deps.finished(this);
    this.markOver();
  }

  private async finish(outcome: CloudOutcome): Promise<void> {
    if (this.ending) return;
    this.ending = true;
    this.wake?.();
    if (outcome.status !== 'done' && outcome.error) this.event({ type: 'error', message: outcome.error });
    this.batcher.flush();
    await this.transcript.end();
    let title = this.title;
    try {
      title = await completeCloudNote({
        note: this.note, notebook: this.deps.notebook, question: this.spec.question, outcome, agent: this.agentRef(),
        label: this.spec.agent.label, started: this.started, ...(this.spec.repoNote ? { repoNote: this.spec.repoNote } : {}),
      });
    } catch (error) {
      this.deps.log(`could not complete the note of cloud task ${this.id}: ${messageOf(error)}`);
      outcome = { status: 'failed', error: `${outcome.error ? `${outcome.error} ` : ''}Could not write the result into the note: ${messageOf(error)}` };
    }
    await this.deps.leases.release(this.id).catch(() => undefined);
    this.title = title;
    this.status = outcome.status;
    this.error = outcome.error;
    this.finished = new Date().toISOString();
    this.deps.finished(this);
    this.markOver();
  }

  private agentRef(): AgentRef {
    return {
      id: this.spec.agent.id,
      ...(this.spec.agentVersion ? { version: this.spec.agentVersion } : {}),
      ...(this.remote ? { task_id: this.remote.id, task_url: this.remote.url } : {}),
    };
  }

  /** A rate-limited dispatch waits as told, up to DISPATCH_TRIES times, before it gives up. */
  private async withRateLimit<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        if (!(error instanceof CloudError) || error.code !== 'RATE_LIMITED' || attempt >= DISPATCH_TRIES || this.stopRequest) throw error;
        this.cloud.message = error.message;
        this.event({ type: 'retry', attempt, reason: error.message, delay_ms: error.retryAfterMs });
        this.deps.changed(this, true);
        await this.sleep(error.retryAfterMs ?? this.deps.poll.maxMs);
      }
    }
  }

  private event(event: AgentEvent): void {
    const since = this.started ? Date.parse(this.started) : Date.now();
    const stamped = { ...event, t: Math.max(0, Date.now() - since) } as AgentEvent;
    this.transcript.push(stamped);
    this.batcher.push(stamped);
  }

  private async redacted(text: string): Promise<string> {
    return (await this.deps.redactor()).text(text);
  }

  /** Waits, or less when the task is stopped meanwhile. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
