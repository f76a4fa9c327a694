// Playwright fixtures for the browser mode: a temp copy of a fixture notebook, served by a real
// `fieldnotes serve`, and a page already signed in with the launch token.
import { test as base, expect, type Page } from '@playwright/test';
import { join } from 'node:path';
import { fixtureNotebook } from '../../support/paths';
import { startServeProcess, type ServeProcess } from '../../support/serve-process';
import { copyNotebook, removeDir, tempDir } from '../../support/temp';

interface Fixtures {
  /** Which fixture notebook to start from ('empty' for a new folder). */
  notebookFixture: string;
  notebook: string;
  server: ServeProcess;
  app: Page;
}

export const test = base.extend<Fixtures>({
  notebookFixture: ['basic', { option: true }],
  notebook: async ({ notebookFixture }, use) => {
    const dir = notebookFixture === 'empty' ? join(await tempDir(), 'Notebook') : await copyNotebook(fixtureNotebook(notebookFixture));
    await use(dir);
    await removeDir(dir);
  },
  server: async ({ notebook }, use) => {
    const home = await tempDir('fieldnotes-home-');
    const server = await startServeProcess(notebook, { FIELDNOTES_HOME: home });
    await use(server);
    await server.stop();
    await removeDir(home);
  },
  app: async ({ page, server }, use) => {
    await openApp(page, server.url);
    await use(page);
  },
});

/**
 * Loads the app and waits until it is live: the footer says "Browser mode" only once the engine
 * answered and the WebSocket is open, a render after the shell mounted and its keyboard shortcuts
 * were installed. Keys pressed before that (on a slow machine) would go nowhere, as for a user.
 */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('navigation', { name: 'Notebook' }).getByText('Browser mode', { exact: true })).toBeVisible();
}

export { expect } from '@playwright/test';
