// Asking agents and watching them work, in the browser, against a real `fieldnotes serve` whose
// agents are fake programs (see tasks-fixtures.ts). One server for the file: each test asks its
// own questions and looks only at its own tasks.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Task } from '../../../shared/model/task';
import { makeRepo } from '../../support/git-repo';
import { removeDir } from '../../support/temp';
import { expect, openApp, test } from './fixtures';
import { compose, startTasksServer, taskCard, type TasksServer } from './tasks-fixtures';

// Each test walks a whole task through its life: on a loaded 2-core machine that can pass 30 s.
test.describe.configure({ timeout: 60_000 });

let tasks: TasksServer;
test.beforeAll(async () => {
  tasks = await startTasksServer();
});
test.afterAll(async () => {
  await tasks?.stop();
});
test.afterEach(async ({ page }) => {
  // A test that changed how many tasks run at once puts it back, even when it failed.
  await page.request.post(`${tasks.server.origin}/api/settings.update`, { headers: tasks.server.auth, data: { tasks: { concurrency: 3 } } });
});

test('a question sent with Ctrl-Enter runs with live output, then its note is done with the answer’s title', async ({ page }) => {
  await openApp(page, tasks.server.url);
  const dialog = await compose(page, '');
  // A folder that does not exist: the engine says why, and nothing typed is lost.
  await dialog.getByRole('button', { name: 'Codebase', exact: true }).click();
  const menu = dialog.getByRole('dialog', { name: 'Choose a codebase' });
  await menu.getByLabel('Another codebase: its folder’s full path').fill(join(tasks.repo, 'missing'));
  await menu.getByRole('button', { name: 'Add' }).click();
  await expect(menu.getByRole('alert')).toContainText('Cannot use');
  await menu.getByLabel('Another codebase: its folder’s full path').fill(tasks.repo);
  await menu.getByRole('button', { name: 'Add' }).click();
  await expect(dialog.getByRole('button', { name: 'Codebase', exact: true })).toContainText(/router-app\s*main · [0-9a-f]{7}/);

  await dialog.getByRole('textbox', { name: 'Question' }).fill('Where are the routes listed? [read src/router.ts] [pause live-1] [title Routes live in router.ts]');
  await expect(dialog.getByLabel('What the agents may do')).toContainText('Read-only');
  await page.keyboard.press('ControlOrMeta+Enter');

  const detail = page.getByRole('article', { name: /Task: Where are the routes listed/ });
  await expect(detail.getByText('Running', { exact: true })).toBeVisible();
  await expect(detail.getByRole('region', { name: 'Answer so far' })).toContainText("src/router.ts begins with: export const routes = ['/', '/about'];");
  await expect(page.getByRole('navigation').getByRole('button', { name: /Tasks, 1 running/ })).toBeVisible();
  await expect(detail.getByLabel('What the agent may do')).toContainText('Runs Fake agent in');

  await tasks.release('live-1');
  const toast = page.getByRole('status').filter({ hasText: 'Answer ready: Routes live in router.ts' });
  await expect(toast).toBeVisible();
  await expect(taskCard(page, 'Routes live in router.ts')).toContainText(/Done in \d/);
  await toast.getByRole('button', { name: 'Open note' }).click();
  const note = page.getByRole('article', { name: 'Routes live in router.ts' });
  await expect(note.getByRole('heading', { level: 1 })).toHaveText('Routes live in router.ts');
  await expect(note).toContainText('The answer is 42.');
});

test('with one task at a time, the second waits its turn; a cancelled task can be retried', async ({ page }) => {
  await openApp(page, tasks.server.url);
  // Settings: the engine's own message for a refused value, then a change that applies at once.
  await page.getByRole('button', { name: 'Settings' }).click();
  const concurrency = page.getByRole('spinbutton', { name: 'Tasks at once' });
  await concurrency.fill('0');
  await concurrency.press('Enter');
  await expect(page.getByRole('alert')).toContainText('expected number to be >=1');
  await concurrency.fill('1');
  await concurrency.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  await (await compose(page, 'First in line [pause queue-a]', { repo: tasks.repo })).getByRole('button', { name: 'Ask Fake agent' }).click();
  await expect(taskCard(page, /First in line/)).toBeVisible();
  // In a browser, Alt-N (Ctrl-N is the browser's own new window).
  await page.keyboard.press('Alt+N');
  await page.getByRole('dialog', { name: 'Ask agents' }).getByRole('textbox', { name: 'Question' }).fill('Second in line [pause queue-b]');
  await page.keyboard.press('ControlOrMeta+Enter');

  const first = taskCard(page, /First in line/);
  const second = taskCard(page, /Second in line/);
  await expect(page.getByRole('region', { name: 'Running', exact: true }).getByRole('listitem')).toHaveCount(1);
  await expect(first).toContainText(/Running · \d+ s/);
  await expect(second).toContainText('Queued · 1st in line');
  await expect(page.getByRole('article', { name: /Task: Second in line/ })).toContainText('1st in line');

  await first.getByRole('button', { name: /Cancel/ }).click();
  await expect(page.getByRole('region', { name: 'Finished', exact: true }).getByRole('listitem', { name: /First in line/ })).toContainText('Cancelled after');
  await expect(second).toContainText(/Running · \d+ s/);

  await page.getByRole('region', { name: 'Finished', exact: true }).getByRole('listitem', { name: /First in line/ }).getByRole('button', { name: 'Open note' }).click();
  const note = page.getByRole('article', { name: /First in line/ });
  // Said once, in the banner: not again in the body.
  await expect(note.getByRole('note')).toHaveText('Cancelled while it was running.');
  await expect(note.locator('.markdown')).not.toContainText(/cancel/i);
  await note.getByRole('button', { name: 'Retry' }).click();
  // The retry is a new task, waiting behind the running one.
  const retried = page.getByRole('region', { name: 'Queued', exact: true }).getByRole('listitem', { name: /First in line/ });
  await expect(retried).toContainText('1st in line');

  await tasks.release('queue-b');
  await tasks.release('queue-a');
  // Both answers open with the same title; the second note of the codebase is told apart by a number.
  await expect(page.getByRole('region', { name: 'Finished', exact: true }).getByRole('listitem', { name: /^Fake answer( \(\d+\))?$/ })).toHaveCount(2);
});

test('a question for two agents makes two sibling notes; a follow-up says how it continues', async ({ page }) => {
  await openApp(page, tasks.server.url);
  const dialog = await compose(page, 'Which routes exist? [title Routes, by the fake agent]', { repo: tasks.repo, agents: ['Codex CLI'] });
  await expect(dialog.getByRole('group', { name: /Agents/ })).toContainText('one note each, linked as siblings');
  // What each agent may do comes from its adapter, through agents.list.
  const terms = dialog.getByLabel('What the agents may do');
  await expect(terms).toContainText('Codex CLI may run commands inside its read-only sandbox; no network.');
  await expect(terms).toContainText('Fake agent Fieldnotes cannot limit what a custom command reads');
  await dialog.getByRole('button', { name: 'Ask 2 agents' }).click();
  await expect(taskCard(page, 'Routes, by the fake agent')).toContainText('Done');
  await expect(taskCard(page, 'Codex answer')).toContainText('Done');

  await taskCard(page, 'Codex answer').getByRole('button', { name: 'Open note' }).click();
  const codexNote = page.getByRole('article', { name: 'Codex answer' });
  await codexNote.getByRole('list', { name: 'Also asked of' }).getByRole('button', { name: 'Fake agent' }).click();
  const customNote = page.getByRole('article', { name: 'Routes, by the fake agent' });
  await expect(customNote.getByRole('list', { name: 'Also asked of' })).toContainText('Codex CLI');

  // The custom command has no session to resume: the note goes along as context.
  await customNote.getByRole('button', { name: 'Ask follow-up' }).click();
  const followUp = page.getByRole('dialog', { name: 'Ask a follow-up' });
  await expect(followUp).toContainText('Sends this note as context to a new session (Fake agent has no sessions to resume)');
  await followUp.getByRole('button', { name: 'Close' }).click();
  // Codex recorded its thread: a follow-up resumes it.
  await customNote.getByRole('list', { name: 'Also asked of' }).getByRole('button', { name: 'Codex CLI' }).click();
  await page.getByRole('article', { name: 'Codex answer' }).getByRole('button', { name: 'Ask follow-up' }).click();
  await expect(followUp).toContainText('Continues Codex CLI’s session');
  // The engine plans it for the agent picked: another one has no session of this note to resume.
  await followUp.getByLabel('Agent').selectOption({ label: 'Fake agent' });
  await expect(followUp).toContainText('Sends this note as context to a new session (Fake agent did not write this note)');
  await followUp.getByLabel('Agent').selectOption({ label: 'Codex CLI (wrote this note)' });
  await expect(followUp).toContainText('Continues Codex CLI’s session');
  await followUp.getByRole('textbox', { name: 'Follow-up question' }).fill('And the 404 route?');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(taskCard(page, 'Resumed answer')).toContainText('Done');
});

test('an agent that floods megabytes never freezes the window, and the end of its answer is shown', async ({ page }) => {
  await openApp(page, tasks.server.url);
  await (await compose(page, 'Talk a lot [flood until flood-1] [title Flood answer]', { repo: tasks.repo })).getByRole('button', { name: 'Ask Fake agent' }).click();
  // The task's title becomes the answer's first line once it is done.
  const detail = page.getByRole('article', { name: /Task: (Talk a lot|Flood answer)/ });
  const progress = detail.getByLabel('Progress');
  await expect(progress).toContainText(/\d+(\.\d)?M chars/, { timeout: 20_000 });

  // While it floods: clicks are handled, the clock ticks, the newest lines show and the oldest are let go.
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await page.getByRole('navigation').getByRole('button', { name: /^Tasks/ }).click();
  const clock = detail.getByRole('timer');
  const before = await clock.textContent();
  await expect(clock).not.toHaveText(before!);
  const answer = detail.getByRole('region', { name: 'Answer so far' });
  await expect(answer).toContainText(/flood line \d{3,}/);
  await expect(answer).not.toContainText('Flood answer');
  await expect(detail).toContainText('Showing the last 24 KB');

  await tasks.release('flood-1');
  await expect(detail.getByText('Done', { exact: true })).toBeVisible({ timeout: 20_000 });
  // The transcript has the real end of the answer (live batches keep the start of each window).
  await expect(detail.getByRole('region', { name: 'Answer', exact: true })).toContainText(/flood line \d+ y+\s+Mode: explain\. The answer is 42\.\s*$/);
});

test('“Ask with these notes” gives the chosen notes to the agent, and its note lists them as context', async ({ page }) => {
  await openApp(page, tasks.server.url);
  const list = page.getByRole('listbox', { name: 'All notes' });
  await list.getByRole('option', { name: /How does ky turn a call/ }).click({ modifiers: ['ControlOrMeta'] });
  await list.getByRole('option', { name: /Why do retries stop/ }).click({ modifiers: ['ControlOrMeta'] });
  await page.getByRole('region', { name: 'Selected notes' }).getByRole('button', { name: 'Ask with these notes' }).click();

  const dialog = page.getByRole('dialog', { name: 'Ask agents' });
  const context = dialog.getByRole('region', { name: 'Context notes' });
  await expect(context).toContainText('2 notes as context');
  await expect(context).toContainText(/≈ [\d.]+k? tokens/);
  await expect(context.getByRole('listitem')).toHaveText([/How does ky turn a call/, /Why do retries stop/]);
  await dialog.getByRole('textbox', { name: 'Question' }).fill('Summarize these notes [title Summary of two notes]');
  await dialog.getByRole('button', { name: 'Codebase', exact: true }).click();
  await dialog.getByRole('dialog', { name: 'Choose a codebase' }).getByRole('button', { name: /No codebase/ }).click();
  await expect(dialog.getByRole('radio', { name: /PoC/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Ask Fake agent' }).click();

  await expect(taskCard(page, 'Summary of two notes')).toContainText('Done');
  const listed = await page.request.post(`${tasks.server.origin}/api/tasks.list`, { headers: tasks.server.auth, data: {} });
  const task = ((await listed.json()) as { value: { tasks: Task[] } }).value.tasks.find((each) => each.title === 'Summary of two notes')!;
  const file = await readFile(join(tasks.notebook, task.notePath!), 'utf8');
  expect(file).toMatch(/context:\n {2}- 01JDZ8Q6X7M3N4P5R6S7T8V9W0\n {2}- 01JDX2M4K8N1P3Q5R7S9T2V4W6\n/);
  await taskCard(page, 'Summary of two notes').getByRole('button', { name: 'Open note' }).click();
  await expect(page.getByRole('article', { name: 'Summary of two notes' }).getByRole('list', { name: 'Context: 2 notes' }).getByRole('listitem')).toHaveCount(2);
});

test('while a question is typed, a past note on the same codebase that answers it is shown, to open or attach', async ({ page }) => {
  const ky = await makeRepo({ 'source/index.ts': 'export default {};\n' }, 'ky');
  try {
    await openApp(page, tasks.server.url);
    const dialog = await compose(page, '', { repo: ky });
    await dialog.getByRole('textbox', { name: 'Question' }).pressSequentially('How does ky turn a call into a fetch');
    const past = dialog.getByRole('region', { name: 'You asked this before' });
    await expect(past.getByRole('listitem')).toHaveCount(1);
    await expect(past).toContainText('How does ky turn a call into a fetch request?');
    await expect(past).toContainText('Done');

    await past.getByRole('button', { name: /Attach “How does ky turn a call/ }).click();
    await expect(dialog.getByRole('region', { name: 'Context notes' }).getByRole('listitem')).toHaveText([/How does ky turn a call/]);
    await expect(past.getByRole('button', { name: /Attach “How does ky turn a call/ })).toBeDisabled();

    // Another codebase's notes are not "asked before" here, however well they match.
    await dialog.getByRole('textbox', { name: 'Question' }).fill('In what order do Vite plugin hooks run?');
    await expect(past).toHaveCount(0);
  } finally {
    await removeDir(dirname(ky));
  }
});

test('an agent that is not installed says why and how to install it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: tasks.server.origin });
  await openApp(page, tasks.server.url);
  const dialog = await compose(page, '');
  await expect(dialog.getByRole('checkbox', { name: /Claude Code/ })).toBeDisabled();
  await expect(dialog).toContainText('Claude Code is not installed: no claude command on PATH.');
  await dialog.getByRole('button', { name: 'Copy the install command for Claude Code' }).click();
  const copied = await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
  expect(copied).toBe('npm install -g @anthropic-ai/claude-code');

  // Settings has a row for each agent with a command of its own, as its adapter names it.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
  const executables = page.getByRole('region', { name: 'Agents', exact: true }).getByRole('textbox', { name: 'Executable' });
  await expect(executables).toHaveCount(3);
  await expect(executables.nth(0)).toHaveAttribute('placeholder', 'its full path, like /usr/local/bin/claude');
  await expect(executables.nth(1)).toHaveValue(/fake-codex\.mjs$/);
  await expect(executables.nth(2)).toHaveAttribute('placeholder', 'its full path, like /usr/local/bin/gemini');
});

test('a PoC keeps its diff and its scratch checkout, which can be discarded', async ({ page }) => {
  await openApp(page, tasks.server.url);
  const dialog = await compose(page, 'Try a file [write hello.txt] [title Hello PoC]', { repo: tasks.repo });
  await dialog.getByRole('radio', { name: /PoC/ }).click();
  await expect(dialog.getByLabel('What the agents may do')).toContainText('Your working tree is never touched');
  await dialog.getByRole('button', { name: 'Ask Fake agent' }).click();

  const detail = page.getByRole('article', { name: /Task: Hello PoC/ });
  await expect(detail.getByText('Done', { exact: true })).toBeVisible();
  await expect(detail).toContainText('Scratch checkout');
  await detail.getByRole('button', { name: 'Show diff' }).click();
  await expect(page.getByRole('dialog', { name: /Diff:/ })).toContainText('+written by the fake agent in poc mode');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Settings' }).click();
  const checkouts = page.getByRole('list', { name: 'Scratch checkouts' });
  await expect(checkouts.getByRole('listitem').filter({ hasText: 'Hello PoC' })).toBeVisible();
  await checkouts.getByRole('button', { name: 'Discard Hello PoC' }).click();
  await page.getByRole('alertdialog', { name: 'Discard this scratch checkout?' }).getByRole('button', { name: 'Discard' }).click();
  await expect(checkouts.getByRole('listitem').filter({ hasText: 'Hello PoC' })).toHaveCount(0);
});

test('the next question keeps the agents chosen, and starts in Explain after a PoC', async ({ page }) => {
  await openApp(page, tasks.server.url);
  const dialog = await compose(page, 'Try a wildcard route [title Wildcard tried]', { repo: tasks.repo, agents: ['Codex CLI'] });
  await dialog.getByRole('radio', { name: /PoC/ }).check();
  await dialog.getByRole('button', { name: 'Ask 2 agents' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Ask a question' }).click();
  const next = page.getByRole('dialog', { name: 'Ask agents' });
  await expect(next.getByRole('radio', { name: /Explain/ })).toBeChecked();
  await expect(next.getByRole('checkbox', { name: /Codex CLI/ })).toBeChecked();
  await expect(next.getByRole('checkbox', { name: /Fake agent/ })).toBeChecked();
  await page.keyboard.press('Escape');
});
