// Comparing the answers of one question asked of two agents (the fake agent and the fake Codex of
// tasks-fixtures.ts), in the browser against a real `fieldnotes serve`: the columns, what each
// agent read and cost, the citation checks, the keys, and a citation opening in the editor set
// in Settings (a real script that records its argv).
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eventually } from '../../support/notes';
import { removeDir, tempDir } from '../../support/temp';
import { expect, openApp, test } from './fixtures';
import { compose, startTasksServer, taskCard, type TasksServer } from './tasks-fixtures';

test.describe.configure({ timeout: 90_000 });

/** The page's clipboard, typed here without the DOM library (tests compile for Node). */
type PageGlobals = { navigator: { clipboard: { readText(): Promise<string> } } };

let tasks: TasksServer;
let bin: string;
test.beforeAll(async () => {
  tasks = await startTasksServer();
  bin = await tempDir('fieldnotes-editor-');
});
test.afterAll(async () => {
  await tasks?.stop();
  await removeDir(bin);
});

test('two agents’ answers side by side, switched and copied with the keyboard; a citation opens in the editor at its line', async ({ page }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: tasks.server.origin });
  await openApp(page, tasks.server.url);
  const question = 'Which routes exist? [read src/router.ts] [title Routes, by the fake agent] [codex reads src/router.ts] See src/router.ts:1 and src/nowhere.ts:4';
  const dialog = await compose(page, question, { repo: tasks.repo, agents: ['Codex CLI'] });
  await dialog.getByRole('button', { name: 'Ask 2 agents' }).click();
  await expect(taskCard(page, 'Routes, by the fake agent')).toContainText('Done');
  await expect(taskCard(page, 'Codex answer')).toContainText('Done');

  // From a note with siblings: "Compare answers".
  await taskCard(page, 'Codex answer').getByRole('button', { name: 'Open note' }).click();
  await page.getByRole('article', { name: 'Codex answer' }).getByRole('button', { name: 'Compare answers' }).click();
  const compare = page.getByRole('main', { name: 'Compare answers' });
  await expect(compare.getByRole('heading', { level: 1 })).toHaveText(question);
  const codex = compare.getByRole('region', { name: 'Codex CLI’s answer' });
  const fake = compare.getByRole('region', { name: 'Fake agent’s answer' });
  await expect(codex.getByRole('region', { name: 'Answer' })).toContainText('I was asked: Which routes exist?');
  await expect(fake.getByRole('region', { name: 'Answer' })).toContainText("src/router.ts begins with: export const routes = ['/', '/about'];");

  // Under each answer: its usage, its citations checked, and the files its agent read.
  await expect(codex.getByLabel('Duration, tokens and cost')).toContainText('120');
  await expect(codex.getByRole('group', { name: 'Citations' })).toContainText(/\d+ citations · \d+ check out/);
  await expect(codex.getByRole('group', { name: 'Citations' })).toContainText('src/nowhere.ts:4');
  await expect(fake.getByRole('group', { name: 'Citations' })).toContainText('1 citation · 1 check out');
  await expect(codex.getByRole('group', { name: 'Files read' }).getByRole('listitem')).toHaveText(['src/router.tsonly Codex CLI']);
  await expect(fake.getByRole('group', { name: 'Files read' })).toContainText('None recorded.');

  // The note it was opened from is focused; ←/→ and [ ] move the focus, C copies the focused answer.
  await expect(codex).toHaveAttribute('aria-current', 'true');
  const [first, second] = (await compare.locator('[data-compare-column]').evaluateAll((columns) => columns.map((column) => column.getAttribute('aria-label')))) as string[];
  const left = first === 'Codex CLI’s answer' ? codex : fake;
  const right = left === codex ? fake : codex;
  expect([first, second].sort()).toEqual(['Codex CLI’s answer', 'Fake agent’s answer']);
  await page.keyboard.press(left === codex ? 'ArrowRight' : 'ArrowLeft');
  const other = left === codex ? right : left;
  await expect(other).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press(left === codex ? '[' : ']');
  await expect(codex).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('c');
  const toasts = page.getByRole('status', { name: 'Notifications' });
  await expect(toasts).toContainText(/Copied 1 note as XML context/);
  const one = await page.evaluate(() => (globalThis as unknown as PageGlobals).navigator.clipboard.readText());
  expect(one).toContain('<source>router-app/2026-12-07-codex-answer.md</source>'.replace('2026-12-07', one.match(/\d{4}-\d{2}-\d{2}/)![0]));
  expect(one).not.toContain('<document index="2">');
  await page.keyboard.press('a');
  await expect(toasts).toContainText(/Copied 2 notes as XML context/);
  const all = await page.evaluate(() => (globalThis as unknown as PageGlobals).navigator.clipboard.readText());
  expect(all).toContain('<document index="2">');
  expect(all).toMatch(/<source>router-app\/[\d-]+-routes-by-the-fake-agent\.md<\/source>/);

  // The editor is a command line set in Settings; a citation in a column opens there at its line.
  const editor = join(bin, 'record-editor');
  const log = join(bin, 'argv.json');
  await writeFile(editor, `#!${process.execPath}\nrequire('node:fs').writeFileSync(${JSON.stringify(log)}, JSON.stringify(process.argv.slice(2)));\n`);
  await chmod(editor, 0o755);
  await page.getByRole('button', { name: 'Settings' }).click();
  const editorChoice = page.getByRole('radiogroup', { name: 'Open files in' });
  await editorChoice.getByRole('radio', { name: /A command line/ }).check();
  const line = page.getByRole('textbox', { name: 'Editor command line' });
  await line.fill(`${editor} --at {line}`);
  await page.getByRole('button', { name: 'Save' }).last().click();
  await expect(page.getByRole('alert')).toContainText('Put {file} where the file goes');
  await line.fill(`${editor} --at {line} {file}`);
  await page.getByRole('button', { name: 'Save' }).last().click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  await page.goBack();
  await expect(codex).toBeVisible();
  const citation = codex.getByRole('region', { name: 'Answer' }).getByRole('link', { name: 'src/router.ts:1', exact: true });
  await expect(citation).toHaveClass(/is-ok/);
  await citation.click();
  const argv = JSON.parse(await eventually(() => readFile(log, 'utf8').catch(() => undefined))) as string[];
  expect(argv).toEqual(['--at', '1', join(tasks.repo, 'src', 'router.ts')]);
});

test('the palette compares the note being read with its siblings; a note without any says so', async ({ page }) => {
  await openApp(page, tasks.server.url);
  const dialog = await compose(page, 'Palette route [title Palette fake answer]', { repo: tasks.repo, agents: ['Codex CLI'] });
  await dialog.getByRole('button', { name: 'Ask 2 agents' }).click();
  await expect(taskCard(page, 'Palette fake answer')).toContainText('Done');
  await expect(taskCard(page, 'Codex answer').first()).toContainText('Done');
  await taskCard(page, 'Palette fake answer').getByRole('button', { name: 'Open note' }).click();
  await expect(page.getByRole('article', { name: 'Palette fake answer' })).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Shift+P');
  await expect(page.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox')).toBeFocused();
  await page.keyboard.type('compare');
  await page.keyboard.press('Enter');
  const compare = page.getByRole('main', { name: 'Compare answers' });
  await expect(compare.getByRole('region', { name: 'Fake agent’s answer' })).toHaveAttribute('aria-current', 'true');
  await expect(compare.locator('[data-compare-column]')).toHaveCount(2);
  // A sibling deleted since: the others are still compared, and the view says one is missing.
  const compareUrl = page.url();
  await compare.getByRole('region', { name: 'Codex CLI’s answer' }).getByRole('button', { name: 'Open' }).click();
  // The second Codex answer of the codebase that day is told apart by a number.
  const codexNote = page.getByRole('article', { name: /^Codex answer/ });
  await codexNote.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(/Moved “Codex answer( \(\d+\))?” to the trash\./);
  await page.goto(compareUrl);
  await expect(compare.locator('[data-compare-column]')).toHaveCount(1);
  await expect(compare).toContainText('1 answer is not in this notebook');
  await compare.getByRole('button', { name: 'Back to the note' }).click();
  await expect(page.getByRole('article', { name: 'Palette fake answer' })).toBeVisible();

  // A note asked of one agent only: nothing to compare, in the palette or at its address.
  await page.getByRole('option', { name: /How does ky turn a call/ }).click();
  await page.keyboard.press('ControlOrMeta+Shift+P');
  await expect(page.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox')).toBeFocused();
  await page.keyboard.type('compare');
  await expect(page.getByRole('dialog', { name: 'Command palette' })).not.toContainText('Compare answers');
  await page.keyboard.press('Escape');
  const id = new URL(page.url()).hash.split('/').pop()!;
  await page.goto(`${tasks.server.url}#/compare/${id}`);
  await expect(page.getByRole('heading', { name: 'No other answers to compare' })).toBeVisible();
});
