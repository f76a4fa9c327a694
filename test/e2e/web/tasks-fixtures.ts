// What the tasks specs share: one `fieldnotes serve` per spec file whose custom command is the
// scriptable fake agent (test/fixtures/fake-agents/task-agent.mjs) and whose Codex is the fake
// Codex (set by path in the settings, as a user would): two agents, so fan-out is real. Questions
// steer the fake agent with [directives]; [pause <name>] and [flood until <name>] wait until
// release(name) creates the file.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { FIXTURES, fixtureNotebook } from '../../support/paths';
import { makeRepo } from '../../support/git-repo';
import { startServeProcess, type ServeProcess } from '../../support/serve-process';
import { copyNotebook, removeDir, tempDir } from '../../support/temp';
import { expect } from './fixtures';

export const TASK_AGENT = join(FIXTURES, 'fake-agents', 'task-agent.mjs');
export const FAKE_CODEX = join(FIXTURES, 'fake-agents', 'fake-codex.mjs');

export interface TasksServer {
  server: ServeProcess;
  notebook: string;
  /** A git repository with src/router.ts committed. */
  repo: string;
  release(name: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startTasksServer(settings: Record<string, unknown> = {}): Promise<TasksServer> {
  const notebook = await copyNotebook(fixtureNotebook('basic'));
  const home = await tempDir('fieldnotes-home-');
  const releases = await tempDir('fieldnotes-release-');
  const repo = await makeRepo({ 'src/router.ts': "export const routes = ['/', '/about'];\n" }, 'router-app');
  await mkdir(home, { recursive: true });
  await writeFile(
    join(home, 'settings.json'),
    JSON.stringify({
      tasks: {
        customCommand: { label: 'Fake agent', argv: [process.execPath, TASK_AGENT, `e2e-${process.pid}`] },
        // The fake agent is released through files in the machine's /tmp, which the OS sandbox hides.
        sandbox: 'off',
        agentPaths: { codex: FAKE_CODEX },
        defaultAgents: ['custom'],
        ...settings,
      },
    }),
  );
  const server = await startServeProcess(notebook, { FIELDNOTES_HOME: home, FAKE_RELEASE_DIR: releases });
  return {
    server,
    notebook,
    repo,
    release: (name) => writeFile(join(releases, name), ''),
    async stop() {
      // Stopping serve interrupts the tasks still running: no fake agent outlives it.
      await server.stop();
      await Promise.all([notebook, home, releases, dirname(repo)].map(removeDir));
    },
  };
}

/** Opens the composer from the sidebar and fills it; `repo` is added by its path when given. */
export async function compose(page: Page, question: string, options: { repo?: string; agents?: string[] } = {}) {
  await page.getByRole('button', { name: 'Ask a question' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ask agents' });
  await expect(dialog.getByRole('textbox', { name: 'Question' })).toBeFocused();
  if (options.repo) await chooseRepo(page, options.repo);
  await dialog.getByRole('textbox', { name: 'Question' }).fill(question);
  for (const agent of options.agents ?? []) await dialog.getByRole('checkbox', { name: new RegExp(agent) }).check();
  return dialog;
}

export async function chooseRepo(page: Page, path: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Ask agents' });
  await dialog.getByRole('button', { name: 'Codebase', exact: true }).click();
  const menu = dialog.getByRole('dialog', { name: 'Choose a codebase' });
  await menu.getByLabel('Another codebase: its folder’s full path').fill(path);
  await menu.getByRole('button', { name: 'Add' }).click();
  await expect(menu).toBeHidden();
}

/** The task card in the tasks list whose title matches. */
export function taskCard(page: Page, title: RegExp | string) {
  return page.getByRole('region', { name: 'Tasks', exact: true }).getByRole('listitem', { name: title, exact: true });
}
