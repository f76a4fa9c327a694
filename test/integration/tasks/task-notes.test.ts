// What a task leaves in the notebook, with fake agents: a flood of output, secrets, a folder that
// is not a git repository, poc scratch checkouts and their diffs, siblings, retries, follow-ups.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../../../shared/model/task';
import { MAX_BATCH_EVENTS, MAX_BATCH_TEXT } from '../../../electron/core/tasks/task-events';
import { MAX_BODY_BYTES } from '../../../electron/core/tasks/task-note';
import { gitIn, makeRepo } from '../../support/git-repo';
import { FIXTURES } from '../../support/paths';
import { tempDir } from '../../support/temp';
import { outputsOf, startEngine, type TestEngine } from './task-harness';

const SECRET = 'sk-test-very-secret-0123456789';
const FAKE_CODEX = join(FIXTURES, 'fake-agents', 'fake-codex.mjs');

let t: TestEngine;
let repo: string;
let logs: string;
/** Folders the engine asked the file manager to show. */
const opened: string[] = [];

beforeAll(async () => {
  repo = await makeRepo({ 'src/app.ts': 'export const answer = 42;\n' }, 'notes-repo');
  logs = await tempDir('fieldnotes-logs-');
  t = await startEngine({
    tasks: { agentPaths: { codex: FAKE_CODEX } },
    ports: { openPath: async (path) => void opened.push(path), revealPath: async () => undefined },
    env: { ...process.env, FAKE_API_KEY: SECRET, FAKE_PROMPT_LOG: join(logs, 'prompts.txt'), FAKE_ARGV_LOG: join(logs, 'argv.txt') },
  });
});
afterAll(() => t.close());

async function run(question: string, extra: Record<string, unknown> = {}): Promise<Task[]> {
  const { tasks } = await t.call<{ tasks: Task[] }>('tasks.ask', { question, repoPath: repo, agents: ['custom'], ...extra });
  return t.finished(tasks.map((task) => task.id));
}

describe('output', () => {
  it('10 MB from an agent reach the transcript whole, the window in small batches, the note capped with the rest kept', async () => {
    const [task] = await run('Say a lot [flood 10]');
    expect(task).toMatchObject({ status: 'done', title: 'Fake answer' });

    const batches = outputsOf(t, task!.id);
    for (const batch of batches) {
      expect(batch.events.length).toBeLessThanOrEqual(MAX_BATCH_EVENTS);
      const text = batch.events.reduce((sum, event) => sum + (event.type === 'text' ? event.text.length : 0), 0);
      expect(text).toBeLessThanOrEqual(MAX_BATCH_TEXT);
    }
    expect(batches.reduce((sum, batch) => sum + batch.dropped, 0)).toBeGreaterThan(0);

    const { events, skipped } = await t.call<{ events: Array<{ type: string; text?: string }>; skipped: number }>('notes.transcript', { id: task!.id });
    expect(skipped).toBe(0);
    const text = events.map((event) => event.text ?? '').join('');
    expect(text.length).toBeGreaterThan(10 * 1024 * 1024);
    expect(text.endsWith('The answer is 42.\n')).toBe(true);

    const note = await t.note(task!.id);
    expect(note.summary.problem).toBeUndefined();
    expect(Buffer.byteLength(note.body)).toBeLessThan(MAX_BODY_BYTES + 1024);
    expect(note.body).toMatch(/The answer is 10\.\d MB; this note shows its first 1\.0 MB\. The whole answer is kept with this note as `answer\.md`/);
    const { artifacts } = await t.call<{ artifacts: Array<{ name: string; size: number }> }>('notes.artifacts', { id: task!.id });
    expect(artifacts).toEqual([{ name: 'answer.md', size: expect.any(Number) }]);
    expect(artifacts[0]!.size).toBeGreaterThan(10 * 1024 * 1024);
    const { events: latest, truncated } = await t.call<{ events: unknown[]; truncated: boolean }>('tasks.get', { id: task!.id, maxEvents: 10 });
    expect([latest.length, truncated]).toEqual([10, true]);
    // A window asks for the end of the answer only: a few KB, however much there was.
    const tail = await t.call<{ events: Array<{ type: string; text?: string }>; truncated: boolean }>('tasks.get', { id: task!.id, maxTextChars: 4096 });
    const tailText = tail.events.map((event) => event.text ?? '').join('');
    expect([tailText.length, tail.truncated, tailText.endsWith('The answer is 42.\n')]).toEqual([4096, true, true]);
    expect(tail.events.some((event) => event.type === 'exit')).toBe(true);

    const whole = await t.call<{ name: string; size: number; text: string; truncated: boolean }>('notes.readArtifact', { id: task!.id, name: 'answer.md', maxBytes: 1000 });
    expect(whole).toMatchObject({ name: 'answer.md', size: artifacts[0]!.size, truncated: true });
    expect(whole.text).toMatch(/^Fake answer\n\nx{99}\n/);
    expect(Buffer.byteLength(whole.text)).toBe(1000);
  });

  it('an answer beyond the 16 MiB kept in memory: the note says exactly how much answer.md and the transcript keep', async () => {
    const [task] = await run('Say too much [flood 17]');
    expect(task).toMatchObject({ status: 'done' });
    const note = await t.note(task!.id);
    expect(note.body).toContain('> The answer is 17.0 MB; this note shows its first 1.0 MB. Its first 16.0 MB are kept with this note as `answer.md`; the transcript has all of it.');
    expect(note.body).not.toContain('The whole answer');
    const { artifacts } = await t.call<{ artifacts: Array<{ name: string; size: number }> }>('notes.artifacts', { id: task!.id });
    expect(artifacts).toEqual([{ name: 'answer.md', size: 16 * 1024 * 1024 }]);
  });

  it('secrets in the environment never reach the note, its error or its transcript', async () => {
    const [leaked, failed] = [...(await run('Leak it [leak]')), ...(await run('Fail loudly [leak] [fail]'))];
    expect(failed).toMatchObject({ status: 'failed', error: 'Fake agent exited with code 3: fake agent: cannot do that (key [REDACTED:FAKE_API_KEY])' });
    for (const task of [leaked!, failed!]) {
      const file = await readFile(join(t.notebook, (await t.note(task.id)).summary.path), 'utf8');
      const transcript = await readFile(join(t.notebook, '.fieldnotes', 'transcripts', `${task.id}.jsonl`), 'utf8');
      expect(file + transcript).not.toContain(SECRET);
      expect(file).toContain('[REDACTED:FAKE_API_KEY]');
    }
    expect(await readFile(join(t.notebook, '.fieldnotes', 'transcripts', `${failed!.id}.jsonl`), 'utf8')).toContain('stderr (end): debug: key=[REDACTED:FAKE_API_KEY]');
  });

  it('NUL bytes, escape sequences and control characters reach the transcript raw and nothing else', async () => {
    const [task] = await run('Print odd bytes [escapes]');
    // Earlier tests of this engine wrote "Fake answer" notes too: a repeat title is told apart.
    expect(task).toMatchObject({ status: 'done', title: expect.stringMatching(/^Fake answer( \(\d+\))?$/) });
    const shown = 'Colors: red and plain\nA link: example here\nTitle set, bell, NUL bytes\nSplit across writes\nTab\tstays, backspace, CR\n';
    const note = await t.note(task!.id);
    expect(note.summary.problem).toBeUndefined();
    expect(note.body).toBe(`${shown}Mode: explain. The answer is 42.\n`);
    const file = await readFile(join(t.notebook, note.summary.path));
    expect(file.filter((byte) => (byte < 0x20 && byte !== 0x0a && byte !== 0x09) || byte === 0x7f)).toHaveLength(0);

    const live = outputsOf(t, task!.id).flatMap((batch) => batch.events).map((event) => (event.type === 'text' ? event.text : '')).join('');
    const { events } = await t.call<{ events: Array<{ type: string; text?: string }> }>('tasks.get', { id: task!.id });
    const recorded = events.map((event) => event.text ?? '').join('');
    expect([live, recorded]).toEqual([`Fake answer\n\n${shown}Mode: explain. The answer is 42.\n`, `Fake answer\n\n${shown}Mode: explain. The answer is 42.\n`]);

    const transcript = await readFile(join(t.notebook, '.fieldnotes', 'transcripts', `${task!.id}.jsonl`), 'utf8');
    const raw = transcript.trim().split('\n').map((line) => JSON.parse(line) as { text?: string }).map((event) => event.text ?? '').join('');
    expect(raw).toContain('Title\x1b]0;pwned\x07 set, bell\x07, NUL\x00 bytes\x00\n');
    expect(raw).toContain('A link: \x1b]8;;https://example.com/\x1b\\example\x1b]8;;\x1b\\ here\n');
  });
});

describe('codebases', () => {
  it('a folder that is not a git repository works in explain mode, and the note says it has no commit', async () => {
    const folder = join(await tempDir(), 'odd näme – folder');
    await mkdir(folder);
    await writeFile(join(folder, 'notes.txt'), 'plain');
    const [task] = await run('What is in here?', { repoPath: folder });
    const note = await t.note(task!.id);
    expect(note.frontmatter).toMatchObject({ status: 'done', repo: { name: 'odd näme – folder', path: folder } });
    expect(note.frontmatter!.repo!.commit).toBeUndefined();
    expect(note.body).toContain(`\`${folder}\` is not a git repository, so this note is not tied to a commit`);
  });

  it('poc: the agent edits a scratch checkout of HEAD, never the working tree; the diff is kept; discarding prunes the worktree', async () => {
    const [task] = await run('Try it [write poc.txt]', { mode: 'poc' });
    const scratchDir = join(t.scratchRoot, task!.id);
    expect(task).toMatchObject({ status: 'done', scratchDir, permissions: expect.stringContaining(`${scratchDir} (a scratch checkout; your working tree is never touched)`) });
    expect(gitIn(repo, 'status', '--porcelain')).toBe('');
    expect(existsSync(join(repo, 'poc.txt'))).toBe(false);
    expect(await readFile(join(scratchDir, 'poc.txt'), 'utf8')).toBe('written by the fake agent in poc mode\n');

    const patch = await readFile(join(t.notebook, '.fieldnotes', 'artifacts', task!.id, `${task!.id}.patch`), 'utf8');
    expect(patch).toContain('+++ b/poc.txt');
    expect(await t.call('notes.readArtifact', { id: task!.id, name: `${task!.id}.patch` })).toEqual({ name: `${task!.id}.patch`, size: Buffer.byteLength(patch), text: patch, truncated: false });
    await expect(t.call('notes.readArtifact', { id: task!.id, name: '../../settings.json' })).rejects.toMatchObject({ code: 'PATH_OUTSIDE_NOTEBOOK' });
    const note = await t.note(task!.id);
    expect(note.body).toContain(`The agent changed 1 file in the scratch checkout \`${scratchDir}\`: \`poc.txt\`.`);
    expect(note.frontmatter!.repo).toMatchObject({ commit: gitIn(repo, 'rev-parse', 'HEAD').trim(), dirty: false });

    const { checkouts } = await t.call<{ checkouts: Array<{ name: string; taskId?: string; bytes: number; kind: string }> }>('scratch.list');
    expect(checkouts).toContainEqual(expect.objectContaining({ name: task!.id, taskId: task!.id, kind: 'worktree', bytes: expect.any(Number) }));
    expect(gitIn(repo, 'worktree', 'list')).toContain(scratchDir);
    expect(await t.call('scratch.reveal', { name: task!.id })).toEqual({ path: scratchDir });
    expect(opened).toEqual([scratchDir]);
    expect(await t.call('scratch.discard', { name: task!.id })).toEqual({ discarded: true });
    await expect(t.call('scratch.reveal', { name: task!.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(existsSync(scratchDir)).toBe(false);
    expect(gitIn(repo, 'worktree', 'list')).not.toContain(scratchDir);
    await expect(t.call('scratch.discard', { name: '../etc' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });

  it('poc without a codebase starts from an empty scratch repository; no change is said plainly', async () => {
    const [made, idle] = [...(await run('Sketch it [write idea.md]', { mode: 'poc', repoPath: undefined })), ...(await run('Just think', { mode: 'poc', repoPath: undefined }))];
    expect(made).toMatchObject({ status: 'done', repo: null });
    expect(execFileSync('git', ['-C', made!.scratchDir!, 'log', '--format=%s'], { encoding: 'utf8' })).toBe('Fieldnotes scratch start\n');
    expect((await t.note(made!.id)).body).toContain('`idea.md`');
    expect((await t.note(made!.id)).summary.path).toMatch(/^notes\//);
    expect((await t.note(idle!.id)).body).toContain('The agent changed no files in the scratch checkout');
  });
});

describe('more than one answer', () => {
  it('one question to two agents gives two sibling notes linked to each other', async () => {
    const tasks = await run('Compare [title Custom view]', { agents: ['custom', 'codex'] });
    expect(tasks.map((task) => [task.agent, task.status])).toEqual([['custom', 'done'], ['codex', 'done']]);
    const [a, b] = tasks;
    expect((await t.note(a!.id)).frontmatter).toMatchObject({ siblings: [b!.id], agent: { id: 'custom' } });
    expect((await t.note(b!.id)).frontmatter).toMatchObject({
      siblings: [a!.id], title: 'Codex answer', agent: { id: 'codex', version: '0.0.1-fake', session: expect.stringMatching(/^thread-/) },
      usage: { input_tokens: 100, output_tokens: 20 },
    });
  });

  it('retry asks a finished question again, of the same agent or another one', async () => {
    const [failed] = await run('Fail first [fail]');
    expect(failed!.status).toBe('failed');
    const again = await t.call<Task>('tasks.retry', { id: failed!.id });
    const other = await t.call<Task>('tasks.retry', { id: failed!.id, agent: 'codex' });
    const [retried, reasked] = await t.finished([again.id, other.id]);
    expect(retried).toMatchObject({ question: 'Fail first [fail]', agent: 'custom', status: 'failed' });
    expect(reasked).toMatchObject({ question: 'Fail first [fail]', agent: 'codex', status: 'done' });
    expect(new Set([failed!.id, again.id, other.id]).size).toBe(3);
  });

  it('a follow-up resumes the session where the CLI can, else sends the earlier note as context', async () => {
    const [first] = await run('What is the answer? [title The answer is 42]');
    expect(await t.call('tasks.planFollowUp', { noteId: first!.id })).toEqual({
      agent: 'custom', mode: 'explain', resumes: false, summary: 'Sends this note as context to a new session (Fake agent has no sessions to resume).',
    });
    const withContext = await t.call<Task>('tasks.followUp', { noteId: first!.id, question: 'And why?' });
    const [second] = await t.finished([withContext.id]);
    expect(second).toMatchObject({ status: 'done', parent: first!.id, context: [first!.id] });
    expect((await t.note(second!.id)).frontmatter).toMatchObject({ parent: first!.id, context: [first!.id] });
    const prompts = await readFile(join(logs, 'prompts.txt'), 'utf8');
    expect(prompts.split('=====').at(-2)).toMatch(/<documents>[\s\S]*The answer is 42[\s\S]*Question:\nAnd why\?/);

    const [codexFirst] = await run('Where is the answer?', { agents: ['codex'] });
    const session = (await t.note(codexFirst!.id)).frontmatter!.agent!.session!;
    expect(await t.call('tasks.planFollowUp', { noteId: codexFirst!.id })).toMatchObject({ agent: 'codex', resumes: true, summary: expect.stringMatching(/^Continues Codex CLI’s session in /) });
    expect(await t.call('tasks.planFollowUp', { noteId: codexFirst!.id, agent: 'custom' })).toMatchObject({
      agent: 'custom', resumes: false, summary: 'Sends this note as context to a new session (Fake agent did not write this note).',
    });
    const resumed = await t.call<Task>('tasks.followUp', { noteId: codexFirst!.id, question: 'Are you sure?' });
    const [third] = await t.finished([resumed.id]);
    expect(third).toMatchObject({ status: 'done', parent: codexFirst!.id, context: [], title: 'Resumed answer' });
    const argv = (await readFile(join(logs, 'argv.txt'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as string[]);
    expect(argv.at(-1)).toEqual(expect.arrayContaining(['exec', 'resume', session]));
  });
});
