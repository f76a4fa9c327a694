// Screenshots of the tasks UI to look at (not a test of behaviour): the composer, the tasks view
// with running, queued and finished tasks, a live note, and the settings, in light and dark.
//   FIELDNOTES_SCREENSHOTS=1 npx playwright test --project screenshots   →   test-results/screenshots/
import { test } from '@playwright/test';
import { join } from 'node:path';
import { chooseRepo, startTasksServer, type TasksServer } from '../e2e/web/tasks-fixtures';
import { makeRepo } from '../support/git-repo';

const OUT = join('test-results', 'screenshots');
let tasks: TasksServer;
let ky: string;

test.beforeAll(async () => {
  tasks = await startTasksServer({ concurrency: 2 });
  ky = await makeRepo({ 'source/index.ts': 'export default {};\n' }, 'ky');
});
test.afterAll(async () => {
  await tasks.release('shots');
  await tasks.stop();
});

test('the tasks UI in light and dark', async ({ browser }) => {
  test.setTimeout(120_000);
  const seed = await browser.newPage();
  await seed.goto(tasks.server.url);
  const ask = (input: Record<string, unknown>) => seed.request.post(`${tasks.server.origin}/api/tasks.ask`, { headers: tasks.server.auth, data: { repoPath: tasks.repo, ...input } });
  await ask({ question: 'How are routes registered? [read src/router.ts] [title Routes are one table in src/router.ts]', agents: ['custom', 'codex'] });
  await ask({ question: 'Can the router take a wildcard? Try it. [write wildcard.ts] [title A wildcard route works with one line]', mode: 'poc', agents: ['custom'] });
  await seed.waitForTimeout(2000);
  await ask({ question: 'Walk me through a request, from the socket to the handler [read src/router.ts] [pause shots]', agents: ['custom'] });
  await ask({ question: 'Why is the route table rebuilt on every change? [flood until shots] [title Rebuilding the table]', agents: ['custom'] });
  await ask({ question: 'Which middleware runs before authentication? [pause shots]', agents: ['codex'] });
  await seed.close();

  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, colorScheme });
    const page = await context.newPage();
    const shot = (name: string) => page.screenshot({ path: join(OUT, `${name}-${colorScheme}.png`) });
    await page.goto(`${tasks.server.url}#/tasks`);
    await page.getByRole('listitem', { name: /Walk me through/ }).getByRole('button').first().click();
    await page.waitForTimeout(1500);
    await shot('tasks-running');

    await page.getByRole('navigation').getByRole('button', { name: /All notes/ }).click();
    await page.getByRole('option', { name: /How does ky turn a call/ }).click({ modifiers: ['ControlOrMeta'] });
    await page.getByRole('button', { name: 'Ask with these notes' }).click();
    await page.getByRole('textbox', { name: 'Question' }).fill('How are the routes in the router table registered?');
    await page.waitForTimeout(800);
    await shot('composer');
    await chooseRepo(page, ky);
    await page.getByRole('textbox', { name: 'Question' }).fill('How does ky turn a call into a fetch request?');
    await page.waitForTimeout(800);
    await shot('composer-asked-before');
    await page.keyboard.press('Escape');

    await page.getByRole('option', { name: /Walk me through/ }).click();
    await page.waitForTimeout(500);
    await shot('note-live');

    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.waitForTimeout(800);
    await shot('settings');
    await context.close();
  }
});
