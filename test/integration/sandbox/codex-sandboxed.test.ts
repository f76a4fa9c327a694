// The real Codex CLI inside Fieldnotes' bwrap sandbox, with its own bwrap sandbox nested inside.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codex } from '../../../electron/core/agents/codex';
import { startResponsesServer } from '../../fixtures/model-servers/openai-responses';
import { useScriptedCli } from '../../support/scripted-cli-stage';
import { entries, hostTmpProbe, noSandbox, sandboxFor } from '../../support/sandbox-stage';
import { codexEnv } from '../agents/cli-envs';
import { FIXTURE_FILE, FIXTURE_MARKER, bodiesText, gitStatus, ofType, runToEnd } from '../agents/harness';

describe.skipIf(noSandbox)('Codex CLI in the OS sandbox', () => {
  const stage = useScriptedCli({ bin: 'codex', startServer: startResponsesServer, env: codexEnv });

  it('explain: every way to write fails, reads work, and the session resumes', async () => {
    const tmp = hostTmpProbe();
    const env = await stage.serve([
      { kind: 'tool', name: 'exec_command', input: { cmd: `cat ${FIXTURE_FILE}` } },
      { kind: 'tool', name: 'exec_command', input: { cmd: 'echo changed > README.md; sed -i s/cardamom/salt/ docs/recipe.md; touch pwned.txt' } },
      { kind: 'tool', name: 'exec_command', input: { cmd: 'git -c user.name=x -c user.email=x@x commit --allow-empty -m pwned' } },
      { kind: 'tool', name: 'exec_command', input: { cmd: `touch ~/outside; echo x > ${tmp}` } },
      { kind: 'tool', name: 'apply_patch', input: { input: '*** Begin Patch\n*** Add File: patched.txt\n+x\n*** End Patch\n' } },
      { kind: 'text', text: 'The secret ingredient is cardamom.' },
      { kind: 'text', text: 'Still cardamom.' },
    ]);
    const home = entries(stage.workspace.home);
    const head = await readFile(path.join(stage.workspace.repo, '.git', 'HEAD'), 'utf8');
    const cwd = stage.workspace.repo;
    const first = await runToEnd({ adapter: codex, cwd, env, options: { confine: await sandboxFor(codex, 'explain', cwd, env) } });

    expect(first.outcome.status).toBe('done');
    const seen = bodiesText(stage.server.turnRequests().slice(1));
    expect(seen).toContain(FIXTURE_MARKER);
    expect(seen).toContain('Read-only file system');
    expect(gitStatus(stage.workspace.repo)).toBe('');
    expect(await readFile(path.join(stage.workspace.repo, '.git', 'HEAD'), 'utf8')).toBe(head);
    expect(entries(stage.workspace.home)).toEqual(home);
    expect(existsSync(tmp)).toBe(false);

    // Its session state was kept in CODEX_HOME: a follow-up resumes the thread.
    const session = ofType(first.events, 'session')[0]?.session;
    expect(session).toBeTruthy();
    const second = await runToEnd({
      adapter: codex, cwd, env, prompt: 'And again?', resumeSession: session!,
      options: { confine: await sandboxFor(codex, 'explain', cwd, env) },
    });
    expect(second.outcome.status).toBe('done');
    expect(bodiesText(stage.server.turnRequests().slice(-1))).toContain('The secret ingredient is cardamom.');
  });

  it('poc in a git worktree of the repo: a patch and a command land in the checkout only', async () => {
    const { repo, root } = stage.workspace;
    const checkout = path.join(root, 'checkout');
    const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
    git(repo, 'worktree', 'add', '--detach', '--quiet', checkout, 'HEAD');
    const outside = path.join(root, 'outside.txt');
    const env = await stage.serve([
      { kind: 'tool', name: 'apply_patch', input: { input: '*** Begin Patch\n*** Add File: poc.mjs\n+console.log(6 * 7);\n*** End Patch\n' } },
      { kind: 'tool', name: 'exec_command', input: { cmd: 'node poc.mjs > out.txt' } },
      { kind: 'tool', name: 'exec_command', input: { cmd: 'git add -A && git -c user.name=x -c user.email=x@x.invalid commit -qm poc' } },
      { kind: 'tool', name: 'exec_command', input: { cmd: `touch ${outside} ${path.join(repo, 'pwned.txt')}` } },
      { kind: 'text', text: 'It prints 42.' },
    ]);
    const head = git(repo, 'rev-parse', 'HEAD');
    const { outcome } = await runToEnd({
      adapter: codex, mode: 'poc', cwd: checkout, env, options: { confine: await sandboxFor(codex, 'poc', checkout, env, repo) },
    });

    expect(outcome.status).toBe('done');
    expect(await readFile(path.join(checkout, 'out.txt'), 'utf8')).toBe('42\n');
    // Codex's own workspace-write sandbox keeps the worktree's git folder (outside its cwd) read-only,
    // whatever ours allows: its commit is refused by Codex (a custom command's commit goes through).
    expect(bodiesText(stage.server.turnRequests().slice(-1))).toMatch(/worktrees\/checkout\/index\.lock': Read-only file system/);
    expect(git(checkout, 'log', '-1', '--format=%s')).toBe('fixture');
    expect(existsSync(outside)).toBe(false);
    expect(gitStatus(repo)).toBe('');
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(head);
  });
});
