// `fieldnotes sessions list|import` over sessions the real Codex CLI wrote: found through CODEX_HOME
// as Codex itself finds them, imported once, then reported unchanged or updated.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codex } from '../../../electron/core/agents/codex';
import { startResponsesServer } from '../../fixtures/model-servers/openai-responses';
import { runCli } from '../../support/cli-process';
import { useAgentSessions } from '../../support/agent-sessions';
import { codexEnv } from '../agents/cli-envs';
import { FIXTURE_FILE } from '../agents/harness';

const sessions = useAgentSessions({ bin: 'codex', startServer: startResponsesServer, env: codexEnv }, codex);

describe('fieldnotes sessions', () => {
  it('lists a Codex session, imports it (printing the note path), then says unchanged, then updated once it grew', async () => {
    const notebook = join(sessions.workspace.root, 'cli-notebook');
    const fieldnotes = (...args: string[]) => runCli(['--notebook', notebook, ...args], {
      env: { FIELDNOTES_HOME: join(sessions.workspace.root, 'fieldnotes-home'), HOME: sessions.workspace.home, CODEX_HOME: sessions.env.CODEX_HOME, CLAUDE_CONFIG_DIR: join(sessions.workspace.root, 'no-claude'), GEMINI_CLI_HOME: join(sessions.workspace.root, 'no-gemini') },
    });
    await sessions.serve([
      { kind: 'tool', name: 'exec_command', input: { cmd: `cat ${FIXTURE_FILE}` } },
      { kind: 'text', text: 'It is cardamom.' },
      { kind: 'text', text: 'Nothing else.' },
    ]);
    const { session } = await sessions.run('Which spice does the recipe use?');

    const list = await fieldnotes('sessions', 'list');
    expect(list).toMatchObject({ code: 0 });
    expect(list.stdout).toContain(`${session}  codex  repo  `);
    expect(list.stdout).toContain('1 turn  not imported');
    expect(list.stdout).toContain('    Which spice does the recipe use?');

    const first = await fieldnotes('sessions', 'import', session.slice(0, 13));
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^created +repo\/\d{4}-\d{2}-\d{2}-which-spice-does-the-recipe-use\.md\n$/);
    expect((await fieldnotes('sessions', 'import', '--all', '--agent', 'codex')).stdout).toMatch(/^unchanged +repo\/.*\.md\n$/);
    // The cache is derived data: without it the note is found again by its imported_from, not made twice.
    await rm(join(notebook, '.fieldnotes', 'cache', 'sessions.json'));
    expect((await fieldnotes('sessions', 'import', '--all')).stdout).toMatch(/^unchanged +repo\/.*\.md\n$/);

    await sessions.run('Anything else?', { resume: session });
    expect((await fieldnotes('sessions', 'import', '--all', '--repo', sessions.workspace.repo)).stdout).toMatch(/^updated +repo\/.*\.md\n$/);
    const listed = JSON.parse((await fieldnotes('--json', 'sessions', 'list', '--since', '2000-01-01')).stdout) as { sessions: Array<{ id: string; turns: number; imported: unknown }> };
    expect(listed.sessions).toEqual([expect.objectContaining({ id: session, turns: 2, imported: expect.objectContaining({ current: true }) })]);

    const none = await fieldnotes('sessions', 'import');
    expect(none).toMatchObject({ code: 2, stderr: 'fieldnotes: Name the sessions to import, or give --all.\n' });
  }, 120_000);
});
