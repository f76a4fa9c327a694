// "Let agents consult the notebook" with the real agent CLIs: Claude Code against a scripted model
// server calls search_notes through Fieldnotes' own MCP server during an explain task, the tool
// result carries a word only one note holds, the answer quotes it, and the note records the note
// as consulted. Codex hides MCP tools behind its tool_search: its model searches for them first,
// then calls search_notes from the `mcp__fieldnotes` namespace it was given.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { NotebookServer } from '../../../electron/core/agents/agent-adapter';
import { codex } from '../../../electron/core/agents/codex';
import { gemini } from '../../../electron/core/agents/gemini';
import type { Note } from '../../../shared/model/note';
import type { Turn } from '../../fixtures/model-servers/script-server';
import type { Task } from '../../../shared/model/task';
import { startAnthropicServer } from '../../fixtures/model-servers/anthropic';
import { startGeminiServer } from '../../fixtures/model-servers/gemini';
import { startResponsesServer } from '../../fixtures/model-servers/openai-responses';
import { CLI } from '../../support/paths';
import { ScriptedCliStage, type ScriptedCli } from '../../support/scripted-cli-stage';
import { tempDir } from '../../support/temp';
import { claudeCodeEnv, codexEnv, geminiEnv } from '../agents/cli-envs';
import { bodiesText, cliPath } from '../agents/harness';
import { startEngine, type TestEngine } from '../tasks/task-harness';

const WORD = 'zanzibarite';

let stage: ScriptedCliStage | undefined;
let engine: TestEngine | undefined;
/** The engine keeps the env object it was given: each test's model server refills it. */
const engineEnv: Record<string, string | undefined> = {};

const privateDirs: string[] = [];

/** A folder in the user's home (not world-writable like /tmp), removed after the test. */
async function privateDir(): Promise<string> {
  const dir = await mkdtemp(path.join(homedir(), '.fieldnotes-test-'));
  privateDirs.push(dir);
  return dir;
}

afterEach(async () => {
  await engine?.close();
  await stage?.tearDown();
  engine = stage = undefined;
  await Promise.all(privateDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

interface Case {
  agent: string;
  cli: ScriptedCli;
  /** The model's calls that end in reading the notebook (`wanted` among the rest). */
  calls: (wanted: Note) => Turn[];
  /** A tool the model is offered (before its last call) only when the server is registered. */
  offered: string;
}

const cases: Case[] = [
  {
    agent: 'claude-code',
    cli: { bin: 'claude', startServer: startAnthropicServer, env: claudeCodeEnv },
    calls: (wanted) => [
      { kind: 'tool', name: 'mcp__fieldnotes__search_notes', input: { query: WORD } },
      { kind: 'tool', name: 'mcp__fieldnotes__read_note', input: { id: wanted.summary.id } },
    ],
    offered: 'mcp__fieldnotes__search_notes',
  },
  {
    agent: 'codex',
    cli: { bin: 'codex', startServer: startResponsesServer, env: codexEnv },
    // Codex offers MCP tools only through tool_search ("deferred" tools): a search for them, then
    // the call, named in the namespace tool_search answered with.
    calls: (wanted) => [
      { kind: 'tool', name: 'tool_search', input: { query: 'search_notes' } },
      { kind: 'tool', name: 'mcp__fieldnotes/search_notes', input: { query: WORD } },
      { kind: 'tool', name: 'mcp__fieldnotes/read_note', input: { id: wanted.summary.id } },
    ],
    offered: 'mcp__fieldnotes',
  },
  {
    agent: 'gemini',
    // A pinned model: with "auto", Gemini CLI retries and falls back to Flash, with backoff.
    cli: { bin: 'gemini', startServer: startGeminiServer, env: (workspace, tripwire, url) => geminiEnv(workspace, tripwire, url, { model: 'gemini-scripted' }) },
    // Plan mode (explain) hides MCP tools unless a policy allows them there: the adapter's per-run
    // policy file does, and Gemini names them mcp_<server>_<tool>.
    calls: (wanted) => [
      { kind: 'tool', name: 'mcp_fieldnotes_search_notes', input: { query: WORD } },
      { kind: 'tool', name: 'mcp_fieldnotes_read_note', input: { id: wanted.summary.id } },
    ],
    offered: 'mcp_fieldnotes_search_notes',
  },
];

async function agentWithNotes(c: Case, consultNotebook: boolean, sandbox: 'off' | 'auto' = 'off'): Promise<Note> {
  stage = new ScriptedCliStage(c.cli);
  await stage.setUp();
  // The app's folder, where a run's files go, is not below /tmp: Gemini CLI would refuse its settings file there.
  const home = path.join(await privateDir(), 'fieldnotes');
  engine = await startEngine({ home, env: engineEnv, fieldnotes: { command: process.execPath, args: [CLI] }, tasks: { customCommand: null, consultNotebook, sandbox } });
  const wanted = await engine.call<Note>('notes.create', { title: 'How the recipe is cached', repo: { name: 'repo' }, body: `The cache key is the ${WORD} hash of the recipe.\n` });
  await engine.call<Note>('notes.create', { title: 'How the recipe is printed', repo: { name: 'repo' }, body: 'Printing goes through stdout.\n' });
  return wanted;
}

async function ask(c: Case, script: Parameters<ScriptedCliStage['serve']>[0]): Promise<{ task: Task; note: Note }> {
  for (const key of Object.keys(engineEnv)) delete engineEnv[key];
  Object.assign(engineEnv, await stage!.serve(script));
  const { tasks } = await engine!.call<{ tasks: Task[] }>('tasks.ask', { question: 'How is the recipe cached?', repoPath: stage!.workspace.repo, agents: [c.agent] });
  const [task] = await engine!.finished([tasks[0]!.id]);
  return { task: task!, note: await engine!.note(task!.id) };
}

describe.each(cases)('$agent consults the notebook through Fieldnotes\' MCP server', (c) => {
  it('reads the notes, quotes the word only one note holds, and the note records that note as consulted', async () => {
    const wanted = await agentWithNotes(c, true);
    const calls = c.calls(wanted);
    const { task, note } = await ask(c, [
      ...calls,
      { kind: 'text', text: `Cached by its ${WORD} hash\n\nAn earlier note says the cache key is the ${WORD} hash.` },
    ]);
    expect(task.status, task.error).toBe('done');
    const requests = stage!.server.turnRequests();
    // The model was offered the notebook's tools and told the notes may be stale.
    expect(bodiesText(requests.slice(0, calls.length))).toContain(`"${c.offered}"`);
    expect(bodiesText(requests.slice(0, 1))).toContain('a note may be stale');
    // The tool result it received came from the notebook: the word and the note's id.
    const answered = bodiesText(requests.slice(calls.length, calls.length + 1));
    expect(answered).toContain(`The cache key is the ${WORD} hash`);
    expect(answered).toContain(wanted.summary.id);
    // read_note's result: the note with its provenance (as text, or as structured content).
    expect(answered).toMatch(/not stale: the files it read|\\"markdown\\":/);
    expect(note.body).toContain(WORD);
    expect(note.frontmatter!.consulted).toEqual([wanted.summary.id]);
  });

  it('with "Let agents consult the notebook" off, the run has no notebook tools and the note no consulted list', async () => {
    await agentWithNotes(c, false);
    const { task, note } = await ask(c, [{ kind: 'text', text: 'Cached somehow\n\nNo notes were looked at.' }]);
    expect(task.status, task.error).toBe('done');
    const first = bodiesText(stage!.server.turnRequests().slice(0, 1));
    expect(first).not.toContain(`"${c.offered}"`);
    expect(first).not.toContain('fieldnotes tools');
    expect(note.frontmatter!.consulted).toBeUndefined();
  });
});

// Runs are in bubblewrap by default, and a task's own MCP server runs inside it with the agent:
// the notebook is read-only there, and so is the app's folder, but for the run's own folder.
// Gemini CLI's per-run settings and policy files are written before the sandbox starts it; Codex
// waits for the server (required), which starts slower inside (a cold /tmp).
describe.each(cases)('$agent consults the notebook from inside the OS sandbox', (c) => {
  it('the server still answers from inside the sandbox, and the note records what it served', async () => {
    const wanted = await agentWithNotes(c, true, 'auto');
    const { task, note } = await ask(c, [
      ...c.calls(wanted),
      { kind: 'text', text: `Cached by its ${WORD} hash\n\nAn earlier note says the cache key is the ${WORD} hash.` },
    ]);
    expect(task.status, task.error).toBe('done');
    expect(task.sandbox).toBe('bwrap');
    const calls = c.calls(wanted).length;
    expect(bodiesText(stage!.server.turnRequests().slice(calls, calls + 1))).toContain(`The cache key is the ${WORD} hash`);
    expect(note.frontmatter!.consulted).toEqual([wanted.summary.id]);
  });

});

describe('Codex takes the per-run server as its adapter passes it', () => {
  it('lists the fieldnotes server with its command, arguments, environment and read-only tools', async () => {
    const runDir = await tempDir('fieldnotes-codex-run-');
    const server: NotebookServer = {
      name: 'fieldnotes', command: process.execPath, args: [CLI, '--notebook', '/tmp/a notebook', 'mcp', '--for-task', `${runDir}/consulted.txt`],
      env: { FIELDNOTES_HOME: '/tmp/fieldnotes "home"' }, tools: ['search_notes', 'read_note'], runDir,
    };
    const { args } = codex.buildRun({ mode: 'explain', cwd: runDir, prompt: 'x', env: {}, notebookServer: server });
    const overrides = args.flatMap((arg, i) => (args[i - 1] === '-c' && arg.startsWith('mcp_servers.') ? ['-c', arg] : []));
    const codexHome = await tempDir('fieldnotes-codex-home-');
    const { stdout } = await promisify(execFile)(cliPath('codex'), [...overrides, 'mcp', 'list', '--json'], { env: { ...process.env, CODEX_HOME: codexHome } });
    const [listed] = JSON.parse(stdout) as Array<{ name: string; enabled: boolean; transport: { command: string; args: string[]; env: Record<string, string> } }>;
    expect(listed).toMatchObject({ name: 'fieldnotes', enabled: true, transport: { command: process.execPath, args: server.args, env: server.env } });
  });
});

describe('Gemini CLI takes the per-run server from the settings file its adapter writes', () => {
  it('lists the fieldnotes server from GEMINI_CLI_SYSTEM_SETTINGS_PATH and connects to it', async () => {
    // Gemini CLI reads a settings file only below folders nobody else can write to: not /tmp.
    const home = await privateDir();
    const runDir = path.join(home, 'run');
    await mkdir(runDir);
    const notebook = await tempDir('fieldnotes-gemini-notebook-');
    const server: NotebookServer = {
      name: 'fieldnotes', command: process.execPath, args: [CLI, '--notebook', notebook, 'mcp', '--for-task', `${runDir}/consulted.txt`],
      env: { FIELDNOTES_HOME: home }, tools: ['search_notes', 'read_note'], runDir,
    };
    const run = gemini.buildRun({ mode: 'explain', cwd: runDir, prompt: 'x', env: { ...process.env, HOME: home, GEMINI_CLI_HOME: home }, notebookServer: server });
    for (const file of run.files ?? []) await writeFile(file.path, file.text);
    expect(run.env.GEMINI_CLI_SYSTEM_SETTINGS_PATH).toBe(path.join(runDir, 'gemini-settings.json'));
    // A task runs with --skip-trust; `mcp list` has no such flag, so the folder is trusted through the environment.
    const { stdout, stderr } = await promisify(execFile)(cliPath('gemini'), ['mcp', 'list'], { env: { ...run.env, GEMINI_CLI_TRUST_WORKSPACE: 'true' } as NodeJS.ProcessEnv, cwd: runDir });
    expect(`${stdout}${stderr}`).toMatch(/fieldnotes.*Connected/);
  });
});
