// The sandbox in the browser: Settings turns it auto / required / off (a warning while off) and
// chooses where agents run (the OS sandbox, or Docker or Podman where one runs here); the composer's
// permission summary says in words which sandbox the run will use and that the network stays on.
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';
import { compose, startTasksServer, type TasksServer } from './tasks-fixtures';

let tasks: TasksServer;
test.beforeAll(async () => {
  tasks = await startTasksServer();
});
test.afterAll(async () => {
  await tasks?.stop();
});

async function settingsGet(page: Page): Promise<{ tasks: { sandbox?: string; container?: { engine: string; image: string } | null }; sandboxes: Record<string, { available: boolean }> }> {
  const response = await page.request.post(`${tasks.server.origin}/api/settings.get`, { headers: tasks.server.auth, data: {} });
  return ((await response.json()) as { value: Awaited<ReturnType<typeof settingsGet>> }).value;
}

async function sandboxWords(page: Page): Promise<string> {
  const dialog = await compose(page, 'How are routes listed?', { repo: tasks.repo });
  const words = (await dialog.getByLabel('What the agents may do').locator('.permission-sandbox').textContent()) ?? '';
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  return words;
}

test('Settings switch the sandbox, warn while it is off, and the composer says which sandbox the run uses', async ({ page }) => {
  await openApp(page, tasks.server.url);
  // Off (as the fixture set it): the composer says so in words.
  expect(await sandboxWords(page)).toBe('No OS sandbox: it is turned off in Settings, so the run relies on the agent’s own flags.');

  await page.getByRole('button', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Sandbox' });
  const modes = section.getByRole('radiogroup', { name: 'Sandbox' });
  await expect(modes.getByRole('radio', { name: /^Off/ })).toBeChecked();
  await expect(section.getByRole('note')).toContainText('The sandbox is off');

  await modes.getByRole('radio', { name: /^Use it where this machine has one/ }).click();
  await expect(modes.getByRole('radio', { name: /^Use it where this machine has one/ })).toBeChecked();
  await expect(section.getByRole('note')).toBeHidden();
  await expect.poll(async () => (await settingsGet(page)).tasks.sandbox).toBe('auto');

  const { sandboxes } = await settingsGet(page);
  const runners = section.getByRole('radiogroup', { name: 'Where agents run' });
  await expect(runners.getByRole('radio', { name: /^OS sandbox/ })).toBeChecked();
  // An engine that does not run here cannot be chosen, and says so.
  for (const [engine, label] of [['docker', 'Docker'], ['podman', 'Podman']] as const) {
    const radio = runners.getByRole('radio', { name: new RegExp(`^${label}`) });
    if (sandboxes[engine]!.available) await expect(radio).toBeEnabled();
    else await expect(radio).toBeDisabled();
  }

  await page.getByRole('button', { name: 'Ask a question' }).waitFor();
  const words = await sandboxWords(page);
  if (sandboxes.os!.available) expect(words).toMatch(/^OS sandbox \((bwrap|sandbox-exec)\): the whole disk is read-only to the agent; .*Network: on \(it needs its model\)\.$/);
  else expect(words).toMatch(/^No OS sandbox: .*own flags/);

  const engine = (['podman', 'docker'] as const).find((each) => sandboxes[each]!.available);
  test.info().annotations.push({ type: 'container', description: engine ? `chose ${engine}` : 'no container engine runs here: the container choice was not tried' });
  if (!engine) return;
  await page.getByRole('button', { name: 'Settings' }).click();
  await runners.getByRole('radio', { name: new RegExp(`^${engine === 'docker' ? 'Docker' : 'Podman'}`) }).click();
  await expect(section.getByRole('textbox', { name: 'Image' })).toHaveValue('node:20');
  await section.getByRole('textbox', { name: 'Image' }).fill('localhost/agents:2');
  await section.getByRole('textbox', { name: 'Image' }).press('Enter');
  await expect.poll(async () => (await settingsGet(page)).tasks.container).toEqual({ engine, image: 'localhost/agents:2' });
  expect(await sandboxWords(page)).toMatch(/^Container \((Docker|Podman), image localhost\/agents:2\): .*read-only.*Network: on/);
  // Back to the OS sandbox.
  await page.getByRole('button', { name: 'Settings' }).click();
  await runners.getByRole('radio', { name: /^OS sandbox/ }).click();
  await expect.poll(async () => (await settingsGet(page)).tasks.container).toBeNull();
});
