// What the task layer must do the same way whichever agent CLI runs the task: each per-agent tasks
// test names these cases and passes only what differs by agent (its tool calls, its wording).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import type { Task } from '../../shared/model/task';
import type { Turn } from '../fixtures/model-servers/script-server';
import { FIXTURE_FILE, FIXTURE_MARKER, bodiesText, gitStatus } from '../integration/agents/harness';
import { eventually, processesWorkingIn } from '../integration/tasks/task-harness';
import type { CliTasks } from './cli-tasks';
import { gitIn } from './git-repo';

export interface ReadingAgent {
  /** The tool call with which this CLI reads FIXTURE_FILE. */
  read: Turn;
  /** How the task describes the explain mode's permissions. */
  permissions: RegExp;
  /** The model the note names; unchecked when left out. */
  model?: unknown;
}

/** A file read through a tool call becomes a source with its blob; the answer becomes the note, titled by its first line. */
export async function readFileBecomesSourceOfNote(tasks: CliTasks, agent: ReadingAgent): Promise<void> {
  const { engine: t, workspace } = tasks;
  await tasks.serve([
    agent.read,
    { kind: 'text', text: 'Cardamom is the secret ingredient\n\nThe recipe says so in `docs/recipe.md:3`.', usage: { input: 200, output: 12 } },
  ]);
  const asked = await tasks.ask('What is the secret ingredient?');
  expect(asked.permissions).toMatch(agent.permissions);
  const [task] = await t.finished([asked.id]);

  expect(task).toMatchObject({ status: 'done', title: 'Cardamom is the secret ingredient', progress: { filesRead: 1, toolCalls: 1 } });
  expect(bodiesText(tasks.server.turnRequests().slice(1))).toContain(FIXTURE_MARKER);
  const note = await t.note(asked.id);
  expect(note.body).toBe('The recipe says so in `docs/recipe.md:3`.\n');
  expect(note.frontmatter).toMatchObject({
    title: 'Cardamom is the secret ingredient',
    status: 'done',
    sources: [{ path: FIXTURE_FILE, blob: gitIn(workspace.repo, 'rev-parse', `HEAD:${FIXTURE_FILE}`).trim() }],
    agent: {
      id: tasks.agent, version: expect.stringMatching(/^\d+\.\d+\.\d+/), session: expect.any(String),
      ...(agent.model === undefined ? {} : { model: agent.model }),
    },
    repo: { name: 'repo', commit: gitIn(workspace.repo, 'rev-parse', 'HEAD').trim(), dirty: false },
    duration_ms: expect.any(Number),
  });
  expect(note.frontmatter!.usage!.input_tokens).toBeGreaterThan(0);
  expect(note.frontmatter!.usage!.output_tokens).toBeGreaterThan(0);
  expect(note.frontmatter!.error).toBeUndefined();
  // It read the code: no warning anywhere.
  expect(task!.warning).toBeUndefined();
  expect(note.frontmatter!.warning).toBeUndefined();
  const bundle = await t.call<{ text: string }>('context.build', { ids: [asked.id] });
  expect(bundle.text).not.toContain('Warning');
}

/**
 * A task whose every tool call failed still ends `done`, and its note, its task and a copy of it
 * as context all say the agent could not read the code, with the first error (`warning`).
 */
export async function unreadCodeIsWarned(tasks: CliTasks, script: Turn[], warning: RegExp, options: Parameters<CliTasks['serve']>[1] = {}): Promise<string> {
  const t = tasks.engine;
  await tasks.serve(script, options);
  const asked = await tasks.ask('What is the secret ingredient?');
  const [task] = await t.finished([asked.id]);

  expect(task).toMatchObject({ status: 'done', warning: expect.stringMatching(warning) });
  expect(bodiesText(tasks.server.turnRequests())).not.toContain(FIXTURE_MARKER);
  const note = await t.note(asked.id);
  expect(note.frontmatter).toMatchObject({ status: 'done', warning: task!.warning });
  // Every call failed, so nothing was read: a failed call's file is not a source.
  expect(note.frontmatter!.sources).toEqual([]);
  const bundle = await t.call<{ text: string; notes: Array<{ warnings: string[] }> }>('context.build', { ids: [asked.id] });
  expect(bundle.notes[0]!.warnings).toEqual([`Warning: this answer may not rest on the code. ${task!.warning}`]);
  expect(bundle.text).toContain(task!.warning);
  return task!.warning!;
}

/** An HTTP 500 fails the note with `error`, the CLI's readable wording of it. */
export async function httpErrorFailsTheNote(tasks: CliTasks, error: unknown): Promise<void> {
  const t = tasks.engine;
  await tasks.serve([{ kind: 'http_error', status: 500, message: 'scripted overload' }]);
  const [task] = await t.finished([(await tasks.ask('Anything?')).id]);
  expect(task).toMatchObject({ status: 'failed', error });
  const note = await t.note(task!.id);
  expect(note.frontmatter).toMatchObject({ status: 'failed', error: task!.error, title: 'Anything?' });
  expect(note.body).toContain(`**Failed:** ${task!.error}`);
}

/** A stall mid-stream is stopped by an 8 s idle timeout with `error`; no process is left. */
export async function stallIsStoppedByIdleTimeout(tasks: CliTasks, error: string): Promise<void> {
  const t = tasks.engine;
  await tasks.serve([{ kind: 'stall', text: 'Let me think' }]);
  const [task] = await t.finished([(await tasks.ask('Think slowly', { idleTimeoutSec: 8 })).id]);
  expect(task).toMatchObject({ status: 'failed', error });
  expect(processesWorkingIn(tasks.workspace.repo)).toEqual([]);
  expect((await t.note(task!.id)).frontmatter).toMatchObject({ status: 'failed', error });
}

/** Cancel mid-run stops the whole process group; the note is cancelled and its transcript kept. */
export async function cancelStopsTheProcessGroup(tasks: CliTasks): Promise<void> {
  const t = tasks.engine;
  await tasks.serve([{ kind: 'stall' }]);
  const asked = await tasks.ask('Take your time');
  await tasks.server.waitForTurns(1);
  await eventually(() => t.latest(asked.id)?.progress.lastActivity, 'the session starts');
  expect(processesWorkingIn(tasks.workspace.repo).length).toBeGreaterThan(0);
  await t.call('tasks.cancel', { id: asked.id });
  const [task] = await t.finished([asked.id]);

  expect(task).toMatchObject({ status: 'cancelled', error: 'Cancelled while it was running.' });
  expect(processesWorkingIn(tasks.workspace.repo)).toEqual([]);
  expect((await t.note(asked.id)).frontmatter!.status).toBe('cancelled');
  const { events } = await t.call<{ events: Array<{ type: string }> }>('notes.transcript', { id: asked.id });
  expect(events.map((event) => event.type)).toEqual(expect.arrayContaining(['session', 'exit']));
}

/** After a poc task that wrote poc.mjs: the file is only in the scratch checkout, and the kept diff shows it. */
export async function expectPocEditOnlyInScratch(tasks: CliTasks, asked: Task): Promise<void> {
  const { engine: t, workspace } = tasks;
  expect(await readFile(path.join(asked.scratchDir!, 'poc.mjs'), 'utf8')).toBe('console.log(6 * 7);\n');
  expect(existsSync(path.join(workspace.repo, 'poc.mjs'))).toBe(false);
  expect(gitStatus(workspace.repo)).toBe('');
  const patch = await readFile(path.join(t.notebook, '.fieldnotes', 'artifacts', asked.id, `${asked.id}.patch`), 'utf8');
  expect(patch).toMatch(/\+\+\+ b\/poc\.mjs\n@@ -0,0 \+1 @@\n\+console\.log\(6 \* 7\);/);
  expect((await t.note(asked.id)).body).toContain('`poc.mjs`. The diff is kept with this note');
}
