// `fieldnotes refresh` as a person runs it: a real process over a real notebook and git repo, the
// scriptable fake agent as the note's agent, exit codes and what it prints.
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { gitIn, makeRepo } from '../../support/git-repo';
import { CLI } from '../../support/paths';
import { tempDir } from '../../support/temp';
import { fakeAgent } from './task-harness';

const run = promisify(execFile);

let home: string;
let notebook: string;
let repo: string;
let prompts: string;

beforeAll(async () => {
  home = await tempDir('fieldnotes-cli-refresh-');
  notebook = join(home, 'Notebook');
  prompts = join(home, 'prompts.log');
  repo = await makeRepo({ 'README.md': 'Version one\n' }, 'refresh-repo');
  await mkdir(home, { recursive: true });
  await writeFile(join(home, 'settings.json'), JSON.stringify({ tasks: { customCommand: fakeAgent(), defaultAgents: ['custom'], sandbox: 'off' } }));
});

async function fieldnotes(args: string[]) {
  const env = {
    HOME: home, FIELDNOTES_HOME: home, FAKE_PROMPT_LOG: prompts, PATH: `${join(process.execPath, '..')}:/usr/local/bin:/usr/bin:/bin`,
    ...(process.env.FIELDNOTES_CLI_FROM_SOURCE ? { FIELDNOTES_CLI_FROM_SOURCE: process.env.FIELDNOTES_CLI_FROM_SOURCE } : {}),
  };
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, '--notebook', notebook, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const field = (text: string, key: string) => new RegExp(`^${key}: (.+)$`, 'm').exec(text)?.[1];

describe('fieldnotes refresh', () => {
  it('asks the note’s question again at HEAD, prints the new note’s path, and links the two notes', async () => {
    const asked = await fieldnotes(['ask', 'What does the readme say? [title The readme] [read README.md]', '--repo', repo]);
    expect(asked.code).toBe(0);
    const oldPath = asked.stdout.trim();
    const oldText = await readFile(oldPath, 'utf8');
    const oldId = field(oldText, 'id')!;
    expect(oldText).toContain('Version one');

    await writeFile(join(repo, 'README.md'), 'Version two\n');
    gitIn(repo, 'commit', '-qam', 'two');
    const head = gitIn(repo, 'rev-parse', 'HEAD').trim();

    const { code, stdout, stderr } = await fieldnotes(['refresh', oldPath]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/\[custom\] started\. Runs Fake agent in .*refresh-repo/);
    expect(stderr).toMatch(/\[custom\] done in \d+\.\d s → /);
    const newPath = stdout.trim();
    expect(newPath).not.toBe(oldPath);
    const newText = await readFile(newPath, 'utf8');
    expect(field(newText, 'supersedes')).toBe(oldId);
    expect(newText).toContain(head);
    expect(newText).toContain('Version two');
    // The old answer went along as context.
    expect((await readFile(prompts, 'utf8')).split('=====').at(-2)).toContain('Version one');
    expect(field(await readFile(oldPath, 'utf8'), 'superseded_by')).toBe(field(newText, 'id'));

    // The old note is superseded now: refreshing it again says which note to refresh instead.
    const again = await fieldnotes(['refresh', oldId]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`already refreshed by ${field(newText, 'id')}`);
  });

  it('says so when the note is not there, and refreshes nothing', async () => {
    const { code, stdout, stderr } = await fieldnotes(['refresh', 'no-such-note']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/No note .*no-such-note[\s\S]*nothing was refreshed/);
  });
});
