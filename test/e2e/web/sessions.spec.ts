// The Sessions view in the browser: sessions the real Codex CLI wrote (against a scripted model
// server) are listed by codebase with a preview, imported with one click, then marked as in the
// notebook and opened from there.
import { join } from 'node:path';
import { codex } from '../../../electron/core/agents/codex';
import { startResponsesServer } from '../../fixtures/model-servers/openai-responses';
import { codexEnv } from '../../integration/agents/cli-envs';
import { FIXTURE_FILE, createWorkspace, runToEnd, startTripwire, type Tripwire, type Workspace } from '../../integration/agents/harness';
import { startServeProcess, type ServeProcess } from '../../support/serve-process';
import { copyNotebook, removeDir, tempDir } from '../../support/temp';
import { fixtureNotebook } from '../../support/paths';
import { expect, openApp, test } from './fixtures';

let workspace: Workspace;
let tripwire: Tripwire;
let server: ServeProcess;
let notebook: string;

test.beforeAll(async () => {
  workspace = await createWorkspace();
  tripwire = await startTripwire();
  const model = await startResponsesServer([
    { kind: 'tool', name: 'exec_command', input: { cmd: `cat ${FIXTURE_FILE}` } },
    { kind: 'text', text: 'The recipe uses cardamom.' },
  ]);
  const env = await codexEnv(workspace, tripwire, model.url);
  const run = await runToEnd({ adapter: codex, cwd: workspace.repo, env, prompt: 'Which spice does the recipe use?' });
  await model.close();
  expect(run.outcome.status).toBe('done');

  notebook = await copyNotebook(fixtureNotebook('basic'));
  const home = await tempDir('fieldnotes-home-');
  server = await startServeProcess(notebook, {
    FIELDNOTES_HOME: home, HOME: workspace.home, CODEX_HOME: env.CODEX_HOME!,
    CLAUDE_CONFIG_DIR: join(workspace.root, 'no-claude'), GEMINI_CLI_HOME: join(workspace.root, 'no-gemini'),
  });
});

test.afterAll(async () => {
  await server?.stop();
  await tripwire?.close();
  expect(tripwire.hits).toEqual([]);
  await workspace?.cleanup();
  await removeDir(notebook);
});

test('a Codex session is listed under its codebase, imported with one click, then marked and opened as a note', async ({ page }) => {
  await openApp(page, server.url);
  await page.getByRole('navigation', { name: 'Notebook' }).getByRole('button', { name: 'Sessions' }).click();
  const group = page.getByRole('region', { name: 'Sessions in repo' });
  await expect(group.getByText('Which spice does the recipe use?')).toBeVisible();
  await expect(group.getByText('The recipe uses cardamom.')).toBeVisible();
  await expect(group.getByText(/Codex · 1 turn/)).toBeVisible();

  await group.getByRole('button', { name: 'Import Which spice does the recipe use?' }).click();
  await expect(page.getByText('Imported sessions: 1 new.')).toBeVisible();
  await group.getByRole('button', { name: /In the notebook/ }).click();
  await expect(page.getByRole('heading', { name: 'Which spice does the recipe use?' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Which spice does the recipe use?' }).getByText('The recipe uses cardamom.')).toBeVisible();
});
