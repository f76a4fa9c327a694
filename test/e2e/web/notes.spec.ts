// Working with notes in the browser: tags, delete with undo, the trash, files changed outside the
// app, links to files, and switching notebooks.
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServeProcess } from '../../support/serve-process';
import { tempDir } from '../../support/temp';
import { expect, test } from './fixtures';

const ROUTING = /How does ky turn a call/;
const ROUTING_FILE = join('ky', '2026-11-28-how-does-request-routing-work.md');

test('tags are edited in the note and written to its file', async ({ app, notebook }) => {
  await app.getByRole('option', { name: ROUTING }).click();
  const note = app.getByRole('article');
  await note.getByRole('button', { name: 'Remove tag http' }).click();
  await note.getByRole('textbox', { name: 'Add a tag' }).fill('routing');
  await app.keyboard.press('Enter');
  await expect(note.getByLabel('Tags')).toContainText('routing');
  // The file's own style stays: its flow list is still a flow list, and only that line changed.
  await expect.poll(async () => (await readFile(join(notebook, ROUTING_FILE), 'utf8')).match(/^tags: .*$/m)?.[0]).toBe('tags: [architecture, routing]');
  await expect(app.getByRole('option', { name: ROUTING })).toContainText('routing');
});

test('a deleted note can be undone, and restored or deleted for good from the trash', async ({ app }) => {
  await app.getByRole('option', { name: ROUTING }).click();
  await app.getByRole('article').getByRole('button', { name: 'Delete' }).click();
  await expect(app.getByRole('option', { name: ROUTING })).toHaveCount(0);
  await app.getByRole('status', { name: 'Notifications' }).getByRole('button', { name: 'Undo' }).click();
  await expect(app.getByRole('article').getByRole('heading', { level: 1 })).toHaveText(ROUTING);

  await app.getByRole('article').getByRole('button', { name: 'Delete' }).click();
  await app.getByRole('navigation').getByRole('button', { name: /Trash/ }).click();
  const trash = app.getByRole('list', { name: 'Trashed notes' });
  await expect(trash.getByRole('listitem')).toHaveCount(1);
  await app.getByRole('button', { name: 'Empty trash' }).click();
  const confirm = app.getByRole('alertdialog', { name: 'Empty the trash?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(trash.getByRole('listitem')).toHaveCount(1);
  await app.getByRole('button', { name: 'Empty trash' }).click();
  await confirm.getByRole('button', { name: 'Delete for good' }).click();
  await expect(app.getByRole('heading', { name: 'The trash is empty' })).toBeVisible();
});

test.describe('a file linked from a note', () => {
  let bin: string;
  test.beforeAll(async () => {
    // A stand-in for xdg-open that records what it was asked to open.
    bin = await tempDir('fieldnotes-bin-');
    await writeFile(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$1" >> '${join(bin, 'opened.log')}'\n`);
    await chmod(join(bin, 'xdg-open'), 0o755);
  });
  test('opens in the user’s editor, and a note written outside the app shows up live', async ({ browser, notebook }) => {
    test.skip(process.platform !== 'linux', 'the stand-in on PATH replaces xdg-open, which the app runs only on Linux (electron/core/ports/node-ports.ts: `open` on macOS, Explorer on Windows)');
    const repo = await tempDir('fieldnotes-repo-');
    await mkdir(join(repo, 'src', 'router'), { recursive: true });
    await writeFile(join(repo, 'src', 'router', 'index.ts'), 'export const routes = [];\n');
    const server = await startServeProcess(notebook, { FIELDNOTES_HOME: await tempDir(), PATH: `${bin}:${process.env.PATH}` });
    try {
      const page = await browser.newPage();
      await page.goto(server.url);
      await expect(page.getByRole('listbox', { name: 'All notes' })).toBeVisible();
      // Written by "an editor": it appears without a reload.
      await mkdir(join(notebook, 'app'), { recursive: true });
      await writeFile(
        join(notebook, 'app', '2026-11-29-where-are-routes.md'),
        `---\nid: 01JF0000000000000000000QNK\ntitle: Where are the routes?\ncreated: 2026-11-29T09:00:00.000Z\nrepo: { name: app, path: ${repo} }\n---\nRoutes live in \`src/router/index.ts:1\`.\n`,
      );
      await page.getByRole('option', { name: /Where are the routes/ }).click();
      await page.getByRole('article').getByRole('link', { name: 'src/router/index.ts:1' }).click();
      await expect.poll(() => readFile(join(bin, 'opened.log'), 'utf8').catch(() => '')).toBe(`${join(repo, 'src', 'router', 'index.ts')}\n`);
      await page.close();
    } finally {
      await server.stop();
    }
  });
});

test('the notebook switcher opens another folder, and says why a bad path does not work', async ({ app }) => {
  const other = await tempDir('fieldnotes-other-');
  await writeFile(join(other, 'hello.md'), '# Hello from the other notebook\n');
  await app.getByRole('button', { name: /fieldnotes-notebook-/ }).click();
  const menu = app.getByRole('dialog', { name: 'Switch notebook' });
  await menu.getByLabel('Open a folder by its full path').fill(join(other, 'missing'));
  await menu.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(menu.getByRole('alert')).toContainText('There is no folder at');
  await menu.getByLabel('Open a folder by its full path').fill(other);
  await menu.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(app.getByRole('option', { name: /Hello from the other notebook/ })).toBeVisible();
  await expect(menu).toBeHidden();
  await app.getByRole('button', { name: /fieldnotes-other-/ }).click();
  await expect(app.getByRole('dialog', { name: 'Switch notebook' }).getByRole('button', { name: /fieldnotes-notebook-/ })).toBeVisible();
});

test('a note whose agent could not read the code says so, above its answer', async ({ app, notebook }) => {
  const warning = 'The agent could not read the code: cat: docs/missing.md: No such file or directory';
  await mkdir(join(notebook, 'app'), { recursive: true });
  await writeFile(
    join(notebook, 'app', '2026-11-29-what-is-the-secret.md'),
    `---\nid: 01JF0000000000000000000WRN\ntitle: What is the secret ingredient?\ncreated: 2026-11-29T09:00:00.000Z\nstatus: done\nwarning: '${warning}'\n---\nProbably salt.\n`,
  );
  await app.getByRole('option', { name: /What is the secret ingredient/ }).click();
  const banner = app.getByRole('article').getByRole('note', { name: 'The agent could not read the code' });
  await expect(banner).toContainText('This answer may not rest on the code.');
  await expect(banner).toContainText(warning);
});
