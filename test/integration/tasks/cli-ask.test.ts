// `fieldnotes ask` and `fieldnotes agents` as a person runs them: real processes, exit codes,
// Ctrl-C, and a `fieldnotes ask` killed outright whose note the next engine start recovers.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { INTERRUPTED_RUNNING } from '../../../electron/core/tasks/recovery';
import { processStart } from '../../../electron/core/tasks/task-leases';
import { startResponsesServer } from '../../fixtures/model-servers/openai-responses';
import { ScriptedCliStage } from '../../support/scripted-cli-stage';
import { codexEnv } from '../agents/cli-envs';
import { CLI_BIN, processesWith } from '../agents/harness';
import { makeRepo } from '../../support/git-repo';
import { CLI } from '../../support/paths';
import { tempDir } from '../../support/temp';
import { mountSmallDisk } from '../../support/tmpfs';
import { eventually, fakeAgent, startEngine } from './task-harness';

const run = promisify(execFile);
const BASE_PATH = `${join(process.execPath, '..')}:/usr/local/bin:/usr/bin:/bin`;

let home: string;
let notebook: string;
let repo: string;
let marker: string;

beforeAll(async () => {
  home = await tempDir('fieldnotes-cli-home-');
  notebook = join(home, 'Notebook');
  repo = await makeRepo({ 'README.md': '# Repo\n' }, 'cli-repo');
  marker = `cli-agent-${process.pid}-${Date.now()}`;
  await mkdir(home, { recursive: true });
  // The fake agent talks to the test through the machine's /tmp, which the OS sandbox hides.
  await writeFile(join(home, 'settings.json'), JSON.stringify({ tasks: { customCommand: fakeAgent(marker), defaultAgents: ['custom'], sandbox: 'off' } }));
});

afterAll(() => {
  for (const pid of processesWith(marker)) process.kill(pid, 'SIGKILL');
});

// A clean environment (no agent on PATH but the ones a test puts there), keeping how the suite runs the CLI.
const env = (extra: Record<string, string> = {}) => ({
  HOME: home,
  FIELDNOTES_HOME: home,
  PATH: BASE_PATH,
  ...(process.env.FIELDNOTES_CLI_FROM_SOURCE ? { FIELDNOTES_CLI_FROM_SOURCE: process.env.FIELDNOTES_CLI_FROM_SOURCE } : {}),
  ...extra,
});

async function fieldnotes(args: string[], extra: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, '--notebook', notebook, ...args], { env: env(extra) });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Starts `fieldnotes ask` and resolves once its stderr shows the agent writing. */
async function startAsk(question: string): Promise<{ child: ChildProcess; stderr: () => string; exit: Promise<number | null> }> {
  const child = spawn(process.execPath, [CLI, '--notebook', notebook, 'ask', question, '--repo', repo], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await eventually(() => stderr.includes('writing…'), `the agent writes (stderr so far: ${stderr})`);
  return { child, stderr: () => stderr, exit };
}

const noteFile = async (path: string) => readFile(path, 'utf8');

describe('fieldnotes ask', () => {
  it('prints the new note’s path, tells what happens on stderr, and exits 0 when the task is done', async () => {
    const { code, stdout, stderr } = await fieldnotes(['ask', 'How does it start? [title It starts with main]', '--repo', repo]);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^${notebook}/cli-repo/\\d{4}-\\d{2}-\\d{2}-it-starts-with-main\\.md\\n$`));
    expect(stderr).toMatch(/\[custom\] started\. Runs Fake agent in .*cli-repo/);
    expect(stderr).toMatch(/\[custom\] done in \d+\.\d s → /);
    expect(await noteFile(stdout.trim())).toMatch(/^status: done$/m);

    const json = await fieldnotes(['--json', 'ask', 'Again [title Second]', '--repo', repo, '--agent', 'custom']);
    expect(JSON.parse(json.stdout)).toMatchObject({ notebook, tasks: [{ status: 'done', title: 'Second', file: expect.stringMatching(/second\.md$/) }] });
  });

  it('says so when the agent could not read the code (the real Codex CLI, whose every command failed)', async () => {
    const stage = new ScriptedCliStage({ bin: 'codex', startServer: startResponsesServer, env: codexEnv });
    await stage.setUp();
    try {
      const codex = await stage.serve([
        { kind: 'tool', name: 'exec_command', input: { cmd: 'cat docs/missing.md' } },
        { kind: 'text', text: 'The secret ingredient is probably salt.' },
      ]);
      const agentEnv = Object.fromEntries(Object.entries(codex).filter((entry): entry is [string, string] => entry[1] !== undefined));
      const { code, stdout, stderr } = await fieldnotes(['ask', 'What is the secret ingredient?', '--repo', stage.workspace.repo, '--agent', 'codex'], agentEnv);
      expect(stderr).toMatch(/\[codex\] done in .*\n\[codex\] warning: The agent could not read the code: cat: docs\/missing\.md: No such file or directory\n/);
      expect(code).toBe(0);
      expect(await noteFile(stdout.trim())).toMatch(/^warning: 'The agent could not read the code: cat: docs\/missing\.md: No such file or directory'$/m);
    } finally {
      await stage.tearDown();
    }
  });

  it('exits 1 when a task fails, saying why, and still prints the note it left', async () => {
    const { code, stdout, stderr } = await fieldnotes(['ask', 'Fail [fail]', '--repo', repo]);
    expect(code).toBe(1);
    expect(stderr).toContain('[custom] failed in');
    expect(stderr).toContain('Fake agent exited with code 3: fake agent: cannot do that');
    expect(await noteFile(stdout.trim())).toMatch(/^status: failed$/m);
  });

  it('says clearly when an agent is not installed, and how to install it', async () => {
    const { code, stderr, stdout } = await fieldnotes(['ask', 'Hi', '--repo', repo, '--agent', 'codex']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('fieldnotes: Codex CLI is not installed: no `codex` command on PATH. Install it with `npm install -g @openai/codex`, or set its executable in Settings.\n');
  });

  it('Ctrl-C cancels the tasks cleanly: the agent is stopped and the note says cancelled', async () => {
    const ask = await startAsk('Think forever [stall]');
    expect(processesWith(marker).length).toBeGreaterThan(0);
    ask.child.kill('SIGINT');
    expect(await ask.exit).toBe(130);
    expect(processesWith(marker)).toEqual([]);
    expect(ask.stderr()).toMatch(/\[custom\] cancelled in .*Cancelled while it was running\./);
    const path = /→ (\S+\.md)/.exec(ask.stderr())![1]!;
    const text = await noteFile(path);
    expect(text).toMatch(/^status: cancelled$/m);
    expect(text).toContain('thinking about it...');
  });

  it('a `fieldnotes ask` killed outright leaves a note the next start marks interrupted, and its agent is stopped', async () => {
    const transcripts = join(notebook, '.fieldnotes', 'transcripts');
    const saying = async () => {
      const files = await readdir(transcripts).catch(() => [] as string[]);
      const texts = await Promise.all(files.map((file) => readFile(join(transcripts, file), 'utf8')));
      return texts.filter((text) => text.includes('thinking about it...')).length;
    };
    const before = await saying();
    const ask = await startAsk('Think until killed [stall]');
    // Killed once what the agent said is on disk (its transcript is appended as events arrive).
    await eventually(async () => (await saying()) > before, 'the transcript has the agent’s first words');
    ask.child.kill('SIGKILL');
    await ask.exit;
    // The agent ran in a process group of its own: the kill did not reach it.
    expect(processesWith(marker).length).toBeGreaterThan(0);

    const restarted = await startEngine({ home, notebook, env: { ...process.env, PATH: BASE_PATH } });
    try {
      const [summary] = (await restarted.call<{ notes: Array<{ id: string; status: string; title: string }> }>('notes.list')).notes
        .filter((note) => note.title === 'Think until killed [stall]');
      expect(summary).toMatchObject({ status: 'interrupted' });
      const note = await restarted.note(summary!.id);
      expect(note.frontmatter!.error).toBe('Fieldnotes stopped while this task was running; retry it.');
      expect(note.body).toContain('thinking about it...');
      const { events } = await restarted.call<{ events: Array<{ type: string; text?: string }> }>('notes.transcript', { id: summary!.id });
      expect(events[0]).toMatchObject({ type: 'text', text: 'thinking about it...\n' });
      expect(processesWith(marker)).toEqual([]);
    } finally {
      await restarted.close();
    }
  });
});

describe('notes left running', () => {
  const ODD_SHOWN = 'Colors: red and plain\nA link: example here\nTitle set, bell, NUL bytes\nSplit across writes\nTab\tstays, backspace, CR\n';
  const controlBytes = (bytes: Buffer) => bytes.filter((byte) => (byte < 0x20 && byte !== 0x0a && byte !== 0x09) || byte === 0x7f).length;

  it('a `fieldnotes ask` killed outright while the app runs: the app marks its note interrupted without a restart, stops its agent, and keeps NUL bytes and escapes out', async () => {
    const app = await startEngine({ home, notebook, env: { ...process.env, PATH: BASE_PATH }, watch: true });
    try {
      const question = 'Odd bytes, then silence [escapes] [stall]';
      const ask = await startAsk(question);
      const listed = async () => (await app.call<{ notes: Array<{ id: string; title: string; status: string }> }>('notes.list')).notes.find((note) => note.title === question);
      const { id } = await eventually(listed, 'the app lists the note of the `ask`');
      await eventually(async () => {
        const { events } = await app.call<{ events: Array<{ text?: string }> }>('notes.transcript', { id });
        return events.some((event) => event.text?.includes('thinking about it...'));
      }, 'the transcript has the agent’s words');
      // While its `ask` lives, the app sees the note running and leaves it alone.
      await eventually(async () => (await listed())?.status === 'running', 'the app sees the note running');

      ask.child.kill('SIGKILL');
      await ask.exit;
      const note = await eventually(async () => {
        const current = await app.note(id);
        return current.frontmatter?.status === 'interrupted' && current;
      }, 'the app marks the note interrupted');
      expect(note.frontmatter!.error).toBe(INTERRUPTED_RUNNING);
      expect(note.body).toBe(`${ODD_SHOWN}thinking about it...\n\n> **Interrupted:** ${INTERRUPTED_RUNNING}\n`);
      expect(controlBytes(await readFile(join(notebook, note.summary.path)))).toBe(0);
      expect(processesWith(marker)).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('a note an older Fieldnotes left `running` and unreadable with an agent’s NUL bytes is readable and interrupted after the next start', async () => {
    const book = await tempDir('fieldnotes-poisoned-');
    const id = '01JDZ8Q6X7M3N4P5R6S7T8V9W0';
    const raw = 'Title\x1b]0;pwned\x07 set, NUL\x00 bytes\x00\n';
    // As Fieldnotes wrote them before agent text was cleaned, under a `fieldnotes ask` that is gone.
    await mkdir(join(book, 'cli-repo'), { recursive: true });
    await writeFile(join(book, 'cli-repo', '2026-11-30-odd-bytes.md'), [
      '---', `id: ${id}`, 'title: Odd bytes', 'question: Odd bytes [escapes]', 'mode: explain', 'status: running',
      'agent:', '  id: custom', "created: '2026-11-30T10:00:00.000Z'", '---', raw,
    ].join('\n'));
    await mkdir(join(book, '.fieldnotes', 'transcripts'), { recursive: true });
    await writeFile(join(book, '.fieldnotes', 'transcripts', `${id}.jsonl`), `${JSON.stringify({ type: 'text', text: raw })}\n`);
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.once('exit', resolve));
    await mkdir(join(book, '.fieldnotes', 'running'), { recursive: true });
    await writeFile(join(book, '.fieldnotes', 'running', `${id}.json`), JSON.stringify({ pid: gone.pid, host: hostname() }));

    const restarted = await startEngine({ home, notebook: book, env: { ...process.env, PATH: BASE_PATH } });
    try {
      const note = await restarted.note(id);
      expect(note.summary.problem).toBeUndefined();
      expect(note.frontmatter).toMatchObject({ status: 'interrupted', error: INTERRUPTED_RUNNING });
      expect(note.body).toBe(`Title set, NUL bytes\n\n> **Interrupted:** ${INTERRUPTED_RUNNING}\n`);
      expect(controlBytes(await readFile(join(book, note.summary.path)))).toBe(0);
    } finally {
      await restarted.close();
    }
  });

  it('a lease whose engine pid now belongs to another process does not keep the note running', async () => {
    const book = await tempDir('fieldnotes-reused-pid-');
    const id = '01JDZ8Q6X7M3N4P5R6S7T8V9W1';
    await mkdir(join(book, 'cli-repo'), { recursive: true });
    await writeFile(join(book, 'cli-repo', '2026-11-30-left-running.md'), [
      '---', `id: ${id}`, 'title: Left running', 'mode: explain', 'status: running', "created: '2026-11-30T10:00:00.000Z'", '---', 'So far so good.\n',
    ].join('\n'));
    // The engine that wrote the lease (its start recorded) died; an unrelated process runs under its pid now.
    const other = spawn('sleep', ['60']);
    try {
      await mkdir(join(book, '.fieldnotes', 'running'), { recursive: true });
      await writeFile(join(book, '.fieldnotes', 'running', `${id}.json`), JSON.stringify({ pid: other.pid, started: await processStart(process.pid), host: hostname() }));
      const restarted = await startEngine({ home, notebook: book, env: { ...process.env, PATH: BASE_PATH } });
      try {
        expect((await restarted.note(id)).frontmatter).toMatchObject({ status: 'interrupted', error: INTERRUPTED_RUNNING });
      } finally {
        await restarted.close();
      }
    } finally {
      other.kill('SIGKILL');
    }
  });
});

describe('fieldnotes ask on a full disk', () => {
  /**
   * `fieldnotes ask` with its notebook on a small disk of its own, which fills up (but for `leave`
   * bytes) once the agent's 2 MB flood is in the transcript and before its answer ends.
   */
  async function askOnFullDisk(context: TestContext, leave: number) {
    const disk = await mountSmallDisk(8 * 1024 * 1024);
    if ('cannot' in disk) {
      console.warn(`skipped: ${disk.cannot}`);
      context.skip(disk.cannot);
      throw new Error('unreachable');
    }
    const release = await tempDir('fieldnotes-release-');
    const small = join(disk.dir, 'Notebook');
    try {
      await mkdir(small);
      const child = spawn(process.execPath, [CLI, '--notebook', small, 'ask', 'Fill the disk [flood 2] [hold full]', '--repo', repo], {
        env: env({ FAKE_RELEASE_DIR: release }), stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      const transcripts = join(small, '.fieldnotes', 'transcripts');
      await eventually(async () => {
        const [file] = await readdir(transcripts).catch(() => [] as string[]);
        return file !== undefined && (await stat(join(transcripts, file))).size > 2 * 1024 * 1024;
      }, `the transcript holds the flood (stderr so far: ${stderr})`);
      await disk.fill(leave);
      await writeFile(join(release, 'full'), '');
      const code = await exit;
      return { disk, small, code, stderr, notePath: /→ (\S+\.md)/.exec(stderr)?.[1] };
    } catch (error) {
      await writeFile(join(release, 'full'), '');
      await disk.unmount();
      throw error;
    }
  }

  it('a final write that fails (the disk filled up) fails the task, shrinks the note to a failed one and exits non-zero saying where', async (context) => {
    const { disk, small, code, stderr, notePath } = await askOnFullDisk(context, 256 * 1024);
    try {
      expect(code).toBe(1);
      expect(stderr).toContain(`[custom] failed in`);
      expect(stderr).toContain(`Could not write the answer into this note: the disk is full: no space left on the device that holds ${small} (ENOSPC)`);
      expect(stderr).toContain('fieldnotes: 1 of 1 task did not finish: custom failed');
      const text = await noteFile(notePath!);
      expect(text).toMatch(/^status: failed$/m);
      expect(text).toMatch(/^error: .*the disk is full/m);
      expect(Buffer.byteLength(text)).toBeLessThan(16 * 1024);
    } finally {
      await disk.unmount();
    }
  });

  it('when not a byte can be written, `ask` still fails saying so, and the note is interrupted once there is room again', async (context) => {
    const { disk, small, code, stderr, notePath } = await askOnFullDisk(context, 0);
    try {
      expect(code).toBe(1);
      expect(stderr).toContain(`the disk is full: no space left on the device that holds ${small} (ENOSPC)`);
      expect(stderr).toContain('The note could not be marked failed either: it says `running` until Fieldnotes starts again and can write it.');
      expect(await noteFile(notePath!)).toMatch(/^status: running$/m);

      await rm(join(disk.dir, 'filler.bin'));
      const restarted = await startEngine({ home, notebook: small, env: { ...process.env, PATH: BASE_PATH } });
      try {
        const [summary] = (await restarted.call<{ notes: Array<{ id: string; title: string }> }>('notes.list')).notes
          .filter((note) => note.title === 'Fill the disk [flood 2] [hold full]');
        expect((await restarted.note(summary!.id)).frontmatter).toMatchObject({ status: 'interrupted', error: INTERRUPTED_RUNNING });
      } finally {
        await restarted.close();
      }
    } finally {
      await disk.unmount();
    }
  });
});

describe('fieldnotes agents', () => {
  it('lists the agents with their versions, and how to install the missing ones', async () => {
    const missing = await fieldnotes(['--json', 'agents']);
    expect(JSON.parse(missing.stdout)).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: 'claude-code', available: false, installHint: 'npm install -g @anthropic-ai/claude-code' }),
      expect.objectContaining({ id: 'custom', available: true, label: 'Fake agent' }),
    ]));
    const installed = await fieldnotes(['agents', '--refresh'], { PATH: `${CLI_BIN}:${BASE_PATH}` });
    expect(installed.code).toBe(0);
    expect(installed.stdout).toMatch(/^claude-code\s+Claude Code\s+\d+\.\d+\.\d+\s+\S+claude$/m);
    expect(installed.stdout).toMatch(/^codex\s+Codex CLI\s+\d+\.\d+\.\d+/m);
    expect(installed.stdout).toMatch(/^gemini\s+Gemini CLI\s+\d+\.\d+\.\d+/m);
  });
});
