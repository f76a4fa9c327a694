// `fieldnotes ask` and `fieldnotes agents` as a person runs them: real processes, exit codes,
// Ctrl-C, and a `fieldnotes ask` killed outright whose note the next engine start recovers.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startResponsesServer } from '../../fixtures/model-servers/openai-responses';
import { ScriptedCliStage } from '../../support/scripted-cli-stage';
import { codexEnv } from '../agents/cli-envs';
import { CLI_BIN, processesWith } from '../agents/harness';
import { makeRepo } from '../../support/git-repo';
import { CLI } from '../../support/paths';
import { tempDir } from '../../support/temp';
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
  await writeFile(join(home, 'settings.json'), JSON.stringify({ tasks: { customCommand: fakeAgent(marker), defaultAgents: ['custom'] } }));
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
