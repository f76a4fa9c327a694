// Broken and odd session files (the only hand-made ones): each gives a session or a clear
// problem of its own, never an exception that ends the listing. And where sessions are looked for.
import { createHash } from 'node:crypto';
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../electron/core/agents/secret-redactor';
import { claudeCodeSessions } from '../../../electron/core/sessions/claude-code-sessions';
import { codexSessions } from '../../../electron/core/sessions/codex-sessions';
import { geminiSessions } from '../../../electron/core/sessions/gemini-sessions';
import { readJsonLinesFile } from '../../../electron/core/sessions/json-lines-file';
import { SessionCache } from '../../../electron/core/sessions/session-cache';
import { scanSessions } from '../../../electron/core/sessions/session-catalog';
import { sessionNoteFields } from '../../../electron/core/sessions/session-note';
import { tempDir } from '../../support/temp';

const scan = async (env: Record<string, string>, filter = {}) => scanSessions({ env, filter, redact: createRedactor({}), cache: await SessionCache.load(null) });

const jsonl = (...lines: unknown[]) => lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n');

function claudeLines(cwd: string | undefined) {
  const where = cwd ? { cwd } : {};
  return [
    { type: 'queue-operation', operation: 'enqueue', sessionId: 's-1' },
    { type: 'user', sessionId: 's-1', uuid: 'u1', timestamp: '2026-12-01T10:00:00.000Z', version: '2.1.332', ...where, message: { role: 'user', content: 'How does X work?' } },
    { type: 'brand-new-kind', sessionId: 's-1', payload: { anything: true } },
    { type: 'assistant', sessionId: 's-1', uuid: 'a1', timestamp: '2026-12-01T10:00:05.000Z', ...where, message: { id: 'm1', model: 'claude-x', content: [{ type: 'text', text: 'X works by Y.' }], usage: { input_tokens: 10, output_tokens: 5 } } },
  ];
}

async function claudeHome(lines: string): Promise<{ env: Record<string, string>; file: string }> {
  const config = await tempDir('fieldnotes-claude-');
  const folder = join(config, 'projects', '-some-project');
  await mkdir(folder, { recursive: true });
  const file = join(folder, 's-1.jsonl');
  await writeFile(file, lines);
  return { env: { CLAUDE_CONFIG_DIR: config, HOME: config }, file };
}

describe('broken session files', () => {
  it('invalid JSON, unknown line types and a truncated last line: the session is read, the problems are named', async () => {
    const project = await tempDir('fieldnotes-project-');
    const text = `${jsonl(...claudeLines(project).slice(0, 3), '{not json at all', claudeLines(project)[3])}\n{"type":"assistant","message":{"content":[{"type":"te`;
    const { file } = await claudeHome(text);
    const session = await claudeCodeSessions.read(file);
    expect(session).toMatchObject({ id: 's-1', project, version: '2.1.332', turns: [{ prompt: 'How does X work?', answer: 'X works by Y.' }] });
    expect(session!.problems).toEqual([
      '1 line is not JSON and was skipped (line 4).',
      'The last line (6) is cut short: the agent may still be writing it.',
    ]);
  });

  it("a /compact summary and Claude Code's own notices are not taken for prompts", async () => {
    const project = await tempDir('fieldnotes-project-');
    const [queued, prompt, odd, answer] = claudeLines(project);
    const { file } = await claudeHome(jsonl(queued, prompt, odd, answer,
      { ...(prompt as object), uuid: 'u2', isCompactSummary: true, message: { role: 'user', content: 'This session is being continued from a previous conversation…' } },
      { ...(prompt as object), uuid: 'u3', message: { role: 'user', content: '<task-notification>\n<task-id>a1</task-id>\n</task-notification>' } },
    ));
    expect((await claudeCodeSessions.read(file))!.turns.map((turn) => turn.prompt)).toEqual(['How does X work?']);
  });

  it('a session with no cwd is listed with its problem, and its note has no repo', async () => {
    const { env, file } = await claudeHome(jsonl(...claudeLines(undefined)));
    const { sessions } = await scan(env, { agent: 'claude-code' });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.problems).toEqual(['No line says which folder the session ran in (no cwd).']);
    const { fields } = await sessionNoteFields((await claudeCodeSessions.read(file))!, createRedactor({}));
    expect(fields.repo).toBeUndefined();
    expect(fields).toMatchObject({ title: 'How does X work?', mode: 'explain', created: '2026-12-01T10:00:00.000Z' });
  });

  it('a project folder that no longer exists: a note with the folder named, no commit, and a problem saying so', async () => {
    const gone = join(await tempDir('fieldnotes-gone-'), 'deleted-project');
    const { file } = await claudeHome(jsonl(...claudeLines(gone)));
    const { fields, problems } = await sessionNoteFields((await claudeCodeSessions.read(file))!, createRedactor({}));
    expect(fields.repo).toEqual({ name: 'deleted-project', path: gone });
    expect(problems).toEqual([`Its project folder ${gone} no longer exists: the note has no commit and no source hashes.`]);
  });

  it('a Codex file in a format the reader does not know is named as a problem, not skipped silently', async () => {
    const home = await tempDir('fieldnotes-codex-');
    const folder = join(home, 'sessions', '2026', '12', '01');
    await mkdir(folder, { recursive: true });
    const file = join(folder, 'rollout-2026-12-01T10-00-00-0199aaaa-bbbb-7ccc-8ddd-eeeeffff0000.jsonl');
    await writeFile(file, jsonl({ timestamp: '2026-12-01T10:00:00Z', type: 'future_format', payload: {} }, 'garbage') + '\n');
    const { sessions } = await scan({ CODEX_HOME: home, HOME: home });
    expect(sessions).toEqual([expect.objectContaining({ id: '0199aaaa-bbbb-7ccc-8ddd-eeeeffff0000', turns: 0, problems: [
      '1 line is not JSON and was skipped (line 2).',
      'It has no session_meta line: its folder and commit are unknown (a format this reader does not know?).',
    ] })]);
  });

  it('Gemini: $rewindTo drops the rewound messages, and a repeated message id keeps its last version', async () => {
    const home = await tempDir('fieldnotes-gemini-');
    const chats = join(home, '.gemini', 'tmp', 'proj', 'chats');
    await mkdir(chats, { recursive: true });
    await writeFile(join(home, '.gemini', 'tmp', 'proj', '.project_root'), '/work/proj');
    const file = join(chats, 'session-2026-12-01T10-00-abcd1234.jsonl');
    await writeFile(file, jsonl(
      { sessionId: 'g-1', projectHash: 'x', startTime: '2026-12-01T10:00:00.000Z', lastUpdated: '2026-12-01T10:00:00.000Z', kind: 'main' },
      { id: 'p1', timestamp: '2026-12-01T10:00:01.000Z', type: 'user', content: [{ text: 'First question' }] },
      { id: 'r1', type: 'gemini', content: 'draft', model: 'gemini-x' },
      { id: 'r1', type: 'gemini', content: 'Final answer one.', model: 'gemini-x', tokens: { input: 3, output: 4 } },
      { id: 'p2', type: 'user', content: [{ text: 'A question taken back' }] },
      { id: 'r2', type: 'gemini', content: 'An answer taken back.' },
      { $rewindTo: 'p2' },
      { id: 'p3', type: 'user', content: [{ text: 'Second question' }] },
      { id: 'r3', type: 'gemini', content: 'Final answer two.' },
      { $set: { lastUpdated: '2026-12-01T10:05:00.000Z' } },
    ));
    const session = await geminiSessions.read(file);
    expect(session).toMatchObject({
      id: 'g-1', project: '/work/proj', ended: '2026-12-01T10:05:00.000Z', model: 'gemini-x', usage: { input_tokens: 3, output_tokens: 4 },
      turns: [{ prompt: 'First question', answer: 'Final answer one.' }, { prompt: 'Second question', answer: 'Final answer two.' }],
    });
  });

  it('a line longer than the limit is skipped with a problem; the lines after it are read', async () => {
    const dir = await tempDir('fieldnotes-long-');
    const file = join(dir, 'long.jsonl');
    await writeFile(file, `${JSON.stringify({ n: 1 })}\n${JSON.stringify({ big: 'x'.repeat(600_000) })}\n${JSON.stringify({ n: 3 })}\n`);
    const seen: unknown[] = [];
    const read = await readJsonLinesFile(file, (record) => seen.push(record), { maxLine: 100_000 });
    expect(seen).toEqual([{ n: 1 }, { n: 3 }]);
    expect(read.problems).toEqual(['Line 2 is longer than 98 KB and was skipped.']);
  });

  it('a rescan with nothing new reads no session file again: the cache answers for files of the same size and mtime', async () => {
    const project = await tempDir('fieldnotes-project-');
    const { env, file } = await claudeHome(jsonl(...claudeLines(project)));
    const notebook = await tempDir('fieldnotes-notebook-');
    await mkdir(join(notebook, '.fieldnotes', 'cache'), { recursive: true });
    const cached = async () => scanSessions({ env, redact: createRedactor({}), cache: await SessionCache.load(notebook) });
    const when = new Date('2026-12-01T10:00:10.000Z');
    await utimes(file, when, when);

    const first = await cached();
    expect(first.sessions[0]!.firstPrompt).toBe('How does X work?');
    const cache = await SessionCache.load(notebook);
    cache.setHeader(first.sessions[0]!);
    await cache.save();
    // Same size, same mtime, other words: a read would see them; the cache does not look.
    await writeFile(file, jsonl(...claudeLines(project)).replace('How does X work?', 'How does Z work?'));
    await utimes(file, when, when);
    expect((await cached()).sessions[0]!.firstPrompt).toBe('How does X work?');
    // A file that changed is read again.
    await utimes(file, when, new Date(when.getTime() + 5_000));
    expect((await cached()).sessions[0]!.firstPrompt).toBe('How does Z work?');
  });
});

describe('files that hold no session of their own', () => {
  it("a Codex sub-agent's rollout is not listed, and a rescan does not read it again until it changes", async () => {
    const home = await tempDir('fieldnotes-codex-');
    const folder = join(home, 'sessions', '2026', '12', '01');
    await mkdir(folder, { recursive: true });
    const parent = '0199aaaa-bbbb-7ccc-8ddd-000000000001';
    const child = '0199aaaa-bbbb-7ccc-8ddd-000000000002';
    const meta = (id: string, extra = {}) => ({ timestamp: '2026-12-01T10:00:00Z', type: 'session_meta', payload: { id, cwd: '/work/p', cli_version: '0.171.0', ...extra } });
    const said = (text: string) => ({ timestamp: '2026-12-01T10:00:01Z', type: 'event_msg', payload: { type: 'item_completed', item: { type: 'UserMessage', content: [{ type: 'text', text }] } } });
    const read = (path: string) => ({ timestamp: '2026-12-01T10:00:02Z', type: 'event_msg', payload: { type: 'item_completed', item: { type: 'CommandExecution', id: 'c1', command: ['bash', '-lc', `cat ${path}`], parsed_cmd: [{ type: 'read', path }], exit_code: 0 } } });
    await writeFile(join(folder, `rollout-2026-12-01T10-00-00-${parent}.jsonl`), jsonl(meta(parent), said('Look around with a helper.'), read('a.md')) + '\n');
    const childFile = join(folder, `rollout-2026-12-01T10-00-01-${child}.jsonl`);
    await writeFile(childFile, jsonl(meta(child, { parent_thread_id: parent, thread_source: 'subagent' }), read('b.md')) + '\n');

    const reads: string[] = [];
    const counted = { ...codexSessions, read: (file: string) => (reads.push(file), codexSessions.read(file)) };
    const notebook = await tempDir('fieldnotes-notebook-');
    await mkdir(join(notebook, '.fieldnotes', 'cache'), { recursive: true });
    const scanWith = async () => {
      const cache = await SessionCache.load(notebook);
      const found = await scanSessions({ env: { CODEX_HOME: home, HOME: home }, redact: createRedactor({}), cache, sources: [counted] });
      await cache.save(found.files);
      return found;
    };
    const first = await scanWith();
    expect(first.sessions.map((session) => session.id)).toEqual([parent]);
    expect(reads).toHaveLength(2);
    const session = await codexSessions.read(join(folder, `rollout-2026-12-01T10-00-00-${parent}.jsonl`));
    expect(session!.turns[0]!.tools.map((tool) => [tool.name, tool.reads])).toEqual([['exec_command', ['a.md']], ['exec_command (sub-agent)', ['b.md']]]);

    reads.length = 0;
    expect((await scanWith()).sessions.map((each) => each.id)).toEqual([parent]);
    expect(reads).toEqual([]);
    // It changed: read again.
    await writeFile(childFile, jsonl(meta(child, { parent_thread_id: parent }), read('b.md'), read('c.md')) + '\n');
    await scanWith();
    expect(reads).toEqual([childFile]);
  });
});

describe('where the sessions are looked for', () => {
  it('in the folders the agents themselves use, from the same environment variables', () => {
    expect(claudeCodeSessions.roots({ HOME: '/home/me' })).toEqual(['/home/me/.claude/projects', '/home/me/.config/claude/projects']);
    expect(claudeCodeSessions.roots({ HOME: '/home/me', CLAUDE_CONFIG_DIR: '/cfg/claude' })).toEqual(['/cfg/claude/projects']);
    expect(codexSessions.roots({ HOME: '/home/me' })).toEqual(['/home/me/.codex/sessions']);
    expect(codexSessions.roots({ HOME: '/home/me', CODEX_HOME: '/cfg/codex' })).toEqual(['/cfg/codex/sessions']);
    expect(geminiSessions.roots({ HOME: '/home/me' })).toEqual(['/home/me/.gemini/tmp']);
    expect(geminiSessions.roots({ HOME: '/home/me', GEMINI_CLI_HOME: '/cfg/gemini' })).toEqual(['/cfg/gemini/.gemini/tmp']);
  });

  it("Gemini: a chat folder without .project_root finds its folder in projects.json by the session's projectHash", async () => {
    const home = await tempDir('fieldnotes-gemini-');
    const project = '/work/some project';
    const chats = join(home, '.gemini', 'tmp', 'some-project', 'chats');
    await mkdir(chats, { recursive: true });
    await writeFile(join(home, '.gemini', 'projects.json'), JSON.stringify({ projects: { '/work/other': 'other', [project]: 'some-project' } }));
    const file = join(chats, 'session-2026-12-01T10-00-abcd1234.jsonl');
    const hash = createHash('sha256').update(project).digest('hex');
    await writeFile(file, jsonl(
      { sessionId: 'g-2', projectHash: hash, startTime: '2026-12-01T10:00:00.000Z', kind: 'main' },
      { id: 'p1', type: 'user', content: [{ text: 'Where am I?' }] },
      { id: 'r1', type: 'gemini', content: 'In some project.' },
    ));
    expect(await geminiSessions.read(file)).toMatchObject({ id: 'g-2', project, problems: [] });
    await writeFile(join(home, '.gemini', 'projects.json'), '{"projects":{}}');
    expect((await geminiSessions.read(file))!.problems).toEqual(['Its project folder is not recorded (no .project_root, nothing in projects.json matches its projectHash).']);
  });
});
