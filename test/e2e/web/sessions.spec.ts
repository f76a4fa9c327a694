// The Sessions view in the browser: sessions the real Codex CLI wrote (against a scripted model
// server) are listed by codebase with a preview, imported with one click, then marked as in the
// notebook and opened from there. With "Capture new sessions" turned on for the codebase, the next
// session run there becomes a note by itself, with a toast.
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

test('with Capture new sessions on for the codebase, a new session there becomes a note by itself, with a toast', async ({ page }) => {
  await openApp(page, server.url);
  await page.getByRole('navigation', { name: 'Notebook' }).getByRole('button', { name: 'Sessions' }).click();
  const group = page.getByRole('region', { name: 'Sessions in repo' });
  const capture = group.getByRole('checkbox', { name: 'Capture new sessions of repo' });
  await expect(capture).not.toBeChecked();
  await capture.click();
  await expect(capture).toBeChecked();

  // The person runs Codex in a terminal in that codebase.
  const model = await startResponsesServer([{ kind: 'text', text: 'The recipe also uses basil.' }]);
  const env = await codexEnv(workspace, tripwire, model.url);
  const run = await runToEnd({ adapter: codex, cwd: workspace.repo, env, prompt: 'Which herb does the recipe use?' });
  await model.close();
  expect(run.outcome.status).toBe('done');

  const toast = page.getByText('Captured 1 session from your terminals: 1 new.');
  await expect(toast).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Open note' }).click();
  await expect(page.getByRole('heading', { name: 'Which herb does the recipe use?' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Which herb does the recipe use?' }).getByText('The recipe also uses basil.')).toBeVisible();
});
