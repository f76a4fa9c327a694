// An agent that cannot reach its model endpoint: its retries are one line with a count in the live
// view and in the note, saying what to check and the agent's own command to test it.
import { expect, openApp, test } from './fixtures';
import { startTasksServer, type TasksServer } from './tasks-fixtures';

let tasks: TasksServer;
test.beforeAll(async () => {
  tasks = await startTasksServer();
});
test.afterAll(async () => {
  await tasks?.stop();
});

test('retries fold into one line with what to check, in the task and in its note', async ({ page }) => {
  await openApp(page, tasks.server.url);
  const asked = await page.request.post(`${tasks.server.origin}/api/tasks.ask`, {
    headers: tasks.server.auth,
    data: { repoPath: tasks.repo, question: 'Is anyone there? [unreachable]', agents: ['codex'] },
  });
  expect(asked.ok()).toBe(true);
  await page.goto(`${tasks.server.url}#/tasks`);
  await page.getByRole('listitem', { name: /Is anyone there/ }).getByRole('button').first().click();
  const activity = page.getByRole('article', { name: /Task: Is anyone there/ }).getByRole('log', { name: 'Activity' });
  const line = activity.getByText(/^Could not reach the model: retried 3 times/);
  await expect(line).toHaveCount(1);
  await expect(line).toContainText('Check the network, a proxy (HTTPS_PROXY), the provider\'s base_url in ~/.codex/config.toml');
  await expect(line).toContainText('test it with `codex exec --skip-git-repo-check "Reply with OK"`');
  // The raw messages are gone: only the last one, inside the folded line.
  await expect(activity.getByText(/Reconnecting/)).toHaveCount(1);

  await page.getByRole('article', { name: /Task: Is anyone there/ }).getByRole('button', { name: 'Open note' }).click();
  const note = page.getByRole('article');
  await expect(note.getByText(/^Could not reach the model: retried 3 times/)).toHaveCount(2);
});
