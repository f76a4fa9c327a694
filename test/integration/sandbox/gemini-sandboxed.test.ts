// The real Gemini CLI inside Fieldnotes' bwrap sandbox: explain writes fail, reads and resume work.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gemini } from '../../../electron/core/agents/gemini';
import { startGeminiServer } from '../../fixtures/model-servers/gemini';
import { useScriptedCli } from '../../support/scripted-cli-stage';
import { entries, noSandbox, sandboxFor } from '../../support/sandbox-stage';
import { geminiEnv } from '../agents/cli-envs';
import { FIXTURE_FILE, FIXTURE_MARKER, bodiesText, gitStatus, ofType, runToEnd } from '../agents/harness';

describe.skipIf(noSandbox)('Gemini CLI in the OS sandbox', () => {
  const stage = useScriptedCli({ bin: 'gemini', startServer: startGeminiServer, env: (w, t, url) => geminiEnv(w, t, url) });

  it('explain: writes fail, reads work, and the session resumes', async () => {
    const repo = stage.workspace.repo;
    const env = await stage.serve([
      { kind: 'tool', name: 'read_file', input: { file_path: FIXTURE_FILE } },
      { kind: 'tool', name: 'write_file', input: { file_path: path.join(repo, 'pwned.txt'), content: 'x' } },
      { kind: 'tool', name: 'run_shell_command', input: { command: 'touch pwned-by-shell ~/outside' } },
      { kind: 'text', text: 'The secret ingredient is cardamom.' },
      { kind: 'text', text: 'Still cardamom.' },
    ]);
    const home = entries(stage.workspace.home);
    const first = await runToEnd({ adapter: gemini, cwd: repo, env, options: { confine: await sandboxFor(gemini, 'explain', repo, env) } });

    expect(first.outcome.status).toBe('done');
    expect(bodiesText(stage.server.turnRequests().slice(1))).toContain(FIXTURE_MARKER);
    expect(gitStatus(repo)).toBe('');
    expect(entries(stage.workspace.home)).toEqual(home);

    const session = ofType(first.events, 'session')[0]?.session;
    expect(session).toBeTruthy();
    const second = await runToEnd({
      adapter: gemini, cwd: repo, env, prompt: 'And again?', resumeSession: session!,
      options: { confine: await sandboxFor(gemini, 'explain', repo, env) },
    });
    expect(second.outcome.status).toBe('done');
    expect(bodiesText(stage.server.turnRequests().slice(-1))).toContain('The secret ingredient is cardamom.');
  });
});
