// Asking a cloud agent in the browser, against a real `fieldnotes serve` whose Jules is a scripted
// Jules API on 127.0.0.1: the composer says the question and the code leave the machine and which
// branch Jules sees; the task shows Jules' state and its links; the note gets the result.
import { statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JulesServer } from '../../fixtures/cloud-services/jules-server';
import { fixtureNotebook } from '../../support/paths';
import { pushedRepo } from '../../support/pushed-repo';
import { startServeProcess, type ServeProcess } from '../../support/serve-process';
import { copyNotebook, tempDir } from '../../support/temp';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';
import { compose, taskCard } from './tasks-fixtures';

test.describe.configure({ timeout: 90_000 });

/** With CLOUD_SHOTS=<folder>: the screen at both sizes, light and dark, to look at. */
async function shots(page: Page, name: string): Promise<void> {
  const folder = process.env.CLOUD_SHOTS;
  if (!folder) return;
  for (const [width, height] of [[1440, 900], [900, 600]] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: join(folder, `${name}-${width}-${colorScheme}.png`) });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

let jules: JulesServer;
let server: ServeProcess;
test.beforeAll(async () => {
  jules = await new JulesServer().start();
  const home = await tempDir('fieldnotes-home-');
  await mkdir(home, { recursive: true });
  await writeFile(join(home, 'settings.json'), JSON.stringify({ tasks: { defaultAgents: ['jules'], sandbox: 'off', cloud: { julesBaseUrl: jules.baseUrl } } }));
  server = await startServeProcess(await copyNotebook(fixtureNotebook('basic')), { FIELDNOTES_HOME: home, JULES_API_KEY: jules.key });
});
test.afterAll(async () => {
  await server?.stop();
  await jules?.close();
});

test('a question for Jules says what leaves the machine, shows Jules’ state and links, and ends as a note with the pull request', async ({ page }) => {
  jules.hold = true;
  jules.script = { states: ['IN_PROGRESS', 'COMPLETED'], message: 'Widgets are counted once\n\nThe count lives in `src/widget.ts`.', pr: 'https://github.com/acme/widgets/pull/12' };
  const repo = await pushedRepo();
  await openApp(page, server.url);
  const dialog = await compose(page, 'How are widgets counted?', { repo });
  await expect(dialog.getByRole('checkbox', { name: /Jules/ })).toBeChecked();
  const notice = dialog.getByRole('note', { name: 'This question leaves the machine' });
  await expect(notice).toContainText("The question and the code leave this machine, to Google's Jules service.");
  await expect(notice).toContainText('They see acme/widgets, branch main, as pushed to GitHub');
  await shots(page, 'composer');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(dialog).toBeHidden();

  const card = taskCard(page, 'How are widgets counted?');
  await expect(card.getByLabel('At the cloud service')).toContainText('IN_PROGRESS');
  await card.getByRole('button').first().click();
  // The title becomes the answer's first line once it is done: the task view is found by its role.
  const detail = page.getByRole('article', { name: /^Task: / });
  await expect(detail.getByRole('link', { name: 'Task page' })).toHaveAttribute('href', 'https://jules.google.com/session/000001');
  await expect(detail.getByLabel('What the agent may do')).toContainText('the question and the code leave this machine');
  await shots(page, 'task');

  jules.release();
  await expect(detail.getByRole('link', { name: 'Pull request' })).toHaveAttribute('href', 'https://github.com/acme/widgets/pull/12', { timeout: 30_000 });
  await expect(taskCard(page, 'Widgets are counted once').getByLabel('At the cloud service')).toContainText('COMPLETED');
  await shots(page, 'done');
});

test('a Jules API key entered once in Settings is kept outside the notebook and the settings file, and signs Jules in', async ({ page }) => {
  const home = await tempDir('fieldnotes-home-');
  await mkdir(home, { recursive: true });
  await writeFile(join(home, 'settings.json'), JSON.stringify({ tasks: { sandbox: 'off', cloud: { julesBaseUrl: jules.baseUrl } } }));
  const env: Record<string, string> = { FIELDNOTES_HOME: home, JULES_API_KEY: '' };
  const own = await startServeProcess(await copyNotebook(fixtureNotebook('basic')), env);
  try {
    await openApp(page, own.url);
    await page.getByRole('button', { name: 'Settings' }).click();
    const section = page.getByRole('region', { name: 'Cloud agents' });
    await expect(section).toContainText('Jules is not signed in.');
    await section.getByLabel('API key').fill(jules.key);
    await section.getByRole('button', { name: 'Keep' }).first().click();
    await expect(section.getByText('signed in').first()).toBeVisible();
    await shots(page, 'settings');
    const file = join(home, 'cloud-credentials.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await readFile(join(home, 'settings.json'), 'utf8')).not.toContain(jules.key);
  } finally {
    await own.stop();
  }
});
