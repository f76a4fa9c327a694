// The real Claude Code inside Fieldnotes' bwrap sandbox: explain writes fail, reads and resume
// work; in poc its own command sandbox nests inside ours and writes land in the scratch folder only.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { claudeCode } from '../../../electron/core/agents/claude-code';
import { startAnthropicServer } from '../../fixtures/model-servers/anthropic';
import { useScriptedCli } from '../../support/scripted-cli-stage';
import { entries, hostTmpProbe, noSandbox, sandboxFor } from '../../support/sandbox-stage';
import { claudeCodeEnv } from '../agents/cli-envs';
import { FIXTURE_FILE, FIXTURE_MARKER, bodiesText, gitStatus, ofType, runToEnd } from '../agents/harness';

describe.skipIf(noSandbox)('Claude Code in the OS sandbox', () => {
  const stage = useScriptedCli({ bin: 'claude', startServer: startAnthropicServer, env: claudeCodeEnv });

  it('explain: writes fail, reads work, and the session resumes', async () => {
    const repo = stage.workspace.repo;
    const env = await stage.serve([
      { kind: 'tool', name: 'Read', input: { file_path: path.join(repo, FIXTURE_FILE) } },
      { kind: 'tool', name: 'Write', input: { file_path: path.join(repo, 'pwned.txt'), content: 'x' } },
      { kind: 'tool', name: 'Bash', input: { command: 'touch pwned-by-bash ~/outside' } },
      { kind: 'text', text: 'The secret ingredient is cardamom.' },
      { kind: 'text', text: 'Still cardamom.' },
    ]);
    const home = entries(stage.workspace.home);
    const first = await runToEnd({ adapter: claudeCode, cwd: repo, env, options: { confine: await sandboxFor(claudeCode, 'explain', repo, env) } });

    expect(first.outcome.status).toBe('done');
    expect(bodiesText(stage.server.turnRequests().slice(1))).toContain(FIXTURE_MARKER);
    expect(gitStatus(repo)).toBe('');
    expect(entries(stage.workspace.home)).toEqual(home);

    const session = ofType(first.events, 'session')[0]?.session;
    expect(session).toBeTruthy();
    const second = await runToEnd({
      adapter: claudeCode, cwd: repo, env, prompt: 'And again?', resumeSession: session!,
      options: { confine: await sandboxFor(claudeCode, 'explain', repo, env) },
    });
    expect(second.outcome.status).toBe('done');
    expect(bodiesText(stage.server.turnRequests().slice(-1))).toContain('The secret ingredient is cardamom.');
  });

  it('poc: a file and a command write in the scratch folder; outside it, nothing', async () => {
    const scratch = stage.workspace.scratch;
    const outside = path.join(stage.workspace.root, 'outside.txt');
    const tmp = hostTmpProbe();
    const env = await stage.serve([
      { kind: 'tool', name: 'Write', input: { file_path: path.join(scratch, 'poc.mjs'), content: 'console.log(6 * 7);\n' } },
      { kind: 'tool', name: 'Bash', input: { command: `node poc.mjs > out.txt; touch ${outside}; echo x > ${tmp}` } },
      { kind: 'text', text: 'It prints 42.' },
    ]);
    const { outcome } = await runToEnd({
      adapter: claudeCode, mode: 'poc', cwd: scratch, env, options: { confine: await sandboxFor(claudeCode, 'poc', scratch, env) },
    });

    expect(outcome.status).toBe('done');
    expect(await readFile(path.join(scratch, 'poc.mjs'), 'utf8')).toBe('console.log(6 * 7);\n');
    expect(existsSync(outside)).toBe(false);
    expect(existsSync(tmp)).toBe(false);
    // The command ran in Claude Code's own bwrap sandbox, nested inside ours.
    expect(await readFile(path.join(scratch, 'out.txt'), 'utf8')).toBe('42\n');
  });
});
