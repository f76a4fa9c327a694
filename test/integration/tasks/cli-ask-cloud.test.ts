// `fieldnotes ask --agent jules` as a person runs it: a real process against the scripted Jules
// API, saying on stderr that the question and the code leave the machine and where the task is,
// printing the note's path; without a key, it says how to sign in and exits non-zero.
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JulesServer } from '../../fixtures/cloud-services/jules-server';
import { CLI } from '../../support/paths';
import { tempDir } from '../../support/temp';
import { pushedRepo } from '../../support/pushed-repo';

const run = promisify(execFile);
let jules: JulesServer;
let home: string;

beforeAll(async () => {
  jules = await new JulesServer().start();
  home = await tempDir('fieldnotes-cli-cloud-');
  await mkdir(home, { recursive: true });
  await writeFile(join(home, 'settings.json'), JSON.stringify({ tasks: { cloud: { julesBaseUrl: jules.baseUrl } } }));
});
afterAll(() => jules.close());

async function fieldnotes(args: string[], extra: Record<string, string> = {}) {
  const env = {
    HOME: home, FIELDNOTES_HOME: home, PATH: process.env.PATH ?? '',
    ...(process.env.FIELDNOTES_CLI_FROM_SOURCE ? { FIELDNOTES_CLI_FROM_SOURCE: process.env.FIELDNOTES_CLI_FROM_SOURCE } : {}),
    ...extra,
  };
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, '--notebook', join(home, 'Notebook'), ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('fieldnotes ask --agent jules', () => {
  it('sends the question, says it leaves the machine and where it runs, and prints the note', async () => {
    jules.script = { states: ['COMPLETED'], message: 'Widgets are counted in src/widget.ts.', pr: 'https://github.com/acme/widgets/pull/9' };
    const repo = await pushedRepo();
    const result = await fieldnotes(['ask', '--repo', repo, '--agent', 'jules', '--mode', 'poc', 'Count the widgets'], { JULES_API_KEY: jules.key });
    expect(result.stderr).toContain("[jules] started. Runs at Google's Jules service on acme/widgets, branch main as pushed: the question and the code leave this machine.");
    expect(result.stderr).toContain('https://jules.google.com/session/');
    expect(result.stderr).toContain('[jules] pull request: https://github.com/acme/widgets/pull/9');
    expect(result.code).toBe(0);
    const file = result.stdout.trim();
    const text = await readFile(file, 'utf8');
    expect(text).toContain('Widgets are counted in src/widget.ts.');
    expect(text).toContain('pr: https://github.com/acme/widgets/pull/9');
    expect(text).not.toContain(jules.key);
  });

  it('without a key, says how to sign in', async () => {
    const result = await fieldnotes(['ask', '--repo', await pushedRepo(), '--agent', 'jules', 'Count the widgets']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('Jules is not signed in. Create an API key at https://jules.google.com/settings#api and set JULES_API_KEY');
  });

  it('`fieldnotes agents` lists the cloud agents and how to sign in', async () => {
    const result = await fieldnotes(['agents']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^jules\s+Jules\s+cloud \(Google's Jules service\): not available\. Jules is not signed in\. Sign in: Create an API key/m);
  });

  it('lists the cloud agents in its help', async () => {
    const result = await fieldnotes(['ask', '--help']);
    expect(result.stdout.replace(/\s+/g, ' ')).toMatch(/codex-cloud, jules, copilot/);
  });
});
