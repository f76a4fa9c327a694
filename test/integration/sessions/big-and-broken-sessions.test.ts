// Big and broken session files through the whole import: a 100 MB session is read as a stream
// (within a 64 MB heap, where reading it whole cannot fit) with its progress told as it goes, and
// each broken file (a cut-short last line, a line that is not JSON, line types nobody knows, no
// cwd, a project folder that is gone, nothing readable at all) gives a note or a clear problem of
// its own while the others are imported. Hand-made files: a real CLI would take hours to write
// 100 MB, and does not write broken files on purpose.
import { execFileSync } from 'node:child_process';
import { appendFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/contract';
import type { SessionImportResult } from '../../../shared/contract/sessions';
import { runCli } from '../../support/cli-process';
import { echoFor, writeClaudeSession } from '../../support/synthetic-sessions';
import { tempDir } from '../../support/temp';
import { startEngine } from '../tasks/task-harness';

const BIG_ID = '11111111-2222-4333-8444-555555555555';
/** The old-space heap the import runs in: far less than the file, as a string, would take. */
const HEAP_MB = 64;

let root: string;
let repo: string;
let config: string;
let env: Record<string, string | undefined>;

async function gitRepo(dir: string): Promise<void> {
  await mkdir(join(dir, 'src'), { recursive: true });
  await writeFile(join(dir, 'src', 'file-0.ts'), 'export const value0 = 0;\n');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  git('add', '.');
  git('-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', 'commit', '-qm', 'start');
}

beforeAll(async () => {
  root = await tempDir('fieldnotes-big-sessions-');
  repo = join(root, 'repo');
  await gitRepo(repo);
  config = join(root, 'claude');
  env = { HOME: root, CLAUDE_CONFIG_DIR: config, CODEX_HOME: join(root, 'no-codex'), GEMINI_CLI_HOME: join(root, 'no-gemini'), PATH: process.env.PATH };
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('a 100 MB session', () => {
  let file: string;
  let bytes: number;

  beforeAll(async () => {
    const folder = join(config, 'projects', '-big');
    await mkdir(folder, { recursive: true });
    file = join(folder, `${BIG_ID}.jsonl`);
    // Run after the repo's commit: the note pins that commit and the blobs of the files it read.
    bytes = await writeClaudeSession(file, { id: BIG_ID, repo, turns: 1000, echo: echoFor(100, 1000), start: Date.now() + 1000 });
    expect(bytes).toBeGreaterThan(95 * 1024 * 1024);
  }, 120_000);

  afterAll(async () => {
    await rm(join(config, 'projects', '-big'), { recursive: true, force: true });
  });

  it(`is imported by \`fieldnotes sessions import\` within a ${HEAP_MB} MB heap, where reading it whole runs out of memory`, async () => {
    const heap = { NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}` };
    // The control: the same file read at once, its lines then parsed, does not fit in that heap.
    const readWhole = join(root, 'read-whole.cjs');
    await writeFile(readWhole, "const text = require('node:fs').readFileSync(process.argv[2], 'utf8');\nconsole.log(text.split('\\n').filter(Boolean).map((line) => JSON.parse(line)).length);\n");
    const whole = await runCli([file], { launcher: readWhole, env: heap });
    expect(whole.code).not.toBe(0);
    expect(whole.stderr).toMatch(/heap out of memory|Allocation failed/);

    const notebook = join(root, 'cli-notebook');
    const imported = await runCli(['--notebook', notebook, '--json', 'sessions', 'import', '--all'], { env: { ...env, FIELDNOTES_HOME: join(root, 'cli-home'), ...heap } });
    expect(imported.code, imported.stderr).toBe(0);
    const { results } = JSON.parse(imported.stdout) as { results: SessionImportResult[] };
    expect(results).toEqual([expect.objectContaining({ status: 'created', session: BIG_ID, problems: [] })]);
  }, 300_000);

  it('tells its progress by bytes read as it goes, and the note holds every turn', async () => {
    const engine = await startEngine({ home: join(root, 'engine-home'), env });
    try {
      const { results } = await engine.call<{ results: SessionImportResult[] }>('sessions.import', { all: true });
      expect(results).toEqual([expect.objectContaining({ status: 'created', session: BIG_ID })]);
      const progress = engine.events.filter((event) => event.name === 'sessions.progress').map((event) => event.payload as EventPayload<'sessions.progress'>);
      expect(progress.length).toBeGreaterThanOrEqual(10);
      expect(progress.length).toBeLessThanOrEqual(101);
      for (const [i, step] of progress.entries()) {
        expect(step).toMatchObject({ agent: 'claude-code', session: BIG_ID, file, bytes });
        if (i > 0) expect(step.bytesRead).toBeGreaterThan(progress[i - 1]!.bytesRead);
      }
      expect(progress.at(-1)!.bytesRead).toBe(bytes);
      const note = await engine.note(results[0]!.noteId!);
      const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
      expect(note.frontmatter).toMatchObject({ repo: { path: repo, commit: head }, imported_from: { turns: 1000, bytes } });
      // Twenty files read, one of them in the repo at that commit.
      expect(note.frontmatter!.sources).toHaveLength(20);
      expect(note.frontmatter!.sources).toContainEqual({ path: 'src/file-0.ts', blob: expect.stringMatching(/^[0-9a-f]{40}$/) });
      expect(note.body).toContain('## 1000. Question 999 of session');
    } finally {
      await engine.close();
    }
  }, 300_000);
});

const line = (record: unknown) => `${JSON.stringify(record)}\n`;

/** The lines of a one-turn Claude Code session that ran in `cwd` (none when undefined). */
function claudeTurn(id: string, cwd: string | undefined, question: string, answer: string): string[] {
  const where = cwd === undefined ? {} : { cwd };
  const at = (s: number) => new Date(Date.UTC(2026, 11, 1, 10, 0, s)).toISOString();
  return [
    line({ type: 'queue-operation', operation: 'enqueue', sessionId: id, timestamp: at(0) }),
    line({ type: 'user', uuid: `${id}-u`, sessionId: id, timestamp: at(1), version: '2.1.332', ...where, message: { role: 'user', content: question } }),
    line({ type: 'assistant', uuid: `${id}-a`, sessionId: id, timestamp: at(2), version: '2.1.332', ...where, message: { id: `${id}-m`, model: 'claude-x', content: [{ type: 'text', text: answer }], usage: { input_tokens: 10, output_tokens: 5 } } }),
  ];
}

describe('broken session files', () => {
  it('each gives a note or a clear problem of its own, and the rest are imported', async () => {
    const folder = join(config, 'projects', '-broken');
    await mkdir(folder, { recursive: true });
    const gone = join(root, 'deleted-project');
    const write = (name: string, text: string) => writeFile(join(folder, `${name}.jsonl`), text);
    const [queued, prompt, answer] = claudeTurn('cut-short', repo, 'Where does the cut happen?', 'At the end.');
    await write('cut-short', `${queued}${prompt}${answer}{"type":"assistant","message":{"content":[{"type":"te`);
    const [q2, p2, a2] = claudeTurn('not-json', repo, 'What is not JSON?', 'One line.');
    await write('not-json', `${q2}${p2}{this is not json\n${a2}`);
    const [q3, p3, a3] = claudeTurn('unknown-types', repo, 'Which types are new?', 'Some.');
    await write('unknown-types', `${q3}${line({ type: 'hologram', sessionId: 'unknown-types', beams: 3 })}${p3}${line({ type: 'mode', mode: 'warp' })}${a3}`);
    await write('no-cwd', claudeTurn('no-cwd', undefined, 'Where did this run?', 'Nobody knows.').join(''));
    await write('gone', claudeTurn('gone', gone, 'Where did the project go?', 'It was deleted.').join(''));
    await write('garbage', 'not a session\nat all\n');

    const engine = await startEngine({ home: join(root, 'broken-home'), env });
    try {
      const { results } = await engine.call<{ results: SessionImportResult[] }>('sessions.import', { all: true });
      const by = (session: string) => results.find((result) => result.session === session);
      expect(results).toHaveLength(6);
      expect(by('cut-short')).toMatchObject({ status: 'created', problems: ['The last line (4) is cut short: the agent may still be writing it.'] });
      expect(by('not-json')).toMatchObject({ status: 'created', problems: ['1 line is not JSON and was skipped (line 3).'] });
      expect(by('unknown-types')).toMatchObject({ status: 'created', problems: [] });
      expect(by('no-cwd')).toMatchObject({ status: 'created', problems: ['No line says which folder the session ran in (no cwd).'] });
      expect(by('gone')).toMatchObject({ status: 'created', problems: [`Its project folder ${gone} no longer exists: the note has no commit and no source hashes.`] });
      expect(by('garbage')).toMatchObject({ status: 'failed', message: 'No conversation could be read from it.', problems: ['2 lines are not JSON and were skipped (line 1, 2).', 'No line says which folder the session ran in (no cwd).'] });

      for (const [session, body] of [['cut-short', 'At the end.'], ['not-json', 'One line.'], ['unknown-types', 'Some.'], ['no-cwd', 'Nobody knows.'], ['gone', 'It was deleted.']] as const) {
        expect((await engine.note(by(session)!.noteId!)).body).toBe(`${body}\n`);
      }
      expect((await engine.note(by('no-cwd')!.noteId!)).frontmatter!.repo).toBeUndefined();
      expect((await engine.note(by('gone')!.noteId!)).frontmatter!.repo).toEqual({ name: 'deleted-project', path: gone });

      // The listing names the problems too, beside each session.
      const { sessions } = await engine.call<{ sessions: Array<{ id: string; problems: string[] }> }>('sessions.list', {});
      expect(sessions.find((session) => session.id === 'no-cwd')!.problems).toEqual(['No line says which folder the session ran in (no cwd).']);
    } finally {
      await engine.close();
      await rm(folder, { recursive: true, force: true });
    }
  }, 120_000);

  it('a note the user edited, whose session then changed its last turn without a new one, is left as it is and the conflict is said', async () => {
    const folder = join(config, 'projects', '-edited');
    await mkdir(folder, { recursive: true });
    const file = join(folder, 'edited.jsonl');
    await writeFile(file, claudeTurn('edited', repo, 'How does routing work?', 'Routing starts in router.ts.').join(''));
    const engine = await startEngine({ home: join(root, 'edited-home'), env });
    try {
      const [created] = (await engine.call<{ results: SessionImportResult[] }>('sessions.import', { ids: ['edited'] })).results;
      await engine.call('notes.update', { id: created!.noteId, body: 'My own words about routing.\n' });
      // The last turn's answer goes on (as when the import ran while the agent was still writing).
      await appendFile(file, line({ type: 'assistant', uuid: 'edited-b', sessionId: 'edited', timestamp: '2026-12-01T10:00:09.000Z', cwd: repo, message: { id: 'edited-m2', model: 'claude-x', content: [{ type: 'text', text: 'And it ends in handlers.ts.' }] } }));
      const [again] = (await engine.call<{ results: SessionImportResult[] }>('sessions.import', { ids: ['edited'] })).results;
      expect(again).toMatchObject({ status: 'conflict', noteId: created!.noteId, message: 'The note was edited in the notebook and the session changed its last turn: the note was left as it is.' });
      expect((await engine.note(created!.noteId!)).body).toBe('My own words about routing.\n');
    } finally {
      await engine.close();
      await rm(folder, { recursive: true, force: true });
    }
  }, 120_000);
});
